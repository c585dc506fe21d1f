package mramcim.workloads.vgg8;

import java.util.SplittableRandom;
import mramcim.calibration.FastValidation;
import mramcim.calibration.GlobalCalibration;
import mramcim.calibration.Patterns;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Conversion;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.model.io.BinaryCsv;

/**
 * The errors of one calibrated die, measured: for every column and every exact dot product, the
 * histogram of (READ_RESULT - exact) over many conversions on the die's fast path with C0, GAIN and
 * the offsets applied (seed 000's Option 2: millions of dot products on the chip). The patterns span
 * the dot-product range (weight sets of every +1 density, inputs of every density), because the
 * VGG-8's tiles see dot products of every size: a 3 x 3 patch of one channel uses 9 rows and 55
 * padding rows, near DP = +ROWS.
 */
public final class ErrorTable {

    private final int rows;
    private final int cols;
    /** [col][(exact + ROWS) / 2][error + 2 ROWS]. */
    private final long[][][] counts;

    private final long samples;

    /**
     * [col][(exact + ROWS) / 2]: the cumulative counts of the histogram a draw at that dot product
     * uses (its own, or the nearest measured one's), from its first non-empty bin; null where the
     * column has no measurement at all. Built once, so a draw is one binary search (the VGG-8 draws
     * some 290 million per run on 2,000 digits).
     */
    private final long[][][] cumulative;

    /** [col][(exact + ROWS) / 2]: the error of the first bin of {@link #cumulative}. */
    private final int[][] firstError;

    private ErrorTable(int rows, int cols, long[][][] counts, long samples) {
        this.rows = rows;
        this.cols = cols;
        this.counts = counts;
        this.samples = samples;
        this.cumulative = new long[cols][rows + 1][];
        this.firstError = new int[cols][rows + 1];
        for (int j = 0; j < cols; j++) {
            for (int at = 0; at <= rows; at++) {
                long[] h = nearestMeasured(counts[j], at);
                if (h == null) {
                    continue;
                }
                int lo = 0;
                while (h[lo] == 0) {
                    lo++;
                }
                int hi = h.length - 1;
                while (h[hi] == 0) {
                    hi--;
                }
                long[] c = new long[hi - lo + 1];
                long run = 0;
                for (int e = lo; e <= hi; e++) {
                    run += h[e];
                    c[e - lo] = run;
                }
                cumulative[j][at] = c;
                firstError[j][at] = lo - 2 * rows;
            }
        }
    }

    /** The histogram at index {@code at}, or the nearest non-empty one (the lower on a tie). */
    private long[] nearestMeasured(long[][] column, int at) {
        for (int d = 0; d <= rows; d++) {
            for (int cand : new int[] {at - d, at + d}) {
                if (cand >= 0 && cand <= rows && total(column[cand]) > 0) {
                    return column[cand];
                }
            }
        }
        return null;
    }

    /**
     * Measures the table on die {@code seed} of {@code config}, calibrated with {@code global}
     * and {@code offsets}, from {@code sets} weight sets of {@code inputs} inputs each.
     */
    public static ErrorTable measure(
            MacroConfig config, long seed, GlobalCalibration global, int[] offsets, int sets, int inputs) {
        int rows = config.rows();
        int cols = config.cols();
        AnalogArray die = AnalogArray.fabricate(config, seed);
        Readout readout = Readout.of(die, Solver.FAST);
        Patterns patterns = Patterns.of(config, seed);
        long[][][] counts = new long[cols][rows + 1][4 * rows + 1];
        long conversion = 0;
        for (int s = 0; s < sets; s++) {
            int[][] w = patterns.weights(Patterns.Stream.EMULATION, s, (s + 0.5) / sets);
            die.program(w);
            for (int i = 0; i < inputs; i++) {
                int[] in = patterns.spreadInput(Patterns.Stream.EMULATION, s, i);
                Conversion c = readout.convert(BinaryCsv.toBits(in), conversion++);
                for (int j = 0; j < cols; j++) {
                    int exact = Patterns.exact(in, w, j);
                    int measured =
                            FastValidation.result(rows, config.timing().frameCycles(), global, offsets[j], c.code()[j]);
                    counts[j][(exact + rows) / 2][measured - exact + 2 * rows]++;
                }
            }
        }
        return new ErrorTable(rows, cols, counts, conversion * cols);
    }

    /** Dot products the table was measured from. */
    public long samples() {
        return samples;
    }

    /** Measured results of column j at dot product {@code exact}. */
    public long count(int col, int exact) {
        long n = 0;
        for (long c : counts[col][(exact + rows) / 2]) {
            n += c;
        }
        return n;
    }

    /** Measured results of column j at dot product {@code exact} that were {@code error} off. */
    public long count(int col, int exact, int error) {
        int e = error + 2 * rows;
        return e < 0 || e > 4 * rows ? 0 : counts[col][(exact + rows) / 2][e];
    }

    /** Mean absolute error of column j's measurements over every dot product. */
    public double mae() {
        double sum = 0;
        long n = 0;
        for (long[][] col : counts) {
            for (long[] at : col) {
                for (int e = 0; e < at.length; e++) {
                    sum += at[e] * (double) Math.abs(e - 2 * rows);
                    n += at[e];
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * A result of column j for dot product {@code exact}, drawn from the measured distribution at
     * that dot product (or at the nearest one measured, for a dot product the patterns never
     * produced).
     */
    public int draw(int col, int exact, SplittableRandom rnd) {
        int at = (exact + rows) / 2;
        long[] c = cumulative[col][at];
        if (c == null) {
            return exact;
        }
        long u = rnd.nextLong(c[c.length - 1]);
        // The first bin whose cumulative count exceeds u.
        int lo = 0;
        int hi = c.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Math.max(-rows, Math.min(rows, exact + firstError[col][at] + lo));
    }

    private static long total(long[] h) {
        long n = 0;
        for (long c : h) {
            n += c;
        }
        return n;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }
}
