package mramcim.model.periphery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The TDC bank against its definition (SPEC section 5 and the saturation decision of
 * docs/architecture.md), written here column by column: random frames, some longer than the
 * counter's range, on 100 columns, every edge's live counts and every frame's codes, overflow bits
 * and done pulse compared.
 */
class TdcBankTest {

    /** The definition, one counter per column. */
    static final class Reference {
        final int[] count;
        final boolean[] running;
        final boolean[] saturated;
        final int[] code;
        final boolean[] overflow;
        boolean frameSeen;
        boolean done;

        Reference(int cols) {
            count = new int[cols];
            running = new boolean[cols];
            saturated = new boolean[cols];
            code = new int[cols];
            overflow = new boolean[cols];
            java.util.Arrays.fill(running, true);
        }

        void clock(boolean frame, long[] cmp) {
            boolean frameEnd = frameSeen && !frame;
            for (int j = 0; j < count.length; j++) {
                if (frameEnd) {
                    overflow[j] = running[j] || saturated[j];
                    code[j] = running[j] ? TdcBank.CODE_MAX : count[j];
                }
                if (frame) {
                    if (running[j]) {
                        saturated[j] |= count[j] == TdcBank.CODE_MAX;
                        count[j] = Math.min(count[j] + 1, TdcBank.CODE_MAX);
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
    }

    @Test
    void randomFramesIncludingOverlongOnesMatchTheDefinitionEdgeForEdge() {
        int cols = 100;
        TdcBank bank = new TdcBank(cols);
        Reference ref = new Reference(cols);
        SplittableRandom rnd = new SplittableRandom(5);
        long[] cmp = new long[2];
        int frames = 0;
        int saturatedFrames = 0;
        int[] fireAt = new int[cols];
        boolean frame = false;
        int elapsed = 0;
        int length = 0;
        for (int edge = 0; edge < 400_000; edge++) {
            if (!frame && rnd.nextInt(5) == 0) {
                frame = true;
                elapsed = 0;
                length = rnd.nextInt(10) == 0 ? rnd.nextInt(4000, 4300) : rnd.nextInt(1, 300);
                for (int j = 0; j < cols; j++) {
                    // never, early, or (in a long frame) around the end of the counter's range
                    int late = length > 4000 ? rnd.nextInt(4080, 4300) : rnd.nextInt(1, 400);
                    fireAt[j] =
                            rnd.nextInt(8) == 0 ? Integer.MAX_VALUE : rnd.nextBoolean() ? late : rnd.nextInt(1, 400);
                }
            } else if (frame && elapsed >= length) {
                frame = false;
                frames++;
                saturatedFrames += length > TdcBank.CODE_MAX ? 1 : 0;
            }
            if (frame) {
                elapsed++;
            }
            java.util.Arrays.fill(cmp, 0);
            for (int j = 0; j < cols; j++) {
                // a comparator that fired may glitch low again: the counter must stay frozen
                if (frame && elapsed >= fireAt[j] && rnd.nextInt(20) != 0) {
                    cmp[j >>> 6] |= 1L << (j & 63);
                }
            }
            bank.clock(frame, cmp);
            ref.clock(frame, cmp);
            assertEquals(ref.done, bank.done(), "done at edge " + edge);
            for (int j = 0; j < cols; j++) {
                assertEquals(ref.count[j], bank.count(j), "count of column " + j + " at edge " + edge);
                assertEquals(ref.code[j], bank.code(j), "code of column " + j + " at edge " + edge);
                assertEquals(ref.overflow[j], bank.overflow(j), "overflow of column " + j + " at edge " + edge);
            }
            if (rnd.nextInt(50_000) == 0) {
                bank.reset();
                Reference fresh = new Reference(cols);
                System.arraycopy(fresh.count, 0, ref.count, 0, cols);
                java.util.Arrays.fill(ref.running, true);
                java.util.Arrays.fill(ref.saturated, false);
                java.util.Arrays.fill(ref.code, 0);
                java.util.Arrays.fill(ref.overflow, false);
                ref.frameSeen = false;
                ref.done = false;
                frame = false;
            }
        }
        assertTrue(frames > 500 && saturatedFrames > 20, frames + " frames, " + saturatedFrames + " past the counter");
    }
}
