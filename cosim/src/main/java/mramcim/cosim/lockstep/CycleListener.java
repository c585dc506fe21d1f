package mramcim.cosim.lockstep;

/**
 * A hook a lockstep run calls after every edge: waveform writers, coverage collectors, recorders.
 * {@code cycle} counts edges from 1.
 *
 * <p>On the batched engines the hook runs after the model's edge, before the RTL has run it: the
 * design's pins are {@link Lockstep#observed}, which the RTL is then checked against. A hook that
 * needs the RTL itself every edge (its trace, its buffers) says so with {@link #needsLiveRtl()}
 * and gets the cycle engine.
 */
public interface CycleListener {

    /** Called after edge {@code cycle}, with both sides' pins as they are after it. */
    void afterEdge(Lockstep ls, long cycle);

    /** Called once when the run ends, before the lockstep closes (writers flush here). */
    default void end(Lockstep ls) {}

    /** True if the hook reads the RTL model itself after every edge: it runs on the cycle engine. */
    default boolean needsLiveRtl() {
        return false;
    }
}
