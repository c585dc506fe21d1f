package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The digital offset block against SPEC section 5: {@code DP_out = clamp(DP_raw + OFFSET[j], -ROWS,
 * +ROWS)} with a signed 8-bit offset, evaluated here with plain long arithmetic.
 */
class OffsetCorrectorRtlTest {

    private static BlockBench b;
    private static final int ROWS = 64;

    @BeforeAll
    static void open() {
        b = BlockBench.open("OffsetCorrector", ROWS, 8);
    }

    @AfterAll
    static void close() {
        b.close();
    }

    private static long dut(long dpRaw, int offset) {
        int w = b.width("io_dpRaw");
        b.set("io_dpRaw", dpRaw & ((1L << w) - 1))
                .set("io_offset", offset & 0xFF)
                .eval();
        return (short) b.get("io_dp");
    }

    private static long expected(long dpRaw, int offset) {
        return Math.max(-ROWS, Math.min(ROWS, dpRaw + offset));
    }

    @Test
    void saturatesExactlyAtPlusAndMinusRows() {
        long[][] cases = {
            {ROWS, 0},
            {ROWS, 1},
            {ROWS - 1, 1},
            {ROWS + 1, -1},
            {ROWS + 2, -1},
            {-ROWS, 0},
            {-ROWS, -1},
            {-ROWS + 1, -1},
            {-ROWS - 1, 1},
            {-ROWS - 2, 1},
            {0, 127},
            {0, -128},
            {ROWS, 127},
            {-ROWS, -128}
        };
        for (long[] c : cases) {
            assertEquals(expected(c[0], (int) c[1]), dut(c[0], (int) c[1]), "DP_raw " + c[0] + " OFFSET " + c[1]);
        }
    }

    @Test
    void extremeConverterOutputsDoNotWrapAround() {
        int w = b.width("io_dpRaw");
        long max = (1L << (w - 1)) - 1;
        long min = -(1L << (w - 1));
        for (int offset : new int[] {-128, -1, 0, 1, 127}) {
            assertEquals(ROWS, dut(max, offset), "largest DP_raw with offset " + offset);
            assertEquals(-ROWS, dut(min, offset), "smallest DP_raw with offset " + offset);
        }
    }

    @Test
    void seededRandomValuesMatchTheClamp() {
        SplittableRandom rnd = new SplittableRandom(20261122);
        for (int i = 0; i < 20000; i++) {
            long dpRaw = rnd.nextInt(4) == 0 ? rnd.nextInt(-5000, 5000) : rnd.nextInt(-2 * ROWS, 2 * ROWS + 1);
            int offset = rnd.nextInt(-128, 128);
            assertEquals(
                    expected(dpRaw, offset),
                    dut(dpRaw, offset),
                    "sample " + i + ": DP_raw " + dpRaw + " OFFSET " + offset);
        }
    }
}
