package mramcim.spec;

/**
 * The global registers of SPEC section 5 ("Registers"): index, width, reset value and legal range.
 * A WRITE_REG of a value outside {@link #min()}..{@link #max()}, or of a read-only register, is
 * BAD_CMD and changes nothing. The per-column offsets are {@link Offsets}.
 *
 * <p>SPEC 5 names the registers in this order and leaves the indices to the implementation; they
 * are numbered in that order from 0. Widths and ranges are the project's decisions (see
 * docs/architecture.md, "The digital contract"):
 *
 * <ul>
 *   <li>C0 and GAIN are 16 bit (a code fits in {@code FRAME_CYCLES}' 12 bits; GAIN is Q8.8, {@link
 *       Gain}).
 *   <li>FRAME_CYCLES is 12 bit, 1..4095: the default frame is 180 cycles (SPEC 3), and 4095 leaves
 *       room for a TDC clock up to about 20x finer, which the "fine TDC" checks of the ideal preset
 *       use. The TDC counters are as wide ({@link Sizes#codeWidth()}).
 *   <li>WR_PULSE and RD_CYCLES are 8 bit, 1..255 cycles.
 *   <li>WR_AMP_START is as wide as the {@code wr_amp} pin (SPEC 4, {@link WriteVerify#AMP_WIDTH});
 *       WR_MAX_TRIES is a 4-bit try count, 1..15.
 *   <li>WR_MODE is one bit: 0 two-pulse, 1 four-pulse.
 * </ul>
 *
 * Reset values: FRAME_CYCLES, WR_PULSE and RD_CYCLES are the jung2022 preset's timing (180 cycles,
 * 10 ns = 20 cycles, 4 cycles at 2 GHz); the model's {@code Macro} facade reprograms them from the
 * configuration in use. C0 = 0 and GAIN = 1.0 until calibration; WR_AMP_START = 6 (0.7 V, assumed:
 * the first amplitude at which a nominal device switches with small probability); WR_MAX_TRIES = 10
 * (assumed: enough to reach amplitude 15 from the start amplitude).
 */
public enum Register {
    C0(0x00, 16, 0, 0, true),
    GAIN(0x01, 16, Gain.ONE, 0, true),
    FRAME_CYCLES(0x02, 12, 180, 1, true),
    WR_PULSE(0x03, 8, 20, 1, true),
    RD_CYCLES(0x04, 8, 4, 1, true),
    WR_AMP_START(0x05, WriteVerify.AMP_WIDTH, 6, 0, true),
    WR_MAX_TRIES(0x06, 4, 10, 1, true),
    WR_MODE(0x07, 1, 0, 0, true),
    /**
     * Read-only: version, ROWS and COLS ({@link IdWord}); its value depends on the size, not on
     * reset.
     */
    ID(0x08, IdWord.WIDTH, 0, 0, false);

    /** The global registers are indices 0..GLOBAL_COUNT - 1. */
    public static final int GLOBAL_COUNT = values().length;

    private final int index;
    private final int width;
    private final int resetValue;
    private final int min;
    private final boolean writable;

    Register(int index, int width, int resetValue, int min, boolean writable) {
        this.index = index;
        this.width = width;
        this.resetValue = resetValue;
        this.min = min;
        this.writable = writable;
    }

    /** The register's index, the {@code cmd_addr} of WRITE_REG and READ_REG. */
    public int index() {
        return index;
    }

    /** Number of bits the register holds. */
    public int width() {
        return width;
    }

    /** Value after reset (ID: 0, its value is {@link IdWord#encode}). */
    public int resetValue() {
        return resetValue;
    }

    /** Smallest legal WRITE_REG value. */
    public int min() {
        return min;
    }

    /** Largest legal WRITE_REG value: every bit of the register set. */
    public int max() {
        return (int) HostBus.mask(width);
    }

    /** Whether WRITE_REG may write it (ID is read-only). */
    public boolean writable() {
        return writable;
    }

    /** Whether WRITE_REG of {@code value} (the 64-bit {@code cmd_data}) is legal. */
    public boolean legal(long value) {
        return writable && value >= min && value <= max();
    }

    /** The register at {@code index}, or null if no global register is there. */
    public static Register of(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }

    /** Every register by its index; {@code values()} would copy the array on each decode. */
    private static final Register[] BY_INDEX = byIndex();

    private static Register[] byIndex() {
        int max = 0;
        for (Register r : values()) {
            max = Math.max(max, r.index);
        }
        Register[] t = new Register[max + 1];
        for (Register r : values()) {
            t[r.index] = r;
        }
        return t;
    }

    /** Whether WRITE_REG of {@code value} to {@code index} is legal on a COLS-column macro. */
    public static boolean writeLegal(int index, long value, int cols) {
        Register r = of(index);
        if (r != null) {
            return r.legal(value);
        }
        return Offsets.contains(index, cols) && Offsets.legal(value);
    }

    /** Whether READ_REG of {@code index} is legal on a COLS-column macro. */
    public static boolean readable(int index, int cols) {
        return of(index) != null || Offsets.contains(index, cols);
    }

    /** Name of a register index, for messages and waveforms: "GAIN", "OFFSET[3]", or hex. */
    public static String name(int index) {
        Register r = of(index);
        if (r != null) {
            return r.name();
        }
        return index >= Offsets.BASE ? "OFFSET[" + (index - Offsets.BASE) + "]" : "0x" + Integer.toHexString(index);
    }
}
