package mramcim.model.array;

/**
 * The digital-to-analog boundary pins of SPEC section 4, as driven during one cycle. Mutable and
 * reused cycle after cycle: the lockstep loop runs millions of cycles.
 */
public final class DigitalPins {

    /** {@code in_vec[ROWS]}: input bits, bit i = row i, 1 = +1. */
    public final long[] inVec;

    /** {@code drv_en}: column drivers stepped to V_drv (a conversion frame). */
    public boolean drvEn;

    /** {@code acc_en}: access switches of the selected cell closed onto the data lines. */
    public boolean accEn;

    /** {@code acc_row}. */
    public int accRow;

    /** {@code acc_col}. */
    public int accCol;

    /** {@code acc_branch}: 0 = MTJ A, 1 = MTJ B. */
    public int accBranch;

    /** {@code wr_en}: write pulse on the data lines. */
    public boolean wrEn;

    /** {@code wr_dir}: 1 = toward AP. */
    public boolean wrDir;

    /** {@code wr_amp[4]}: pulse amplitude code. */
    public int wrAmp;

    /** {@code rd_en}: read bias on the data lines. */
    public boolean rdEn;

    public DigitalPins(int rows) {
        this.inVec = new long[(rows + 63) / 64];
    }
}
