package mramcim.model.periphery;

import mramcim.spec.HostBus;
import mramcim.spec.Sizes;

/** The input register: ROWS bits driven on {@code in_vec}, loaded 64 bits per LOAD_INPUT. */
public final class InputRegister {

    private final int rows;
    private final long[] bits;

    public InputRegister(int rows) {
        this.rows = rows;
        this.bits = new long[words(rows)];
    }

    /** Number of 64-bit input words of a ROWS-row macro. */
    public static int words(int rows) {
        return Sizes.inputWords(rows);
    }

    /** Mask of the valid bits of input word {@code word}. */
    public static long mask(int rows, int word) {
        int valid = Math.min(Sizes.INPUT_WORD_BITS, rows - Sizes.INPUT_WORD_BITS * word);
        return HostBus.mask(valid);
    }

    /**
     * Whether LOAD_INPUT of {@code data} into word {@code word} is legal: word in range, no bit
     * beyond ROWS.
     */
    public static boolean legal(int rows, int word, long data) {
        return word >= 0 && word < words(rows) && (data & ~mask(rows, word)) == 0;
    }

    public void load(int word, long data) {
        bits[word] = data;
    }

    public void reset() {
        java.util.Arrays.fill(bits, 0);
    }

    /** The {@code in_vec} value. Do not modify. */
    public long[] bits() {
        return bits;
    }

    public int rows() {
        return rows;
    }
}
