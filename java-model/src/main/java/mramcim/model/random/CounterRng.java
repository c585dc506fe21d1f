package mramcim.model.random;

/**
 * Counter-based random numbers: every draw is a pure function of (seed, purpose, index a, index b),
 * so results never depend on evaluation order or thread count. The mixing function is SplitMix64's
 * finaliser (Steele, Lea and Flood, OOPSLA 2014) applied to the combined key.
 *
 * <p>Gaussian draws invert the normal CDF: a table of the quantiles at k / 2^{@value #TABLE_BITS}
 * (32 KiB, cache resident) with linear interpolation inside, and the exact inverse in the two
 * outermost buckets, so the tails are not cut off. One hash and one table read per draw: fast
 * enough for the per-conversion jitter of millions of conversions a second.
 */
public final class CounterRng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int TABLE_BITS = 12;
    private static final double[] INV_CDF = buildTable();

    private CounterRng() {}

    /** SplitMix64 finaliser: a bijective 64-bit mix with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Key of the stream (seed, purpose, a): reuse it for many draws indexed by b. */
    public static long key(long seed, Purpose purpose, long a) {
        return mix(mix(mix(seed + GOLDEN) + purpose.key() * GOLDEN) + a * GOLDEN);
    }

    /** 64 random bits of draw b in stream {@code key}. */
    public static long bits(long key, long b) {
        return mix(key + (b + 1) * GOLDEN);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public static double uniform(long key, long b) {
        return (bits(key, b) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal draw b of stream {@code key}. */
    public static double gaussian(long key, long b) {
        long r = bits(key, b);
        int idx = (int) (r >>> (64 - TABLE_BITS));
        if (idx == 0 || idx == (1 << TABLE_BITS) - 1) {
            // Tails: invert exactly from the 53-bit uniform, never 0 or 1.
            return inverseNormalCdf(((r >>> 11) + 0.5) * 0x1.0p-53);
        }
        double frac = ((r >>> (64 - TABLE_BITS - 40)) & 0xFF_FFFF_FFFFL) * 0x1.0p-40;
        return INV_CDF[idx] + frac * (INV_CDF[idx + 1] - INV_CDF[idx]);
    }

    /** Convenience: uniform draw for (seed, purpose, a, b). */
    public static double uniform(long seed, Purpose purpose, long a, long b) {
        return uniform(key(seed, purpose, a), b);
    }

    /** Convenience: standard normal draw for (seed, purpose, a, b). */
    public static double gaussian(long seed, Purpose purpose, long a, long b) {
        return gaussian(key(seed, purpose, a), b);
    }

    /** Quantiles at k / 2^bits for k = 1 .. 2^bits - 1 (entries 0 and 2^bits are never read). */
    private static double[] buildTable() {
        int n = 1 << TABLE_BITS;
        double[] t = new double[n + 1];
        for (int k = 1; k < n; k++) {
            t[k] = inverseNormalCdf((double) k / n);
        }
        return t;
    }

    /**
     * Inverse of the standard normal CDF: Acklam's rational approximation (relative error below
     * 1.15e-9 over the whole range).
     */
    static double inverseNormalCdf(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p = " + p + " is out of range: allowed (0, 1)");
        }
        final double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        final double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        final double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q;
        double x;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p > 1 - 0.02425) {
            q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else {
            q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                    * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        return x;
    }
}
