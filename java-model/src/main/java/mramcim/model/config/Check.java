package mramcim.model.config;

import java.util.Locale;

/** Validation helpers: every refusal names the parameter, the value and the allowed range. */
public final class Check {

    private Check() {}

    /** {@code lo < value <= hi}, or an exception. */
    public static double positive(String name, double value, String unit) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " = " + value + " " + unit + " is out of range: allowed > 0 (finite)");
        }
        return value;
    }

    /** {@code lo <= value <= hi}, or an exception. */
    public static double range(String name, double value, double lo, double hi, String unit) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(
                    name + " = " + value + " " + unit + " is out of range: allowed " + lo + ".." + hi + " " + unit);
        }
        return value;
    }

    /**
     * {@code lo <= value <= hi} (finite), or an exception naming the parameter, the value, the
     * range with its unit, and why the range is what it is.
     */
    public static double range(String name, double value, double lo, double hi, String unit, String reason) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name
                    + " = "
                    + value
                    + " "
                    + unit
                    + " is out of range: allowed "
                    + number(lo)
                    + ".."
                    + number(hi)
                    + " "
                    + unit
                    + " ("
                    + reason
                    + ")");
        }
        return value;
    }

    /** A limit as a person writes it: 100, 0.05, 1e-16. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String g = String.format(Locale.ROOT, "%.4g", v);
        int e = g.indexOf('e');
        String mant = e < 0 ? g : g.substring(0, e);
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mant : mant + "e" + Integer.parseInt(g.substring(e + 1));
    }

    /** {@code value} is a finite number, or an exception naming the computed figure. */
    public static double finite(String figure, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(figure
                    + " came out as "
                    + value
                    + ": a parameter is outside what the model"
                    + " covers; check the configuration (mramcim config)");
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
