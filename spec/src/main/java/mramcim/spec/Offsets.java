package mramcim.spec;

/**
 * The per-column digital offsets of SPEC section 5: {@code OFFSET[j]} at index 0x100 + j, signed 8
 * bit (two's complement; WRITE_REG data sign-extended to 64 bits). Reset value 0.
 */
public final class Offsets {

    /** Index of OFFSET[0]. */
    public static final int BASE = 0x100;

    /** Bits of one offset. */
    public static final int WIDTH = 8;

    /** Most negative offset, -2^(WIDTH-1). */
    public static final int MIN = -(1 << (WIDTH - 1));

    /** Largest offset, 2^(WIDTH-1) - 1. */
    public static final int MAX = (1 << (WIDTH - 1)) - 1;

    private Offsets() {}

    /** Whether {@code index} is an offset register of a COLS-column macro. */
    public static boolean contains(int index, int cols) {
        return index >= BASE && index < BASE + cols;
    }

    /** Whether {@code value} (sign-extended cmd_data) is a legal offset. */
    public static boolean legal(long value) {
        return value >= MIN && value <= MAX;
    }
}
