package mramcim.spec;

/** The sizes SPEC section 1 allows (ROWS, COLS each 4..128) and the widths derived from them. */
public final class Sizes {

    /** Smallest ROWS or COLS. */
    public static final int MIN = 4;

    /** Largest ROWS or COLS. */
    public static final int MAX = 128;

    /** Inputs one LOAD_INPUT word holds (SPEC 5: inputs 64*addr .. 64*addr+63). */
    public static final int INPUT_WORD_BITS = HostBus.DATA_WIDTH;

    private Sizes() {}

    /** Width of an index into {@code n} items: ceil(log2 n), at least one bit. */
    public static int indexBits(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    }

    /** Number of LOAD_INPUT words of a ROWS-row macro. */
    public static int inputWords(int rows) {
        return (rows + INPUT_WORD_BITS - 1) / INPUT_WORD_BITS;
    }

    /**
     * Width of one TDC counter: as wide as FRAME_CYCLES, so it holds every count of the longest
     * frame.
     */
    public static int codeWidth() {
        return Register.FRAME_CYCLES.width();
    }

    /** The saturation value of a TDC counter, reported for a column that never fired. */
    public static int codeMax() {
        return (int) HostBus.mask(codeWidth());
    }

    /** Whether {@code n} is an allowed ROWS or COLS. */
    public static boolean allowed(int n) {
        return n >= MIN && n <= MAX;
    }
}
