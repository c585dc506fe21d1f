package mramcim.model.macro;

import mramcim.model.periphery.HostPins;
import mramcim.spec.Status;

/**
 * The host's side of the SPEC 5 valid/ready handshake, written once: present a command ({@code
 * cmd_valid} with its fields), see it accepted (an edge with {@code cmd_valid} and {@code
 * cmd_ready} both high), wait for {@code rsp_valid}, take the response (an edge with {@code
 * rsp_ready} high). The Java {@link Macro} and the lockstep host run commands with {@link
 * #execute}; the random stimulus, which decides the pins itself edge by edge, uses {@link #present}
 * and {@link #accepted}.
 */
public final class HostDriver {

    /** The macro's side of the handshake as the host samples it before an edge. */
    public interface Bus {
        /** {@code cmd_ready} now. */
        boolean cmdReady();

        /** {@code rsp_valid} now. */
        boolean rspValid();

        /** {@code rsp_status} now. */
        int rspStatus();

        /** {@code rsp_data} now. */
        int rspData();

        /** One rising edge with the host pins as they are. */
        void edge();

        /** Edges so far. */
        long cycle();
    }

    private final HostPins pins;

    /** A driver of {@code pins}, the host pins the macro samples at each edge. */
    public HostDriver(HostPins pins) {
        this.pins = pins;
    }

    /**
     * Raises {@code cmd_valid} with a command's fields; they hold until the command is accepted.
     */
    public void present(int op, int addr, long data) {
        pins.cmdValid = true;
        pins.cmdOp = op;
        pins.cmdAddr = addr;
        pins.cmdData = data;
    }

    /**
     * Whether the command presented at the last edge was accepted there ({@code cmd_ready} was high
     * at it); if so, {@code cmd_valid} falls.
     */
    public boolean accepted(boolean cmdReadyAtLastEdge) {
        if (pins.cmdValid && cmdReadyAtLastEdge) {
            pins.cmdValid = false;
            return true;
        }
        return false;
    }

    /**
     * Runs one command to its response: presents it, holds it until an edge accepts it, waits for
     * {@code rsp_valid}, keeps {@code rsp_ready} low for {@code rspReadyDelay} more edges
     * (back-pressure), then takes the response at the next edge.
     *
     * @return the response, with the edges from the first one the command was presented at to the
     *     one that took the response, both included
     */
    public Response execute(Bus bus, int op, int addr, long data, int rspReadyDelay) {
        long start = bus.cycle();
        present(op, addr, data);
        pins.rspReady = false;
        boolean accepted = false;
        while (!accepted) {
            boolean ready = bus.cmdReady();
            bus.edge();
            accepted = accepted(ready);
        }
        int waited = 0;
        while (true) {
            if (bus.rspValid()) {
                if (waited >= rspReadyDelay) {
                    Status status = Status.of(bus.rspStatus());
                    int rsp = bus.rspData();
                    pins.rspReady = true;
                    bus.edge();
                    pins.rspReady = false;
                    return new Response(status, rsp, bus.cycle() - start);
                }
                waited++;
            }
            bus.edge();
        }
    }
}
