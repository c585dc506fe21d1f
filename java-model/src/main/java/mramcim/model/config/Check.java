package mramcim.model.config;

/**
 * Validation helpers: every refusal names the parameter, the value and the allowed range.
 */
public final class Check {

    private Check() {
    }

    /** {@code lo < value <= hi}, or an exception. */
    public static double positive(String name, double value, String unit) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " " + unit + " is out of range: allowed > 0 (finite)");
        }
        return value;
    }

    /** {@code lo <= value <= hi}, or an exception. */
    public static double range(String name, double value, double lo, double hi, String unit) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + " " + unit + " is out of range: allowed "
                    + lo + ".." + hi + " " + unit);
        }
        return value;
    }

    /** {@code lo <= value <= hi} for integers, or an exception. */
    public static int range(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range: allowed " + lo + ".." + hi);
        }
        return value;
    }

    /** A non-null nested configuration, or an exception naming it. */
    public static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
