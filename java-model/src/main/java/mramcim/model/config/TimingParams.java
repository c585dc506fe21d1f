package mramcim.model.config;

import mramcim.spec.Register;

/**
 * Clock and frame (SPEC section 3): one clock, the TDC clock; one conversion frame of {@code
 * frameCycles} cycles. The defaults give one frame per 90 ns, the 11.1 MHz operating frequency of
 * seed 000.
 */
public record TimingParams(
        @Param(unit = "s", source = "SPEC 3: assumed 2.0 GHz TDC clock")
        double tClk,

        @Param(unit = "1", source = "SPEC 3: assumed 180 cycles = 90 ns = 11.1 MHz (seed 000)")
        int frameCycles,

        @Param(unit = "1", source = "assumed 4 cycles (2 ns) for the read sense amplifier to settle")
        int rdCycles) {

    /** Largest frame the digital periphery supports: the FRAME_CYCLES register's maximum. */
    public static final int MAX_FRAME_CYCLES = Register.FRAME_CYCLES.max();

    public TimingParams {
        Check.range("timing.tClk", tClk, 1e-12, 1e-6, "s");
        Check.range("timing.frameCycles", frameCycles, Register.FRAME_CYCLES.min(), MAX_FRAME_CYCLES);
        Check.range("timing.rdCycles", rdCycles, Register.RD_CYCLES.min(), Register.RD_CYCLES.max());
    }

    /** One conversion frame per {@code frameCycles * tClk}: the macro's operating frequency. */
    public double operatingFrequency() {
        return 1.0 / (frameCycles * tClk);
    }
}
