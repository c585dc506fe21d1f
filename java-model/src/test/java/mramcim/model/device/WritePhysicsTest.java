package mramcim.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mramcim.model.array.AnalogArray;
import mramcim.model.config.MacroConfig;
import mramcim.model.config.MtjParams;
import org.junit.jupiter.api.Test;

/** Switching probability, stuck-at faults and sense-amplifier misreads (SPEC section 2). */
class WritePhysicsTest {

    private static final MacroConfig CFG = MacroConfig.jung2022();
    private static final ThermalSwitching MODEL =
            new ThermalSwitching(CFG.write().tau0(), CFG.write().delta());

    @Test
    void switchingProbabilityRisesWithAmplitudeAndPulseWidth() {
        double vCrit = CFG.write().vCrit();
        double previous = -1;
        for (int amp = 0; amp < 16; amp++) {
            double p = MODEL.probability(
                    CFG.write().amplitude(amp), vCrit, CFG.write().pulseWidth());
            assertTrue(p >= previous && p <= 1, "amplitude " + amp + ": " + p + " after " + previous);
            previous = p;
        }
        assertTrue(MODEL.probability(0.4, vCrit, 10e-9) < 1e-6, "far below V_crit a pulse almost never switches");
        assertTrue(MODEL.probability(1.1, vCrit, 10e-9) > 0.999999, "well above V_crit it almost always does");
        double v = 0.95 * vCrit;
        assertTrue(MODEL.probability(v, vCrit, 1e-9) < MODEL.probability(v, vCrit, 10e-9));
        assertTrue(MODEL.probability(v, vCrit, 10e-9) < MODEL.probability(v, vCrit, 100e-9));
    }

    @Test
    void fractionOfDevicesSwitchedByOnePulseRisesWithAmplitude() {
        double previous = -1;
        int[] amps = {4, 7, 8, 9, 10, 13};
        for (int amp : amps) {
            AnalogArray array = AnalogArray.fabricate(CFG, 2024);
            int switched = 0;
            for (int r = 0; r < array.rows(); r++) {
                for (int c = 0; c < array.cols(); c++) {
                    // MTJ A starts in P (weight +1): one pulse toward AP.
                    if (array.pulse(
                                    r,
                                    c,
                                    BitCell.BRANCH_A,
                                    MtjState.AP,
                                    amp,
                                    CFG.write().pulseWidth())
                            == MtjState.AP) {
                        switched++;
                    }
                }
            }
            double fraction = switched / (double) (array.rows() * array.cols());
            assertTrue(fraction >= previous, "amplitude " + amp + " switched " + fraction + " < " + previous);
            previous = fraction;
        }
        assertTrue(previous > 0.99, "the highest amplitude switches nearly every device: " + previous);
    }

    @Test
    void stuckDevicesNeverSwitch() {
        MtjParams m = CFG.mtj();
        MacroConfig faulty =
                CFG.withMtj(new MtjParams(m.rP(), m.rPSigma(), m.tmr0(), m.tmrSigma(), m.vHalf(), 0.5, 0.5));
        AnalogArray array = AnalogArray.fabricate(faulty, 1);
        int stuckP = 0;
        for (int r = 0; r < array.rows(); r++) {
            for (int c = 0; c < array.cols(); c++) {
                for (int b = 0; b < 2; b++) {
                    Mtj mtj = array.cell(r, c).mtj(b);
                    MtjState before = mtj.state();
                    assertTrue(mtj.fault() != Fault.NONE);
                    assertEquals(mtj.fault() == Fault.STUCK_P ? MtjState.P : MtjState.AP, before);
                    for (int k = 0; k < 5; k++) {
                        array.pulse(r, c, b, before.opposite(), 15, 100e-9);
                    }
                    assertEquals(before, mtj.state(), "stuck device (" + r + "," + c + "," + b + ") switched");
                    stuckP += before == MtjState.P ? 1 : 0;
                }
            }
        }
        int devices = 2 * array.rows() * array.cols();
        assertTrue(
                Math.abs(stuckP - devices / 2) < devices / 10, "about half stuck at P: " + stuckP + " of " + devices);
    }

    @Test
    void variationAcrossTheReferenceCausesCountedMisreads() {
        // A weak TMR and a wide R_P spread put some devices on the wrong side of the reference.
        MtjParams m = CFG.mtj();
        MacroConfig spread = CFG.withMtj(new MtjParams(m.rP(), 0.2, 0.15, 0.2, m.vHalf(), 0, 0));
        AnalogArray array = AnalogArray.fabricate(spread, 5);
        double vRead = spread.read().vRead();
        // Reference midway between the nominal branch currents, computed here from the SPEC.
        double tmrNominal = 0.15 / (1 + Math.pow(vRead / m.vHalf(), 2));
        double iP = vRead / (spread.fet().rOn() + m.rP());
        double iAP = vRead / (spread.fet().rOn() + m.rP() * (1 + tmrNominal));
        double reference = 0.5 * (iP + iAP);
        long expectedMisreads = 0;
        for (int r = 0; r < array.rows(); r++) {
            for (int c = 0; c < array.cols(); c++) {
                for (int b = 0; b < 2; b++) {
                    Mtj mtj = array.cell(r, c).mtj(b);
                    double current = vRead / (array.cell(r, c).fet(b).rOn() + mtj.resistance(vRead));
                    boolean looksAp = current < reference;
                    if (looksAp != (mtj.state() == MtjState.AP)) {
                        expectedMisreads++;
                    }
                    assertEquals(looksAp, array.sense(r, c, b));
                }
            }
        }
        assertTrue(expectedMisreads > 0, "the spread must produce misreads for this check to mean anything");
        assertEquals(expectedMisreads, array.misreads());
        assertEquals(2L * array.rows() * array.cols(), array.reads());
        // The default die reads every device right.
        AnalogArray good = AnalogArray.fabricate(CFG, 5);
        for (int r = 0; r < good.rows(); r++) {
            for (int c = 0; c < good.cols(); c++) {
                good.sense(r, c, 0);
                good.sense(r, c, 1);
            }
        }
        assertEquals(0, good.misreads());
    }
}
