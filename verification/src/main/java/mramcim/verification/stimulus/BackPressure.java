package mramcim.verification.stimulus;

import java.util.function.IntSupplier;

/**
 * The host's back-pressure on one response, shared by every stimulus so that a recorded trace
 * replays the random host's {@code rsp_ready} exactly: when a response is first seen valid, a stall
 * length S is chosen; {@code rsp_ready} stays low for S edges and the next edge takes the response.
 */
public final class BackPressure {

    /** Edges still to hold {@code rsp_ready} low, or -1 when no response is being held. */
    private int stall = -1;

    /**
     * {@code rsp_ready} at an edge with a valid response; {@code choose} gives the stall length
     * once per response, at its first valid edge.
     */
    public boolean ready(IntSupplier choose) {
        if (stall < 0) {
            stall = choose.getAsInt();
        }
        boolean ready = stall == 0;
        stall = ready ? -1 : stall - 1;
        return ready;
    }

    /** No response is valid (or the macro was reset): the next one gets its own stall. */
    public void idle() {
        stall = -1;
    }
}
