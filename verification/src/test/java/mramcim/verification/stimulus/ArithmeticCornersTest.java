package mramcim.verification.stimulus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import mramcim.spec.Op;
import mramcim.spec.Register;
import org.junit.jupiter.api.Test;

/**
 * The converter corners aim where they say, checked with SPEC 5's formula in decimal arithmetic
 * (round half away from zero = {@link RoundingMode#HALF_UP} on magnitudes), not with the model's
 * converter.
 */
class ArithmeticCornersTest {

    static final int ROWS = 8;

    /** DP_raw + OFFSET by SPEC 5, before the clamp. */
    static long sum(int c0, int gain, int offset) {
        BigDecimal product =
                BigDecimal.valueOf((long) (ArithmeticCorners.CODE - c0) * gain).divide(BigDecimal.valueOf(256));
        long quotient = product.setScale(0, RoundingMode.HALF_UP).longValueExact();
        return ROWS - quotient + offset;
    }

    @Test
    void aimedSumsLandExactlyNextToPowersOfTwoUpToTheTopBitTheConverterReaches() {
        SplittableRandom rnd = new SplittableRandom(19);
        int aimed = 0;
        boolean topBitAlone = false;
        boolean deepNegative = false;
        for (int k = 0; k < 20_000; k++) {
            int[] r = ArithmeticCorners.sumAt(ROWS, rnd);
            if (r == null) {
                continue;
            }
            aimed++;
            assertTrue(
                    r[0] >= 0
                            && r[0] <= Register.C0.max()
                            && r[1] >= 0
                            && r[1] <= Register.C0.max()
                            && r[2] >= ArithmeticCorners.OFFSET_MIN
                            && r[2] <= ArithmeticCorners.OFFSET_MAX,
                    "legal registers");
            long s = sum(r[0], r[1], r[2]);
            long magnitude = Math.abs(s);
            long power = Long.highestOneBit(magnitude + 12);
            assertTrue(
                    power >= 8 && power <= 1L << 23 && Math.abs(magnitude - power) <= 12,
                    "sum "
                            + s
                            + " is +-2^j + k, j in 3..23, |k| <= 12 (C0 "
                            + r[0]
                            + ", GAIN "
                            + r[1]
                            + ", OFFSET "
                            + r[2]
                            + ")");
            topBitAlone |= s >= 1L << 23 && s < (1L << 23) + 8;
            deepNegative |= s <= -(1L << 19);
        }
        assertTrue(aimed > 15_000, "most draws are reachable: " + aimed);
        assertTrue(topBitAlone, "a sum of bit 23 and a few low bits: a clamp comparator blind to bit 23 shows");
        assertTrue(
                deepNegative,
                "negative sums down to -2^19: -2^20 is past the most the converter gives, 4095 x 65535 / 256");
    }

    @Test
    void everySampleIsLegalForTheRegisters() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 20_000; k++) {
            int[] r = ArithmeticCorners.sample(ROWS, rnd);
            assertTrue(r[0] >= 0 && r[0] <= Register.C0.max(), "C0 " + r[0]);
            assertTrue(r[1] >= 0 && r[1] <= Register.C0.max(), "GAIN " + r[1]);
            assertTrue(r[2] >= ArithmeticCorners.OFFSET_MIN && r[2] <= ArithmeticCorners.OFFSET_MAX, "OFFSET " + r[2]);
        }
    }

    /**
     * With C0 = CODE - ROWS and GAIN = 1.0 the corrected result is the offset itself (SPEC 5,
     * computed here).
     */
    @Test
    void theOffsetSelectionShowsEachColumnItsOffsetUnclamped() {
        List<long[]> seq = ArithmeticCorners.offsetSelection(ROWS, 4, 77, 300);
        int c0 = -1;
        int gain = -1;
        int offset = 0;
        int reads = 0;
        for (long[] c : seq) {
            if (c[0] == Op.WRITE_REG.code()) {
                if (c[1] == Register.C0.index()) {
                    c0 = (int) c[2];
                } else if (c[1] == Register.GAIN.index()) {
                    gain = (int) c[2];
                } else {
                    offset = (int) c[2];
                }
            } else {
                long s = sum(c0, gain, offset);
                assertEquals(offset, s, "DP_out = OFFSET, column " + c[1]);
                assertTrue(Math.abs(s) <= ROWS, "inside the clamp");
                reads++;
            }
        }
        assertEquals(4 * ArithmeticCorners.SELECTION_OFFSETS.length, reads);
        assertEquals(77, c0, "C0 restored");
        assertEquals(300, gain, "GAIN restored");
    }
}
