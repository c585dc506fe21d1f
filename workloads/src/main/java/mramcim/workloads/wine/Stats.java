package mramcim.workloads.wine;

import java.util.Arrays;

/** Quantiles and means of the distributions over solutions. */
final class Stats {

    private Stats() {}

    /**
     * Quantile q in [0, 1] with linear interpolation between order statistics (q = 0.5: the
     * median).
     */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
