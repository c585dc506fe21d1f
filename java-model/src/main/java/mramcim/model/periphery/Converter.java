package mramcim.model.periphery;

import mramcim.spec.Gain;

/**
 * Code-to-dot-product converter (SPEC section 5): {@code DP_raw = ROWS - round((code - C0) * GAIN /
 * 256)}, in integer arithmetic with round-half-away-from-zero. GAIN is unsigned Q8.8.
 */
public final class Converter {

    private Converter() {}

    /** DP_raw for a code with the given C0 and GAIN registers. */
    public static long dpRaw(int rows, int code, int c0, int gain) {
        long product = (long) (code - c0) * gain;
        return rows - Gain.roundedQuotient(product);
    }
}
