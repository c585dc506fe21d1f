package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The code-to-dot-product converter against SPEC section 5 evaluated in exact decimal arithmetic:
 * {@code DP_raw = ROWS - round((code - C0) * GAIN / 256)}, rounding half away from zero ({@link
 * RoundingMode#HALF_UP} on a BigDecimal is exactly that), for 8 and 128 rows.
 */
class ConverterRtlTest {

    private static BlockBench rows8;
    private static BlockBench rows128;

    @BeforeAll
    static void open() {
        rows8 = BlockBench.open("Converter", 8, 8);
        rows128 = BlockBench.open("Converter", 128, 4);
    }

    @AfterAll
    static void close() {
        rows8.close();
        rows128.close();
    }

    static long expected(int rows, long code, long c0, long gain) {
        BigDecimal q = BigDecimal.valueOf((code - c0) * gain)
                .divide(BigDecimal.valueOf(256))
                .setScale(0, RoundingMode.HALF_UP);
        return rows - q.longValueExact();
    }

    private static long dut(BlockBench b, long code, long c0, long gain) {
        b.set("io_code", code).set("io_c0", c0).set("io_gain", gain).eval();
        int w = b.width("io_dpRaw");
        return (b.get("io_dpRaw") << (64 - w)) >> (64 - w); // sign-extend the signed output
    }

    @ParameterizedTest(name = "(code - C0) * GAIN = {0} * {1}")
    @CsvSource({
        "1, 128", "-1, 128", // exactly +-0.5: away from zero, to +-1
        "1, 127", "-1, 127", // just below a half: toward zero
        "1, 129", "-1, 129", // just above a half
        "3, 128", "-3, 128", // +-1.5 -> +-2
        "5, 128", "-5, 128", // +-2.5 -> +-3 (not banker's rounding)
        "0, 65535", "7, 0"
    })
    void halfwayCasesRoundAwayFromZero(int diff, int gain) {
        long c0 = 1000;
        long code = c0 + diff;
        assertEquals(
                expected(8, code, c0, gain),
                dut(rows8, code, c0, gain),
                "code " + code + " C0 " + c0 + " GAIN " + gain);
    }

    @Test
    void extremeRegisterValuesNeitherOverflowNorWrap() {
        int codeMax = (1 << rows8.width("io_code")) - 1;
        long[][] cases = {
            {codeMax, 0, 65535},
            {0, 65535, 65535},
            {codeMax, 65535, 65535},
            {0, 0, 65535},
            {codeMax, codeMax, 65535},
            {0, 1, 1}
        };
        for (long[] c : cases) {
            assertEquals(expected(8, c[0], c[1], c[2]), dut(rows8, c[0], c[1], c[2]), java.util.Arrays.toString(c));
            assertEquals(expected(128, c[0], c[1], c[2]), dut(rows128, c[0], c[1], c[2]), java.util.Arrays.toString(c));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "7", "20261122"})
    void seededRandomOperandsMatchExactArithmetic(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int codeMax = (1 << rows8.width("io_code")) - 1;
        for (int i = 0; i < 5000; i++) {
            long code = rnd.nextInt(codeMax + 1);
            // Mostly calibration-like registers, sometimes anything 16 bits can hold.
            long c0 = rnd.nextInt(4) == 0 ? rnd.nextInt(65536) : rnd.nextInt(codeMax + 1);
            long gain = rnd.nextInt(4) == 0 ? rnd.nextInt(65536) : 64 + rnd.nextInt(1024);
            BlockBench b = i % 2 == 0 ? rows8 : rows128;
            int rows = i % 2 == 0 ? 8 : 128;
            assertEquals(
                    expected(rows, code, c0, gain),
                    dut(b, code, c0, gain),
                    "seed "
                            + seed
                            + " sample "
                            + i
                            + ": code "
                            + code
                            + " C0 "
                            + c0
                            + " GAIN "
                            + gain
                            + " rows "
                            + rows);
        }
    }
}
