package mramcim.verification.stimulus;

import mramcim.model.array.AnalogFault;
import mramcim.model.periphery.HostPins;

/**
 * What drives the host side of a lockstep edge by edge: the constrained-random host of a seed
 * ({@link RandomHost}) or a recorded command trace (the trace package's TraceHost).
 * Each edge the lockstep first asks {@link #resetNow()}; on a reset it calls {@link #onReset()},
 * otherwise {@link #next} with the model's handshake outputs, then reads {@link #analogFault()}.
 * A stimulus reacts only to the model's {@code cmd_ready} and {@code rsp_valid}, so it drives the
 * same edges again on every replay.
 */
public interface Stimulus {

    /** Whether the coming edge is a reset edge. */
    boolean resetNow();

    /** The host pins for the coming edge, given the model's present {@code cmd_ready} and {@code rsp_valid}. */
    HostPins next(boolean cmdReady, boolean rspValid);

    /** The edge just run was a reset: nothing is presented or pending any more. */
    void onReset();

    /** The analog fault both arrays show at the coming edge. */
    AnalogFault analogFault();

    /** Whether the stimulus has nothing more to drive (a trace at its end); a random host never has. */
    default boolean finished() {
        return false;
    }
}
