package mramcim.model.array;

/**
 * The TDC's view of a delay (SPEC section 3): if {@code drv_en} rose at edge k0, the comparator
 * sampled at edge k0 + n is 1 iff {@code n * T_clk >= tau}; the ideal code is the first such n. The
 * pin-level and the transaction-level paths both use this one function, so they agree exactly.
 */
public final class Tdc {

    private Tdc() {}

    /**
     * Smallest n >= 1 with {@code n * tClk >= tau}: the edge at which the comparator is first seen
     * high.
     */
    public static int firingCycle(double tau, double tClk) {
        if (!(tau > 0)) {
            return 1;
        }
        double q = Math.ceil(tau / tClk);
        if (q > Integer.MAX_VALUE / 2.0) {
            return Integer.MAX_VALUE / 2;
        }
        int n = Math.max(1, (int) q);
        while (n > 1 && (n - 1) * tClk >= tau) {
            n--;
        }
        while (n * tClk < tau) {
            n++;
        }
        return n;
    }
}
