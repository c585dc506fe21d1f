package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input register against SPEC section 5 (LOAD_INPUT latches {@code data} into inputs 64*addr ..
 * 64*addr+63): legality of every word address and of bits beyond ROWS, the value on {@code in_vec},
 * and reset in the middle of a sequence of loads. Sizes cover one word, a partial second word (100
 * rows) and two full words (128 rows).
 */
class InputRegisterRtlTest {

    private static long[] reference(int rows, long[] words) {
        long[] r = words.clone();
        int lastBits = rows - 64 * (words.length - 1);
        if (lastBits < 64) {
            r[words.length - 1] &= (1L << lastBits) - 1;
        }
        return r;
    }

    /**
     * SPEC: a word address names inputs 64*addr.. that must exist; no bit may name a row >= ROWS.
     */
    private static boolean legal(int rows, int word, long data) {
        if (word < 0 || 64L * word >= rows) {
            return false;
        }
        for (int bit = 0; bit < 64; bit++) {
            if (((data >>> bit) & 1) == 1 && 64 * word + bit >= rows) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {4, 8, 64, 100, 128})
    void loadsLegalWordsRefusesOthersAndResets(int rows) {
        BlockBench b = BlockBench.open("InputRegister", rows, 4);
        try {
            int words = (rows + 63) / 64;
            long[] expect = new long[words];
            b.set("io_load", 0).reset();
            assertArrayEquals(new long[words], b.getWords("io_bits"), "in_vec after reset");
            SplittableRandom rnd = new SplittableRandom(rows);
            for (int i = 0; i < 400; i++) {
                int word = switch (rnd.nextInt(4)) {
                    case 0 -> words + rnd.nextInt(3); // a word that does not exist
                    case 1 -> rnd.nextInt(65536); // anything the address can hold
                    default -> rnd.nextInt(words);
                };
                long data = switch (rnd.nextInt(3)) {
                    case 0 -> rnd.nextLong(); // often sets bits beyond ROWS
                    case 1 -> 1L << rnd.nextInt(64); // one bit, possibly just beyond ROWS
                    default -> rnd.nextLong() & (rows >= 64 ? -1L : (1L << rows) - 1);
                };
                boolean ok = legal(rows, word, data);
                b.set("io_word", word).set("io_data", data).set("io_load", 0).eval();
                assertEquals(
                        ok, b.bit("io_legal"), rows + " rows, word " + word + ", data 0x" + Long.toHexString(data));
                if (ok) {
                    // The controller loads only legal words.
                    b.set("io_load", 1).step().set("io_load", 0);
                    expect[word] = data;
                }
                if (rnd.nextInt(50) == 0) {
                    b.reset();
                    java.util.Arrays.fill(expect, 0);
                }
                assertArrayEquals(reference(rows, expect), b.getWords("io_bits"), "in_vec after operation " + i);
            }
        } finally {
            b.close();
        }
    }
}
