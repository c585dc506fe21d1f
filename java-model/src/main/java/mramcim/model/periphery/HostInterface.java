package mramcim.model.periphery;

import mramcim.spec.Status;

/**
 * Host interface (SPEC section 5): valid/ready both ways. The response registers hold a response
 * until the host takes it ({@code rsp_valid && rsp_ready} at an edge); no command is accepted while
 * a response waits, so exactly one response per accepted command leaves, in order, and a host that
 * holds {@code rsp_ready} low stalls the macro without losing anything.
 */
public final class HostInterface {

    private boolean rspValid;
    private int rspStatus;
    private int rspData;

    public void reset() {
        rspValid = false;
        rspStatus = 0;
        rspData = 0;
    }

    /**
     * One rising edge.
     *
     * @param rspReady the host's {@code rsp_ready} at this edge
     * @param respond the controller produces a response at this edge
     * @param status its status
     * @param data its data
     */
    public void clock(boolean rspReady, boolean respond, Status status, int data) {
        if (respond) {
            rspValid = true;
            rspStatus = status.code();
            rspData = data;
        } else if (rspValid && rspReady) {
            rspValid = false;
        }
    }

    /** {@code cmd_ready}: the controller is idle and no response is waiting. */
    public boolean cmdReady(boolean controllerIdle) {
        return controllerIdle && !rspValid;
    }

    public boolean rspValid() {
        return rspValid;
    }

    public int rspStatus() {
        return rspStatus;
    }

    public int rspData() {
        return rspData;
    }
}
