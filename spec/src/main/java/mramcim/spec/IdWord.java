package mramcim.spec;

/**
 * The read-only ID register (SPEC section 5: "holding ROWS, COLS and a version"): version in
 * [23:16], ROWS in [15:8], COLS in [7:0]. 8 bits hold the largest size, 128 ({@link Sizes#MAX}).
 */
public final class IdWord {

    /** The layout's version. */
    public static final int VERSION = 1;

    /** Width of each field. */
    public static final int FIELD_WIDTH = 8;

    /** Lowest bit of COLS. */
    public static final int COLS_LSB = 0;

    /** Lowest bit of ROWS. */
    public static final int ROWS_LSB = COLS_LSB + FIELD_WIDTH;

    /** Lowest bit of the version. */
    public static final int VERSION_LSB = ROWS_LSB + FIELD_WIDTH;

    /** Bits the ID register holds. */
    public static final int WIDTH = VERSION_LSB + FIELD_WIDTH;

    private IdWord() {}

    /** The ID value of a ROWS x COLS macro. */
    public static int encode(int rows, int cols) {
        long m = HostBus.mask(FIELD_WIDTH);
        return (int) ((VERSION << VERSION_LSB) | ((rows & m) << ROWS_LSB) | ((cols & m) << COLS_LSB));
    }
}
