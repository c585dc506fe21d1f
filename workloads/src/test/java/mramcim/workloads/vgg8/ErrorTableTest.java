package mramcim.workloads.vgg8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import mramcim.calibration.Calibration;
import mramcim.model.config.MacroConfig;
import mramcim.workloads.mnist.MnistRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulation's draws follow the measured histograms: at a measured dot product the share of
 * every error is the histogram's within binomial bounds, and at one the patterns never produced
 * the draws come from the nearest measured dot product.
 */
class ErrorTableTest {

    private static final MacroConfig CONFIG = MacroConfig.small(16, 8);
    private static final long SEED = 5;
    private static ErrorTable table;
    /** From 8 conversions only: most dot products of a column are never measured. */
    private static ErrorTable sparse;

    @BeforeAll
    static void measure() {
        Calibration cal = MnistRun.calibrate(CONFIG, SEED);
        table = ErrorTable.measure(CONFIG, SEED, cal.global(), cal.offsets(), 32, 64);
        sparse = ErrorTable.measure(CONFIG, SEED, cal.global(), cal.offsets(), 2, 4);
    }

    @Test
    void drawsAtAMeasuredDotProductFollowItsHistogram() {
        int rows = CONFIG.rows();
        int draws = 200_000;
        SplittableRandom rnd = new SplittableRandom(11);
        int checked = 0;
        for (int col = 0; col < CONFIG.cols(); col++) {
            for (int exact = -rows; exact <= rows; exact += 2) {
                long n = table.count(col, exact);
                if (n < 50) {
                    continue;
                }
                Map<Integer, Integer> seen = new HashMap<>();
                for (int i = 0; i < draws / 100; i++) {
                    seen.merge(table.draw(col, exact, rnd) - exact, 1, Integer::sum);
                }
                int total = draws / 100;
                for (int e = -2 * rows; e <= 2 * rows; e++) {
                    double p = (double) table.count(col, exact, e) / n;
                    double got = seen.getOrDefault(e, 0) / (double) total;
                    double sigma = Math.sqrt(Math.max(p * (1 - p), 1e-12) / total);
                    // Draws are clamped to the DP range: only check errors that stay inside it.
                    if (Math.abs(exact + e) <= rows) {
                        assertEquals(p, got, 5 * sigma + 1e-9, "column " + col + ", DP " + exact + ", error " + e);
                    }
                    if (p == 0) {
                        assertEquals(0, seen.getOrDefault(e, 0), "an error never measured was drawn");
                    }
                }
                checked++;
            }
        }
        assertTrue(checked >= CONFIG.cols() * 3, "too few measured dot products: " + checked);
    }

    @Test
    void anUnmeasuredDotProductDrawsFromTheNearestMeasuredOne() {
        int rows = CONFIG.rows();
        SplittableRandom rnd = new SplittableRandom(3);
        int tested = 0;
        for (int col = 0; col < CONFIG.cols(); col++) {
            for (int exact = -rows; exact <= rows; exact += 2) {
                if (sparse.count(col, exact) > 0) {
                    continue;
                }
                int nearest = nearest(col, exact);
                for (int i = 0; i < 2_000; i++) {
                    int e = sparse.draw(col, exact, rnd) - exact;
                    if (Math.abs(exact + e) < rows) {
                        assertTrue(
                                sparse.count(col, nearest, e) > 0,
                                "column " + col + ", DP " + exact + ": error " + e + " not measured at DP " + nearest);
                    }
                }
                tested++;
            }
        }
        assertTrue(tested > 0, "every dot product was measured: the fallback is not exercised");
    }

    /** The nearest measured dot product (the lower on a tie), searched independently. */
    private static int nearest(int col, int exact) {
        ErrorTable table = sparse;
        int best = Integer.MAX_VALUE;
        int at = exact;
        for (int d = -CONFIG.rows(); d <= CONFIG.rows(); d += 2) {
            if (table.count(col, d) > 0 && Math.abs(d - exact) < best) {
                best = Math.abs(d - exact);
                at = d;
            }
        }
        return at;
    }
}
