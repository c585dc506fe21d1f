package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mramcim.model.config.ColumnParams;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 6 on the Java macro: calibration through host commands lowers the held-out error and
 * finds injected faults.
 */
class CalibrationTest {

    private static final MacroConfig JUNG = MacroConfig.jung2022();

    @Test
    void calibrationLowersTheMeanAbsoluteErrorOnHeldOutPatterns() {
        long seed = 11;
        Macro macro = Macro.create(JUNG, seed);
        Patterns patterns = Patterns.of(JUNG, seed);
        Calibration cal = Calibrator.run(macro, patterns, 25, 0.5, n -> {});
        Validation host = HostValidation.run(macro, patterns, 25, cal.global(), cal.offsets(), n -> {});
        Validation fast = FastValidation.run(
                JUNG,
                seed,
                Injection.NONE,
                cal.global(),
                cal.offsets(),
                patterns,
                Patterns.Stream.OPTION2,
                new FastValidation.Plan(100, 16),
                2,
                n -> {});
        assertEquals(1600, host.after().count());
        assertEquals(100 * 16 * 64, fast.after().count());
        // 4 mV comparator offsets and 1 % C_sense spread put column means several DP units off
        // (seed 000 Fig. 2d);
        // the offsets remove the mean, leaving the quantisation and the per-column slope.
        assertTrue(
                host.after().mae() < 0.5 * host.before().mae(),
                "Option 1 MAE " + host.before().mae() + " -> " + host.after().mae());
        assertTrue(
                fast.after().mae() < 0.5 * fast.before().mae(),
                "Option 2 MAE " + fast.before().mae() + " -> " + fast.after().mae());
        assertTrue(
                fast.after().meanAbsColumnMean() < 0.5,
                "mean abs column mean after " + fast.after().meanAbsColumnMean());
    }

    @Test
    void injectedComparatorOffsetsAreFoundAndCorrectedToWithinHalfACodeStep() {
        long seed = 3;
        int k = 100;
        Map<Integer, Double> injected = Map.of(5, 0.030, 20, -0.025, 41, 0.015);
        Injection injection = new Injection(injected);

        Calibration plain = Calibrator.run(Macro.create(JUNG, seed), Patterns.of(JUNG, seed), k, 0.5, n -> {});
        Macro faulty = Macro.create(JUNG, seed);
        injection.apply(faulty.array());
        Calibration cal = Calibrator.run(faulty, Patterns.of(JUNG, seed), k, 0.5, n -> {});

        ColumnParams col = JUNG.column();
        double codesPerDp = 1.0 / cal.global().codeStep();
        for (int j = 0; j < JUNG.cols(); j++) {
            int change = cal.offsets()[j] - plain.offsets()[j];
            if (!injected.containsKey(j)) {
                assertTrue(Math.abs(change) <= 1, "column " + j + " without injection moved its offset by " + change);
                continue;
            }
            // Independent physics: the delay is proportional to ln(vDrv / (vDrv - V_th)) (lumped
            // RC, and every
            // Elmore weight of the ladder alike), so the threshold shift scales the column's delay
            // by the
            // ratio of the two logs. At the pattern mean (DP = 0) the code is C0 + ROWS
            // codes-per-DP; the
            // offset must undo the resulting shift, converted to DP units by GAIN.
            double vTh = col.vRef() + faulty.array().comparatorOffset(j) - injected.get(j);
            double ratio = col.logFactor(vTh + injected.get(j)) / col.logFactor(vTh);
            double codeAtZero = cal.global().c0() + JUNG.rows() * codesPerDp;
            double expected = (ratio - 1) * codeAtZero * cal.global().codeStep();
            assertTrue(cal.offsets()[j] != 0, "column " + j + " not corrected");
            assertEquals(expected, change, 2.0, "column " + j + ": offset change for " + injected.get(j) * 1e3 + " mV");
        }

        Validation held = FastValidation.run(
                JUNG,
                seed,
                injection,
                cal.global(),
                cal.offsets(),
                Patterns.of(JUNG, seed),
                Patterns.Stream.OPTION2,
                new FastValidation.Plan(200, 32),
                2,
                n -> {});
        double halfStep = cal.global().codeStep() / 2;
        for (int j : injected.keySet()) {
            assertTrue(
                    Math.abs(held.before().columnMean(j)) > 5,
                    "column " + j + " injection not visible: " + held.before().columnMean(j));
            assertTrue(
                    Math.abs(held.after().columnMean(j)) <= halfStep,
                    "column "
                            + j
                            + " corrected mean error "
                            + held.after().columnMean(j)
                            + " exceeds half a code step "
                            + halfStep);
        }
    }

    @Test
    void offsetsFollowSpecSixRoundingAndThreshold() {
        ErrorStats s = new ErrorStats(8, 4);
        // Column means: +1.5 (-> -2, half away from zero), -0.6 (-> +1), +0.4 (below the
        // threshold), -200 (clamped to 8 bits).
        s.add(0, 0, 1, false);
        s.add(0, 0, 2, false);
        s.add(1, 0, -1, false);
        s.add(1, 2, 2, false);
        s.add(1, 4, 4, false);
        s.add(1, 2, 2, false);
        s.add(1, 0, -2, false);
        s.add(2, 0, 0, false);
        s.add(2, -2, -2, false);
        s.add(2, 0, 2, false);
        s.add(2, 0, 0, false);
        s.add(2, 0, 0, false);
        assertEquals(1.5, s.columnMean(0));
        assertEquals(-0.6, s.columnMean(1), 1e-12);
        assertEquals(0.4, s.columnMean(2), 1e-12);
        int[] off = Calibrator.offsets(s, 0.5);
        assertEquals(-2, off[0]);
        assertEquals(1, off[1]);
        assertEquals(0, off[2]);
        assertEquals(0, off[3], "a column without results gets no offset");
        assertEquals(0, Calibrator.offsets(s, 2.0)[0], "|1.5| does not exceed a threshold of 2");
    }
}
