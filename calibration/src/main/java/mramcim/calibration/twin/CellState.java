package mramcim.calibration.twin;

/**
 * The four electrical states a bit cell shows a conversion (SPEC 2, "Bit cell"): which branch the
 * input turns on and which state that branch's MTJ is in. IN = +1 turns on branch A, whose MTJ is
 * in P for W = +1; IN = -1 turns on branch B, whose MTJ is in AP for W = +1. So a cell has four
 * delay contributions, two of them (IN == W) low and two high.
 */
final class CellState {

    /** States per cell. */
    static final int STATES = 4;

    /** IN +1, W +1: branch A on, MTJ A parallel (low). */
    static final int A_P = 0;

    /** IN +1, W -1: branch A on, MTJ A antiparallel (high). */
    static final int A_AP = 1;

    /** IN -1, W +1: branch B on, MTJ B antiparallel (high). */
    static final int B_AP = 2;

    /** IN -1, W -1: branch B on, MTJ B parallel (low). */
    static final int B_P = 3;

    private CellState() {}

    /** The state of a cell with input {@code in} and weight {@code w} (each +1 or -1). */
    static int of(int in, int w) {
        return (in > 0 ? A_P : B_AP) + (w > 0 ? 0 : 1);
    }

    /** True for the low states, where IN == W and the on-branch MTJ is parallel. */
    static boolean match(int state) {
        return state == A_P || state == B_P;
    }
}
