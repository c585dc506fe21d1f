package mramcim.model.passive.config;

import mramcim.model.config.Check;
import mramcim.model.config.Param;

/**
 * How the passive array is read and written (seed 004 section II.B and Fig. 2(b)).
 *
 * @param vRead read voltage on the target row, all other lines grounded
 * @param vStart first V_apply of the four-pulse write-verify ramp
 * @param vStep V_apply increment after a failed four-pulse sequence
 * @param verifyRatio on/off read ratio of pulses 2 and 4 that counts as switched
 * @param readNoise standard deviation of a current measurement
 * @param clearPasses times every device is written off before a solution is written
 */
public record ProgrammingParams(
        @Param(unit = "V", source = "seed 004 II.A: V_read = 0.2 V")
        double vRead,

        @Param(unit = "V", source = "assumed 1.0 V: below every switching voltage of Fig. 2(d)")
        double vStart,

        @Param(unit = "V", source = "assumed 50 mV: fine against the 2.2 V switching voltage of Fig. 2(d)")
        double vStep,

        @Param(
                unit = "1",
                source =
                        "assumed 1.3: between no switch (about 1) and the on/off ratio of about 2 (seed 004 Fig. 4(c))")
        double verifyRatio,

        @Param(
                unit = "A",
                source =
                        "seed 004 App. B: 'standard deviation in the measurements of the current of each individual device is about 10 nA'")
        double readNoise,

        @Param(unit = "1", source = "seed 004 Fig. 3(c): the clear operation writes all devices off twice")
        int clearPasses) {

    public ProgrammingParams {
        Check.positive("programming.vRead", vRead, "V");
        Check.positive("programming.vStart", vStart, "V");
        Check.positive("programming.vStep", vStep, "V");
        Check.range("programming.verifyRatio", verifyRatio, 1, 100, "1");
        Check.range("programming.readNoise", readNoise, 0, 1e-3, "A");
        Check.range("programming.clearPasses", clearPasses, 0, 10);
    }

    /** The seed-004 procedure. */
    public static ProgrammingParams seed004() {
        return new ProgrammingParams(0.2, 1.0, 0.05, 1.3, 10e-9, 2);
    }

    /** The same procedure with noiseless current measurements. */
    public ProgrammingParams withoutReadNoise() {
        return new ProgrammingParams(vRead, vStart, vStep, verifyRatio, 0, clearPasses);
    }
}
