package mramcim.model.array;

/** Which delay solver a readout uses. */
public enum Solver {
    /** {@link ExactLadderSolver}: the golden transient of the RC ladder, slow. */
    EXACT,
    /** {@link FastDelayModel} with precomputed tables: the path for large workloads. */
    FAST
}
