package mramcim.model.passive.config;

import mramcim.model.config.Check;
import mramcim.model.config.Param;

/**
 * One MTJ of the passive crossbar of seed 004 (Goodwill et al. 2022): a linear conductance in the
 * off (antiparallel) or on (parallel) state and a switching-voltage threshold. Device-to-device
 * variation is drawn once per device ("30 realizations ... treating the off-state conductance and
 * TMR of each MTJ as independent normally distributed quantities", seed 004 section II.D); the
 * cycle-to-cycle terms are drawn per switching event and per pulse.
 *
 * @param diameterNm nominal MTJ diameter
 * @param gOff mean off-state conductance of the junction alone (no lines)
 * @param gOffSigma device-to-device sigma of gOff, relative
 * @param tmr mean TMR = (g_on - g_off) / g_off, seed 004 eq. (1)
 * @param tmrSigma device-to-device sigma of the TMR, relative
 * @param cycleSigma cycle-to-cycle sigma of the conductance after each switching event, relative
 * @param vSwitch mean switching voltage across the junction, both polarities
 * @param vSwitchSigma device-to-device sigma of the switching voltage, relative
 * @param vSwitchCycleSigma pulse-to-pulse sigma of the switching voltage, relative (stochastic
 *     switching and disturb)
 */
public record PassiveDeviceParams(
        @Param(unit = "nm", source = "seed 004 II.A: arrays of 30, 40, 50 and 60 nm diameter")
        int diameterNm,

        @Param(
                unit = "S",
                source =
                        "assumed: 15 uS at 30 nm, so that behind the line resistances the read-back states of a programmed 30 nm array are about 8 and 14 uS (seed 004 Fig. 4(c): on/off ratio about 2, overlap near 14 uS); scales with area (seed 004 II.D: 'conductances scale quadratically with the MTJ diameter')")
        double gOff,

        @Param(
                unit = "rel",
                source = "assumed 8 %: off-state histogram narrower than the on-state (seed 004 Fig. 4(c))")
        double gOffSigma,

        @Param(unit = "1", source = "seed 004 Fig. 4(c): on/off ratio around 2, TMR about 100 %")
        double tmr,

        @Param(
                unit = "rel",
                source =
                        "assumed 12 %: on-state histogram wider than the off-state, slight overlap (seed 004 Fig. 4(c))")
        double tmrSigma,

        @Param(
                unit = "rel",
                source = "assumed 3 %: 'device conductance could vary between on/off switching cycles' (seed 004 II.B)")
        double cycleSigma,

        @Param(
                unit = "V",
                source =
                        "assumed 1.6 V: with the line drops of CrossbarLines.seed004() the array mean effective switching voltage is 2.2 V (seed 004 Fig. 2(d)); the in-array device of Fig. 2(c) switches at about 1.5 V")
        double vSwitch,

        @Param(unit = "rel", source = "assumed 6 %: seed 004 Fig. 2(d) 'essentially a normal distribution'")
        double vSwitchSigma,

        @Param(unit = "rel", source = "assumed 3 %: thermally activated switching varies pulse to pulse")
        double vSwitchCycleSigma) {

    /** The diameter all the reference values above are given for. */
    public static final int REFERENCE_DIAMETER_NM = 30;

    /** The diameters seed 004 fabricated. */
    public static final int[] DIAMETERS_NM = {30, 40, 50, 60};

    public PassiveDeviceParams {
        Check.range("device.diameterNm", diameterNm, 1, 1000);
        Check.positive("device.gOff", gOff, "S");
        Check.range("device.gOffSigma", gOffSigma, 0, 0.5, "rel");
        Check.range("device.tmr", tmr, 1e-3, 10, "1");
        Check.range("device.tmrSigma", tmrSigma, 0, 0.5, "rel");
        Check.range("device.cycleSigma", cycleSigma, 0, 0.5, "rel");
        Check.positive("device.vSwitch", vSwitch, "V");
        Check.range("device.vSwitchSigma", vSwitchSigma, 0, 0.5, "rel");
        Check.range("device.vSwitchCycleSigma", vSwitchCycleSigma, 0, 0.5, "rel");
    }

    /**
     * The seed-004 device of one of the fabricated diameters: the 30 nm values scaled with area.
     *
     * @throws IllegalArgumentException for a diameter seed 004 did not fabricate
     */
    public static PassiveDeviceParams seed004(int diameterNm) {
        checkDiameter(diameterNm);
        double area = Math.pow((double) diameterNm / REFERENCE_DIAMETER_NM, 2);
        return new PassiveDeviceParams(diameterNm, 15e-6 * area, 0.08, 1.0, 0.12, 0.03, 1.6, 0.06, 0.03);
    }

    /** The same mean device without any variation (seed 004 Fig. 6(c, d), "ideal model"). */
    public PassiveDeviceParams withoutVariation() {
        return new PassiveDeviceParams(diameterNm, gOff, 0, tmr, 0, 0, vSwitch, 0, 0);
    }

    /** Mean on-state conductance, {@code gOff * (1 + tmr)}. */
    public double gOn() {
        return gOff * (1 + tmr);
    }

    static void checkDiameter(int diameterNm) {
        for (int d : DIAMETERS_NM) {
            if (d == diameterNm) {
                return;
            }
        }
        throw new IllegalArgumentException("diameter = "
                + diameterNm
                + " nm is out of range: allowed 30, 40, 50 or 60 nm (the arrays of seed 004)");
    }
}
