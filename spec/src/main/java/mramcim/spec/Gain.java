package mramcim.spec;

/**
 * The GAIN register's format (SPEC section 5): unsigned Q8.8, so that {@code DP_raw = ROWS -
 * round(((code - C0) * GAIN) / 256)} with round-half-away-from-zero.
 */
public final class Gain {

    /** Fraction bits of Q8.8. */
    public static final int FRACTION_BITS = 8;

    /** The GAIN value of a gain of 1.0. */
    public static final int ONE = 1 << FRACTION_BITS;

    /** Half a unit of the last place, added before the shift to round half away from zero. */
    public static final int HALF = ONE >> 1;

    private Gain() {}

    /** {@code round(product / ONE)}, half away from zero, in integer arithmetic. */
    public static long roundedQuotient(long product) {
        return product >= 0 ? (product + HALF) >> FRACTION_BITS : -((-product + HALF) >> FRACTION_BITS);
    }

    /** A Q8.8 register value as a gain. */
    public static double decode(int value) {
        return value / (double) ONE;
    }
}
