package mramcim.spec;

/**
 * Limits of the write-verify sequencer (SPEC sections 4 and 5): the amplitude pin {@code wr_amp}
 * and the most pulses one WRITE_CELL can use.
 */
public final class WriteVerify {

    /** Width of the {@code wr_amp} pin (SPEC 4). */
    public static final int AMP_WIDTH = 4;

    /** The largest amplitude code, 15: the sequencer stops there (SPEC 5). */
    public static final int MAX_AMP = (1 << AMP_WIDTH) - 1;

    /** MTJs a WRITE_CELL writes: A and B. */
    public static final int MTJS_PER_CELL = 2;

    /** Pulses of one try in four-pulse mode (opposite, then target); two-pulse mode uses one. */
    public static final int MAX_PULSES_PER_TRY = 2;

    private WriteVerify() {}

    /**
     * The most pulses one WRITE_CELL can report: 2 MTJs x WR_MAX_TRIES' maximum x 2 pulses a try.
     */
    public static int maxPulses() {
        return MTJS_PER_CELL * Register.WR_MAX_TRIES.max() * MAX_PULSES_PER_TRY;
    }
}
