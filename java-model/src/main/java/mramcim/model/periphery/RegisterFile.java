package mramcim.model.periphery;

/** The register file (SPEC section 5): configuration, calibration and the per-column offsets. */
public final class RegisterFile {

    private final int rows;
    private final int cols;
    private int c0;
    private int gain;
    private int frameCycles;
    private int wrPulse;
    private int rdCycles;
    private int wrAmpStart;
    private int wrMaxTries;
    private int wrMode;
    private final int[] offset;

    public RegisterFile(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.offset = new int[cols];
        reset();
    }

    /** All registers to their reset values. */
    public void reset() {
        c0 = RegisterMap.RESET_C0;
        gain = RegisterMap.RESET_GAIN;
        frameCycles = RegisterMap.RESET_FRAME_CYCLES;
        wrPulse = RegisterMap.RESET_WR_PULSE;
        rdCycles = RegisterMap.RESET_RD_CYCLES;
        wrAmpStart = RegisterMap.RESET_WR_AMP_START;
        wrMaxTries = RegisterMap.RESET_WR_MAX_TRIES;
        wrMode = RegisterMap.RESET_WR_MODE;
        java.util.Arrays.fill(offset, 0);
    }

    /** Writes a register; the caller has checked {@link RegisterMap#legal}. */
    public void write(int index, long value) {
        switch (index) {
            case RegisterMap.C0 -> c0 = (int) value;
            case RegisterMap.GAIN -> gain = (int) value;
            case RegisterMap.FRAME_CYCLES -> frameCycles = (int) value;
            case RegisterMap.WR_PULSE -> wrPulse = (int) value;
            case RegisterMap.RD_CYCLES -> rdCycles = (int) value;
            case RegisterMap.WR_AMP_START -> wrAmpStart = (int) value;
            case RegisterMap.WR_MAX_TRIES -> wrMaxTries = (int) value;
            case RegisterMap.WR_MODE -> wrMode = (int) value;
            default -> offset[index - RegisterMap.OFFSET_BASE] = (int) value;
        }
    }

    /** READ_REG data: the register value, OFFSET sign-extended to 32 bits. */
    public int read(int index) {
        return switch (index) {
            case RegisterMap.C0 -> c0;
            case RegisterMap.GAIN -> gain;
            case RegisterMap.FRAME_CYCLES -> frameCycles;
            case RegisterMap.WR_PULSE -> wrPulse;
            case RegisterMap.RD_CYCLES -> rdCycles;
            case RegisterMap.WR_AMP_START -> wrAmpStart;
            case RegisterMap.WR_MAX_TRIES -> wrMaxTries;
            case RegisterMap.WR_MODE -> wrMode;
            case RegisterMap.ID -> RegisterMap.id(rows, cols);
            default -> offset[index - RegisterMap.OFFSET_BASE];
        };
    }

    public int c0() {
        return c0;
    }

    public int gain() {
        return gain;
    }

    public int frameCycles() {
        return frameCycles;
    }

    public int wrPulse() {
        return wrPulse;
    }

    public int rdCycles() {
        return rdCycles;
    }

    public int wrAmpStart() {
        return wrAmpStart;
    }

    public int wrMaxTries() {
        return wrMaxTries;
    }

    /** 0: two-pulse write-verify, 1: four-pulse (seed 004 Fig. 2b). */
    public int wrMode() {
        return wrMode;
    }

    /** OFFSET[col]. */
    public int offset(int col) {
        return offset[col];
    }
}
