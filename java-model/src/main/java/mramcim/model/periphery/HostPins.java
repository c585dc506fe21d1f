package mramcim.model.periphery;

/**
 * The host's side of the host interface for one cycle: {@code cmd_*} and {@code rsp_ready}.
 * Mutable, reused.
 */
public final class HostPins {

    public boolean cmdValid;

    /** {@code cmd_op[4]}. */
    public int cmdOp;

    /**
     * {@code cmd_addr[16]}: row in [15:8], column in [7:0] for cell ops; column or register index
     * otherwise.
     */
    public int cmdAddr;

    /** {@code cmd_data[64]}. */
    public long cmdData;

    public boolean rspReady;

    /** Copies another host's pins. */
    public void copyFrom(HostPins o) {
        cmdValid = o.cmdValid;
        cmdOp = o.cmdOp;
        cmdAddr = o.cmdAddr;
        cmdData = o.cmdData;
        rspReady = o.rspReady;
    }
}
