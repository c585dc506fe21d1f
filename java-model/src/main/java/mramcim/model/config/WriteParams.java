package mramcim.model.config;

/**
 * Write path through the data lines (SPEC section 2, "Write/read data lines"; seed 000 Extended
 * Data Fig. 2). Pulse amplitude {@code vW = vW0 + wr_amp * dVw}. Switching is thermally activated
 * (Neel-Brown): {@code P = 1 - exp(-t / (tau0 * exp(delta * (1 - vW / vCrit))))}, with a per-device
 * critical voltage drawn from a normal distribution (seed 004 Fig. 2d shows such a distribution).
 * The critical voltage refers to the data-line voltage across the selected branch.
 */
public record WriteParams(
        @Param(unit = "V", source = "SPEC 2: assumed 0.4 V") double vW0,

        @Param(unit = "V", source = "SPEC 2: assumed 0.05 V per amplitude step")
        double dVw,

        @Param(unit = "V", source = "SPEC 2: assumed 0.8 V") double vCrit,

        @Param(unit = "rel", source = "SPEC 2: assumed 8 %; normal, as seed 004 Fig. 2d")
        double vCritSigma,

        @Param(unit = "s", source = "SPEC 2: assumed 10 ns") double pulseWidth,

        @Param(unit = "s", source = "assumed 1 ns: the usual attempt time of thermally activated MTJ switching")
        double tau0,

        @Param(
                unit = "1",
                source = "assumed 40: thermal stability factor that puts the 10 ns switching edge"
                        + " one to two amplitude steps wide")
        double delta) {

    /**
     * Number of amplitude steps the 4-bit {@code wr_amp} pin can select (0..15), SPEC section 4.
     */
    public static final int AMPLITUDE_STEPS = 16;

    public WriteParams {
        Check.range("write.vW0", vW0, 0.01, 5, "V", "a write pulse of a CMOS macro");
        Check.range("write.dVw", dVw, 1e-4, 1, "V", "one of 16 amplitude steps");
        Check.range("write.vCrit", vCrit, 0.01, 5, "V", "the switching voltage of an MTJ branch");
        Check.range("write.vCritSigma", vCritSigma, 0, 0.2, "rel");
        Check.range("write.pulseWidth", pulseWidth, 1e-11, 1e-5, "s", "write pulses from 10 ps to 10 us");
        Check.range(
                "write.tau0",
                tau0,
                1e-13,
                1e-6,
                "s",
                "the attempt time of thermally activated switching, about a nanosecond");
        Check.range("write.delta", delta, 1, 200, "1");
    }

    /** Data-line voltage of amplitude code {@code amp} (0..15). */
    public double amplitude(int amp) {
        Check.range("wr_amp", amp, 0, AMPLITUDE_STEPS - 1);
        return vW0 + amp * dVw;
    }
}
