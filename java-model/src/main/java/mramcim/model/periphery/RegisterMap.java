package mramcim.model.periphery;

/**
 * Register indices, widths, legal ranges and reset values (SPEC section 5, "Registers"). The RTL's
 * RegisterFile implements the same table; the co-simulation compares them through READ_REG.
 *
 * <p>Reset values: FRAME_CYCLES, WR_PULSE and RD_CYCLES are the jung2022 preset's timing (180
 * cycles, 10 ns = 20 cycles, 4 cycles at 2 GHz); the {@code Macro} facade reprograms them from the
 * configuration in use. C0 = 0 and GAIN = 1.0 (Q8.8) until calibration; WR_AMP_START = 6 (0.7 V,
 * assumed: the first amplitude at which a nominal device switches with small probability);
 * WR_MAX_TRIES = 10 (assumed: enough to reach amplitude 15 from the start amplitude).
 */
public final class RegisterMap {

    public static final int C0 = 0x00;
    public static final int GAIN = 0x01;
    public static final int FRAME_CYCLES = 0x02;
    public static final int WR_PULSE = 0x03;
    public static final int RD_CYCLES = 0x04;
    public static final int WR_AMP_START = 0x05;
    public static final int WR_MAX_TRIES = 0x06;
    public static final int WR_MODE = 0x07;
    public static final int ID = 0x08;
    /** The global registers are 0..GLOBAL_COUNT - 1. */
    public static final int GLOBAL_COUNT = ID + 1;
    /** OFFSET[j] is at OFFSET_BASE + j, signed 8 bit. */
    public static final int OFFSET_BASE = 0x100;

    /** Version number in the ID register. */
    public static final int VERSION = 1;

    /** Largest FRAME_CYCLES, as the RTL's maxFrameCycles. */
    public static final int MAX_FRAME_CYCLES = 4095;
    /** Largest amplitude code (4-bit {@code wr_amp}). */
    public static final int MAX_AMP = 15;
    /** Largest WR_MAX_TRIES (SPEC 5: a 4-bit try count). */
    public static final int MAX_TRIES = 15;

    public static final int RESET_C0 = 0;
    /** GAIN is unsigned Q8.8: this value is a gain of 1.0 (SPEC 5). */
    public static final int GAIN_ONE = 256;
    /** Largest value of the 16-bit C0 and GAIN registers. */
    public static final int C0_GAIN_MAX = 0xFFFF;
    public static final int RESET_GAIN = GAIN_ONE;
    public static final int RESET_FRAME_CYCLES = 180;
    public static final int RESET_WR_PULSE = 20;
    public static final int RESET_RD_CYCLES = 4;
    public static final int RESET_WR_AMP_START = 6;
    public static final int RESET_WR_MAX_TRIES = 10;
    public static final int RESET_WR_MODE = 0;

    private RegisterMap() {
    }

    /** Name of a register index, for messages and waveforms. */
    public static String name(int index) {
        return switch (index) {
            case C0 -> "C0";
            case GAIN -> "GAIN";
            case FRAME_CYCLES -> "FRAME_CYCLES";
            case WR_PULSE -> "WR_PULSE";
            case RD_CYCLES -> "RD_CYCLES";
            case WR_AMP_START -> "WR_AMP_START";
            case WR_MAX_TRIES -> "WR_MAX_TRIES";
            case WR_MODE -> "WR_MODE";
            case ID -> "ID";
            default -> index >= OFFSET_BASE ? "OFFSET[" + (index - OFFSET_BASE) + "]" : "0x" + Integer.toHexString(index);
        };
    }

    /** The read-only ID value: version in [23:16], ROWS in [15:8], COLS in [7:0] (128 fits 8 bits). */
    public static int id(int rows, int cols) {
        return (VERSION << 16) | ((rows & 0xFF) << 8) | (cols & 0xFF);
    }

    /**
     * Whether {@code value} (the 64-bit {@code cmd_data}) is legal for writable register
     * {@code index}; OFFSET values are signed (sign-extended to 64 bits).
     */
    public static boolean legal(int index, long value, int cols) {
        return switch (index) {
            case C0, GAIN -> value >= 0 && value <= C0_GAIN_MAX;
            case FRAME_CYCLES -> value >= 1 && value <= MAX_FRAME_CYCLES;
            case WR_PULSE, RD_CYCLES -> value >= 1 && value <= 255;
            case WR_AMP_START -> value >= 0 && value <= MAX_AMP;
            case WR_MAX_TRIES -> value >= 1 && value <= MAX_TRIES;
            case WR_MODE -> value == 0 || value == 1;
            default -> index >= OFFSET_BASE && index < OFFSET_BASE + cols && value >= -128 && value <= 127;
        };
    }

    /** Whether {@code index} names a readable register. */
    public static boolean readable(int index, int cols) {
        return (index >= C0 && index <= ID) || (index >= OFFSET_BASE && index < OFFSET_BASE + cols);
    }
}
