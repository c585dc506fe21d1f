package mramcim.spec;

/**
 * The response data of READ_RESULT (SPEC section 5): [15:0] the corrected dot product (signed),
 * [31:16] the raw TDC code.
 */
public final class ResultWord {

    /** Width of the corrected dot product, [15:0]. */
    public static final int DP_WIDTH = 16;

    /** Lowest bit of the raw code. */
    public static final int CODE_LSB = DP_WIDTH;

    /** Width of the raw code field, [31:16]. */
    public static final int CODE_WIDTH = HostBus.RSP_DATA_WIDTH - CODE_LSB;

    private ResultWord() {}

    /** The word of a corrected dot product and a raw code. */
    public static int encode(int dp, int code) {
        return (code << CODE_LSB) | (int) (dp & HostBus.mask(DP_WIDTH));
    }

    /** The corrected dot product, sign-extended. */
    public static short dp(long word) {
        return (short) (word & HostBus.mask(DP_WIDTH));
    }

    /** The raw TDC code. */
    public static int code(long word) {
        return (int) ((word >>> CODE_LSB) & HostBus.mask(CODE_WIDTH));
    }
}
