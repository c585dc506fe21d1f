package mramcim.verification.stimulus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mramcim.model.periphery.Converter;
import mramcim.model.periphery.TdcBank;
import mramcim.spec.Gain;
import mramcim.spec.Offsets;
import mramcim.spec.Op;
import mramcim.spec.Register;

/**
 * READ_RESULTs of a column whose code is known, under register values chosen to walk the converter
 * and offset arithmetic (SPEC 5: {@code DP_raw = ROWS - round((code - C0) * GAIN / 256)}, {@code
 * DP_out = clamp(DP_raw + OFFSET, -ROWS, ROWS)}) through its corners: sums at and next to the clamp
 * edges, products just below, at and above every power of two the magnitude reaches (up to 2^24
 * with the largest C0 and GAIN), sums next to every power of two (the clamp's comparators), large
 * products brought back inside the clamp by a large offset (where the rounding bit decides the
 * result), half-way roundings of both signs, and the registers' extremes. The results are whatever
 * the model computes; the lockstep compares every one. The column's code must be {@link
 * TdcBank#CODE_MAX}: a dead comparator over a long frame gives it.
 */
final class ArithmeticCorners {

    /** The code the sweep assumes (a column that overflowed). */
    static final int CODE = TdcBank.CODE_MAX;

    /** Largest power of two the converter's magnitude reaches: (65535 - 0) * 65535 / 256 < 2^24. */
    static final int TOP_BIT = 24;

    /** GAIN = 2^s for s below this; at it, the largest GAIN, 2^16 - 1. */
    static final int TOP_GAIN_SHIFT = 16;

    /** The offset register's range (SPEC 5: signed 8 bit). */
    static final int OFFSET_MIN = Offsets.MIN;

    static final int OFFSET_MAX = Offsets.MAX;

    private ArithmeticCorners() {}

    /**
     * READ_RESULTs of column {@code col}, each after writing C0, GAIN and OFFSET[col]: every {@link
     * #powersOfTwo power of two} of the sum, then {@code samples} drawn at random; then C0, GAIN
     * and the offset restored to {@code c0}, {@code gain} and 0.
     */
    static List<long[]> sweep(int rows, int col, int samples, int c0, int gain, SplittableRandom rnd) {
        List<long[]> seq = new ArrayList<>();
        for (int[] reg : powersOfTwo(rows, rnd)) {
            add(seq, col, reg[0], reg[1], reg[2]);
        }
        for (int k = 0; k < samples; k++) {
            int[] reg = sample(rows, rnd);
            add(seq, col, reg[0], reg[1], reg[2]);
        }
        int w = Op.WRITE_REG.code();
        seq.add(new long[] {w, Register.C0.index(), c0});
        seq.add(new long[] {w, Register.GAIN.index(), gain});
        seq.add(new long[] {w, Offsets.BASE + col, 0});
        return seq;
    }

    /** Offsets every column's corrector is shown: single low bits and -1 (every bit set). */
    static final int[] SELECTION_OFFSETS = {1, 2, 4, -1};

    /**
     * Every column's offset through its own READ_RESULT, under C0 = CODE - ROWS and GAIN = 1.0, so
     * that DP_raw is exactly 0 and the result is the offset itself: a bit of the offset that the
     * corrector's selection of column j loses, forces or inverts moves the result (a forced high
     * bit past the clamp). The registers restored to {@code c0}, {@code gain} and offsets 0.
     */
    static List<long[]> offsetSelection(int rows, int cols, int c0, int gain) {
        int w = Op.WRITE_REG.code();
        List<long[]> seq = new ArrayList<>();
        seq.add(new long[] {w, Register.C0.index(), CODE - rows});
        seq.add(new long[] {w, Register.GAIN.index(), Gain.ONE});
        for (int c = 0; c < cols; c++) {
            for (int offset : SELECTION_OFFSETS) {
                seq.add(new long[] {w, Offsets.BASE + c, offset});
                seq.add(new long[] {Op.READ_RESULT.code(), c, 0});
            }
            seq.add(new long[] {w, Offsets.BASE + c, 0});
        }
        seq.add(new long[] {w, Register.C0.index(), c0});
        seq.add(new long[] {w, Register.GAIN.index(), gain});
        return seq;
    }

