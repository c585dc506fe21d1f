package mramcim.cosim.lockstep;

/**
 * A hook a lockstep run calls after every edge: waveform writers, coverage collectors, recorders.
 * {@code cycle} counts edges from 1.
 */
public interface CycleListener {

    /** Called after edge {@code cycle}, with both sides' pins as they are after it. */
    void afterEdge(Lockstep ls, long cycle);

    /** Called once when the run ends, before the lockstep closes (writers flush here). */
    default void end(Lockstep ls) {}
}
