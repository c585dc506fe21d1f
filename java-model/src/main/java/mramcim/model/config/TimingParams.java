package mramcim.model.config;

/**
 * Clock and frame (SPEC section 3): one clock, the TDC clock; one conversion frame of
 * {@code frameCycles} cycles. The defaults give one frame per 90 ns, the 11.1 MHz operating
 * frequency of seed 000.
 */
public record TimingParams(
        @Param(unit = "s", source = "SPEC 3: assumed 2.0 GHz TDC clock") double tClk,
        @Param(unit = "1", source = "SPEC 3: assumed 180 cycles = 90 ns = 11.1 MHz (seed 000)") int frameCycles,
        @Param(unit = "1", source = "assumed 4 cycles (2 ns) for the read sense amplifier to settle") int rdCycles) {

    /** Largest frame the digital periphery supports (the FRAME_CYCLES register), as in the RTL. */
    public static final int MAX_FRAME_CYCLES = 4095;

    public TimingParams {
        Check.range("timing.tClk", tClk, 1e-12, 1e-6, "s");
        Check.range("timing.frameCycles", frameCycles, 1, MAX_FRAME_CYCLES);
        Check.range("timing.rdCycles", rdCycles, 1, 255);
    }

    /** One conversion frame per {@code frameCycles * tClk}: the macro's operating frequency. */
    public double operatingFrequency() {
        return 1.0 / (frameCycles * tClk);
    }
}
