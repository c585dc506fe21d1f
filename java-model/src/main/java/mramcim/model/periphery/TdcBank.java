package mramcim.model.periphery;

import mramcim.spec.Sizes;

/**
 * TDC counter bank (SPEC section 5), cycle for cycle as the RTL's TdcBank: while {@code frame}
 * (drv_en) is seen high every running counter advances, including at the edge its comparator is
 * first seen high, then freezes; a counter that would pass {@code codeMax} saturates and counts as
 * overflowed; at the first edge that sees {@code frame} low the codes and overflow bits are latched
 * and {@code done} pulses for one cycle.
 */
public final class TdcBank {

    /** Counter width: holds every count up to FRAME_CYCLES' maximum. */
    public static final int CODE_WIDTH = Sizes.codeWidth();

    /** The saturation value, reported by columns that overflowed. */
    public static final int CODE_MAX = Sizes.codeMax();

    private final int cols;
    private final int words;

    /*
     * Every running counter holds the same count, the frame edges seen so far (saturating at
     * CODE_MAX), so the bank keeps one shared count and, per column, the count it froze at: an
     * edge costs a few word operations instead of one update per column (the bench's model-only
     * cycle, issue 21). Bit j of a mask is column j.
     */
    private int frameCount;
    private final long[] running;
    private final long[] saturated;
    private final int[] frozenAt;
    private final int[] code;
    private final long[] overflow;
    private final long[] allColumns;
    private boolean frameSeen;
    private boolean done;

    public TdcBank(int cols) {
        this.cols = cols;
        this.words = (cols + 63) / 64;
        this.running = new long[words];
        this.saturated = new long[words];
        this.frozenAt = new int[cols];
        this.code = new int[cols];
        this.overflow = new long[words];
        this.allColumns = new long[words];
        for (int j = 0; j < cols; j++) {
            allColumns[j >>> 6] |= 1L << (j & 63);
        }
        reset();
    }

    public void reset() {
        idle();
        java.util.Arrays.fill(code, 0);
        java.util.Arrays.fill(overflow, 0);
        frameSeen = false;
        done = false;
    }

    /** Counters cleared and running, as every edge with {@code frame} low leaves them. */
    private void idle() {
        frameCount = 0;
        for (int w = 0; w < words; w++) {
            running[w] = allColumns[w];
            saturated[w] = 0;
        }
    }

    /** One rising edge with the {@code frame} and {@code cmp} values sampled at it. */
    public void clock(boolean frame, long[] cmp) {
        boolean frameEnd = frameSeen && !frame;
        if (frameEnd) {
            for (int j = 0; j < cols; j++) {
                code[j] = running(j) ? CODE_MAX : frozenAt[j];
            }
            for (int w = 0; w < words; w++) {
                overflow[w] = running[w] | saturated[w];
            }
        }
        if (frame) {
            if (frameCount == CODE_MAX) {
                // a running counter already at the maximum saturates and is flagged
                for (int w = 0; w < words; w++) {
                    saturated[w] |= running[w];
                }
            } else {
                frameCount++;
            }
            for (int w = 0; w < words; w++) {
                long stops = running[w] & cmp[w];
                running[w] &= ~stops;
                while (stops != 0) {
                    frozenAt[(w << 6) + Long.numberOfTrailingZeros(stops)] = frameCount;
                    stops &= stops - 1;
                }
            }
        } else if (frameSeen) {
            idle();
        }
        done = frameEnd;
        frameSeen = frame;
    }

    private boolean running(int j) {
        return ((running[j >>> 6] >>> (j & 63)) & 1) != 0;
    }

    /** Latched code of column j. */
    public int code(int j) {
        return code[j];
    }

    /** Latched overflow bit of column j. */
    public boolean overflow(int j) {
        return ((overflow[j >>> 6] >>> (j & 63)) & 1) != 0;
    }

    /** Number of columns whose latched overflow bit is set. */
    public int overflowCount() {
        int n = 0;
        for (long w : overflow) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** One-cycle pulse after a frame's results are latched. */
    public boolean done() {
        return done;
    }

    /** Live counter of column j (for waveforms). */
    public int count(int j) {
        return running(j) ? frameCount : frozenAt[j];
    }
}
