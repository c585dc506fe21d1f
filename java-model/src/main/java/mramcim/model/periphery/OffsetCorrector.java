package mramcim.model.periphery;

/**
 * Digital offsets (SPEC section 5; seed 000 "digital offsets applied to select columns"): {@code
 * DP_out = clamp(DP_raw + OFFSET[j], -ROWS, +ROWS)}.
 */
public final class OffsetCorrector {

    private OffsetCorrector() {}

    public static int correct(int rows, long dpRaw, int offset) {
        long dp = dpRaw + offset;
        return (int) Math.max(-rows, Math.min(rows, dp));
    }
}