    /** One {C0, GAIN, OFFSET}, legal for the registers. */
    static int[] sample(int rows, SplittableRandom rnd) {
        int kind = rnd.nextInt(100);
        if (kind < 10) {
            // The clamp's edges: with GAIN = 1.0 the sum is exactly ROWS - (CODE - C0) + OFFSET.
            int offset = rnd.nextInt(-3, 4);
            int target = (rnd.nextBoolean() ? 1 : -1) * (rows + rnd.nextInt(-2, 3));
            return legal(target - rows + CODE - offset, Gain.ONE, offset);
        }
        if (kind < 25) {
            // Large products that a large offset brings back inside the clamp: the sum is drawn
            // inside -ROWS..ROWS and the offset anywhere in its range, so DP_raw = sum - OFFSET
            // needs |product| near (ROWS + 128) * GAIN_ONE, with random fraction bits: its
            // rounding shows in the result.
            int offset = rnd.nextInt(OFFSET_MIN, OFFSET_MAX + 1);
            int sum = rnd.nextInt(-rows, rows + 1);
            long rounded = rows - (sum - offset);
            long magnitude = Math.abs(rounded) * Gain.ONE + rnd.nextInt(Gain.ONE);
            int g = rnd.nextInt(Gain.ONE / 4, 2 * Gain.ONE + 1);
            long diff = Math.max(1, Math.round((double) magnitude / g));
            return legal(rounded >= 0 ? CODE - diff : CODE + diff, g, offset);
        }
        if (kind < 40) {
            int[] aimed = sumAt(rows, rnd);
            if (aimed != null) {
                return aimed;
            }
        }
        if (kind < 55) {
            // A product magnitude next to 2^k: GAIN = 2^s (in units of 1/256), |CODE - C0| = (2^k +
            // d) / 2^s.
            int k = rnd.nextInt(3, TOP_BIT + 1);
            int s = rnd.nextInt(0, 8);
            long diff = Math.max(1, ((1L << k) + rnd.nextInt(-2, 3)) >> s);
            boolean negative = rnd.nextBoolean() || diff > CODE;
            long c0 = negative ? CODE + diff : CODE - diff;
            return legal(c0, Gain.ONE << s, rnd.nextInt(-4, 5));
        }
        if (kind < 80) {
            // Half-way roundings inside the clamp: GAIN = 1/2 and an odd difference give
            // |product| = (R - 1) * 256 + 128 exactly, which rounds away from zero to R; R, of
            // either sign, is chosen so that the sum lands inside the clamp with a random offset.
            int offset = rnd.nextInt(OFFSET_MIN, OFFSET_MAX + 1);
            long r = rows - (rnd.nextInt(-rows, rows + 1) - offset);
            r = r == 0 ? 1 : r;
            long diff = 2 * Math.abs(r) - 1;
            return legal(r > 0 ? CODE - diff : CODE + diff, Gain.ONE / 2, offset);
        }
        int[] c0s = {0, 1, CODE - 1, CODE, CODE + 1, Register.C0.max()};
        int[] gains = {0, 1, Gain.ONE - 1, Gain.ONE, Register.C0.max()};
        int[] offsets = {OFFSET_MIN, -1, 0, 1, OFFSET_MAX};
        return new int[] {
            c0s[rnd.nextInt(c0s.length)], gains[rnd.nextInt(gains.length)], offsets[rnd.nextInt(offsets.length)]
        };
    }

    /**
     * C0, GAIN and OFFSET that make the sum DP_raw + OFFSET exactly +-2^j + k (j up to 23, |k| <=
     * 12): the clamp's comparators see every bit of the sum in turn. Null when the draw cannot be
     * reached (see {@link #sumAt(int, long, SplittableRandom)}).
     */
    static int[] sumAt(int rows, SplittableRandom rnd) {
        int j = rnd.nextInt(3, TOP_BIT);
        return sumAt(rows, (rnd.nextBoolean() ? 1L : -1L) * (1L << j) + rnd.nextInt(-12, 13), rnd);
    }

    /**
     * C0, GAIN and OFFSET that make the sum DP_raw + OFFSET exactly {@code sum}. The product is
     * aimed with a random GAIN large enough for C0 to stay in its register; the offset absorbs the
     * product's rounding. Null when the sum cannot be reached: below -(4,095 x 65,535 / 256), about
     * -2^20, it would need C0 below 0; above about 2^24, C0 above 65,535.
     */
    static int[] sumAt(int rows, long sum, SplittableRandom rnd) {
        long quotient = rows - sum; // DP_raw = ROWS - quotient, with no offset
        long room = quotient >= 0 ? CODE : Register.C0.max() - CODE; // |CODE - C0| at most
        long minGain = Math.max(1, (Math.abs(quotient) * Gain.ONE + room - 1) / room);
        if (minGain > Register.C0.max()) {
            return null;
        }
        int gain = (int) rnd.nextLong(minGain, Register.C0.max() + 1L);
        long diff = Math.min(room, Math.round((double) Math.abs(quotient) * Gain.ONE / gain));
        int c0 = (int) (quotient >= 0 ? CODE - diff : CODE + diff);
        long offset = sum - Converter.dpRaw(rows, CODE, c0, gain);
        return offset < OFFSET_MIN || offset > OFFSET_MAX ? null : new int[] {c0, gain, (int) offset};
    }

    /**
     * For every bit j of the sum the converter reaches (3..23), the sums 2^j + k and -2^j - k with
     * k in 0..ROWS-1 drawn at random, and 2^j - k' and -2^j + k' with k' in 1..12: a sum made of
     * one high bit and a value inside the clamp is clamped only because of that bit, so a clamp
     * comparator blind to it answers the low value instead. The unreachable ones are left out.
     */
    static List<int[]> powersOfTwo(int rows, SplittableRandom rnd) {
        List<int[]> out = new ArrayList<>();
        for (int j = 3; j < TOP_BIT; j++) {
            for (long sign : new long[] {1, -1}) {
                for (long sum :
                        new long[] {sign * ((1L << j) + rnd.nextInt(rows)), sign * ((1L << j) - rnd.nextInt(1, 13))}) {
                    int[] r = sumAt(rows, sum, rnd);
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    private static int[] legal(long c0, int gain, int offset) {
        return new int[] {
            (int) Math.max(0, Math.min(Register.C0.max(), c0)),
            Math.min(Register.C0.max(), gain),
            Math.max(OFFSET_MIN, Math.min(OFFSET_MAX, offset))
        };
    }

    private static void add(List<long[]> seq, int col, int c0, int gain, int offset) {
        int w = Op.WRITE_REG.code();
        seq.add(new long[] {w, Register.C0.index(), c0});
        seq.add(new long[] {w, Register.GAIN.index(), gain});
        seq.add(new long[] {w, Offsets.BASE + col, offset});
        seq.add(new long[] {Op.READ_RESULT.code(), col, 0});
    }
}
