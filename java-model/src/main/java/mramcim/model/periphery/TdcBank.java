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
    private final int[] count;
    private final boolean[] running;
    private final boolean[] saturated;
    private final int[] code;
    private final long[] overflow;
    private boolean frameSeen;
    private boolean done;

    public TdcBank(int cols) {
        this.cols = cols;
        this.count = new int[cols];
        this.running = new boolean[cols];
        this.saturated = new boolean[cols];
        this.code = new int[cols];
        this.overflow = new long[(cols + 63) / 64];
        reset();
    }

    public void reset() {
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(running, true);
        java.util.Arrays.fill(saturated, false);
        java.util.Arrays.fill(code, 0);
        java.util.Arrays.fill(overflow, 0);
        frameSeen = false;
        done = false;
    }

    /** One rising edge with the {@code frame} and {@code cmp} values sampled at it. */
    public void clock(boolean frame, long[] cmp) {
        boolean frameEnd = frameSeen && !frame;
        if (frameEnd) {
            java.util.Arrays.fill(overflow, 0);
            for (int j = 0; j < cols; j++) {
                boolean ovf = running[j] || saturated[j];
                code[j] = running[j] ? CODE_MAX : count[j];
                if (ovf) {
                    overflow[j >>> 6] |= 1L << (j & 63);
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            if (frame) {
                if (running[j]) {
                    saturated[j] |= count[j] == CODE_MAX;
                    count[j] = count[j] == CODE_MAX ? CODE_MAX : count[j] + 1;
                    running[j] = ((cmp[j >>> 6] >>> (j & 63)) & 1) == 0;
                }
            } else {
                count[j] = 0;
                running[j] = true;
                saturated[j] = false;
            }
        }
        done = frameEnd;
        frameSeen = frame;
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
        return count[j];
    }
}
