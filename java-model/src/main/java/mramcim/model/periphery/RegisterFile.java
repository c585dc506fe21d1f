package mramcim.model.periphery;

import mramcim.spec.IdWord;
import mramcim.spec.Offsets;
import mramcim.spec.Register;

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
        c0 = Register.C0.resetValue();
        gain = Register.GAIN.resetValue();
        frameCycles = Register.FRAME_CYCLES.resetValue();
        wrPulse = Register.WR_PULSE.resetValue();
        rdCycles = Register.RD_CYCLES.resetValue();
        wrAmpStart = Register.WR_AMP_START.resetValue();
        wrMaxTries = Register.WR_MAX_TRIES.resetValue();
        wrMode = Register.WR_MODE.resetValue();
        java.util.Arrays.fill(offset, 0);
    }

    /** Writes a register; the caller has checked {@link Register#writeLegal}. */
    public void write(int index, long value) {
        Register r = Register.of(index);
        if (r == null) {
            offset[index - Offsets.BASE] = (int) value;
            return;
        }
        switch (r) {
            case C0 -> c0 = (int) value;
            case GAIN -> gain = (int) value;
            case FRAME_CYCLES -> frameCycles = (int) value;
            case WR_PULSE -> wrPulse = (int) value;
            case RD_CYCLES -> rdCycles = (int) value;
            case WR_AMP_START -> wrAmpStart = (int) value;
            case WR_MAX_TRIES -> wrMaxTries = (int) value;
            case WR_MODE -> wrMode = (int) value;
            case ID -> throw new IllegalArgumentException("ID is read-only");
        }
    }

    /** READ_REG data: the register value, OFFSET sign-extended to 32 bits. */
    public int read(int index) {
        Register r = Register.of(index);
        if (r == null) {
            return offset[index - Offsets.BASE];
        }
        return switch (r) {
            case C0 -> c0;
            case GAIN -> gain;
            case FRAME_CYCLES -> frameCycles;
            case WR_PULSE -> wrPulse;
            case RD_CYCLES -> rdCycles;
            case WR_AMP_START -> wrAmpStart;
            case WR_MAX_TRIES -> wrMaxTries;
            case WR_MODE -> wrMode;
            case ID -> IdWord.encode(rows, cols);
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
