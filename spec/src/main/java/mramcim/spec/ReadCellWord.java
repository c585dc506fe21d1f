package mramcim.spec;

/** The response data of READ_CELL (SPEC section 5): bit 0 = MTJ A, bit 1 = MTJ B. */
public final class ReadCellWord {

    /** Bit of MTJ A. */
    public static final int A_BIT = 0;

    /** Bit of MTJ B. */
    public static final int B_BIT = 1;

    private ReadCellWord() {}

    /** The word of the two reads (true = antiparallel, read as 1). */
    public static int encode(boolean a, boolean b) {
        return (a ? 1 << A_BIT : 0) | (b ? 1 << B_BIT : 0);
    }
}
