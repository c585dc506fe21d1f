package mramcim.stimulus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.Op;
import mramcim.model.periphery.RegisterMap;

/**
 * A constrained-random host for one seed: presents commands of every op (legal ones mostly, bad
 * ones sometimes), holds {@code rsp_ready} low for random stretches, and asserts reset now and
 * then. It reacts only to {@code cmd_ready} and {@code rsp_valid}, so the same seed on the same
 * design replays the same cycles exactly.
 *
 * <p>It starts by programming FRAME_CYCLES, WR_PULSE and RD_CYCLES from the configuration, as the
 * {@link Macro} facade does, so that cell writes use the configured pulse.
 */
public final class RandomHost {

    /** Probability per cycle of a reset (about one per 20,000 cycles). */
    public static final double RESET_RATE = 5e-5;
    /** Longest back-pressure stretch, cycles. */
    public static final int MAX_STALL = 60;

    private final SplittableRandom rnd;
    private final int rows;
    private final int cols;
    private final HostPins pins = new HostPins();
    private final Deque<long[]> preamble = new ArrayDeque<>();
    private boolean lastReady;
    private int gap;
    private int stall = -1;
    private long issued;

    public RandomHost(MacroConfig config, long seed) {
        this.rnd = new SplittableRandom(seed ^ 0x5EED_0F_C05EL);
        this.rows = config.rows();
        this.cols = config.cols();
        preamble.add(new long[] {Op.WRITE_REG.code(), RegisterMap.FRAME_CYCLES, config.timing().frameCycles()});
        preamble.add(new long[] {Op.WRITE_REG.code(), RegisterMap.WR_PULSE, Macro.wrPulseCycles(config)});
        preamble.add(new long[] {Op.WRITE_REG.code(), RegisterMap.RD_CYCLES, config.timing().rdCycles()});
    }

    /** Commands presented so far. */
    public long issued() {
        return issued;
    }

    /** Whether the coming edge is a reset edge. */
    public boolean resetNow() {
        return preamble.isEmpty() && rnd.nextDouble() < RESET_RATE;
    }

    /**
     * The host pins for the coming edge, given the macro's present {@code cmd_ready} and
     * {@code rsp_valid}.
     */
    public HostPins next(boolean cmdReady, boolean rspValid) {
        if (pins.cmdValid && lastReady) {
            pins.cmdValid = false; // accepted at the last edge
            gap = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 8) : 0;
        }
        if (!pins.cmdValid) {
            if (gap > 0) {
                gap--;
            } else {
                present();
            }
        }
        if (rspValid) {
            if (stall < 0) {
                stall = rnd.nextBoolean() ? 0 : rnd.nextInt(1, MAX_STALL + 1);
            }
            pins.rspReady = stall == 0;
            if (stall > 0) {
                stall--;
            } else {
                stall = -1;
            }
        } else {
            pins.rspReady = rnd.nextBoolean();
            stall = -1;
        }
        lastReady = cmdReady;
        return pins;
    }

    /** After a reset the host's own view restarts too: nothing presented, nothing pending. */
    public void onReset() {
        pins.cmdValid = false;
        lastReady = false;
        stall = -1;
    }

    private void present() {
        long[] c = preamble.isEmpty() ? randomCommand() : preamble.removeFirst();
        pins.cmdValid = true;
        pins.cmdOp = (int) c[0];
        pins.cmdAddr = (int) c[1];
        pins.cmdData = c[2];
        issued++;
    }

    private int row() {
        return rnd.nextInt(20) == 0 ? rnd.nextInt(rows, 256) : rnd.nextInt(rows);
    }

    private int col() {
        return rnd.nextInt(20) == 0 ? rnd.nextInt(cols, 256) : rnd.nextInt(cols);
    }

    private long[] randomCommand() {
        int pick = rnd.nextInt(100);
        if (pick < 14) {
            long data = rnd.nextInt(25) == 0 ? 2 + rnd.nextInt(1 << 20) : rnd.nextInt(2);
            return new long[] {Op.WRITE_CELL.code(), (row() << 8) | col(), data};
        }
        if (pick < 22) {
            return new long[] {Op.READ_CELL.code(), (row() << 8) | col(), 0};
        }
        if (pick < 36) {
            int words = (rows + 63) / 64;
            int word = rnd.nextInt(20) == 0 ? rnd.nextInt(words, words + 3) : rnd.nextInt(words);
            int valid = Math.min(64, rows - 64 * Math.min(word, words - 1));
            long data = rnd.nextLong();
            if (rnd.nextInt(10) != 0 && valid < 64) {
                data &= (1L << valid) - 1;
            }
            return new long[] {Op.LOAD_INPUT.code(), word, data};
        }
        if (pick < 50) {
            return new long[] {Op.COMPUTE.code(), 0, 0};
        }
        if (pick < 68) {
            return new long[] {Op.READ_RESULT.code(), rnd.nextInt(25) == 0 ? rnd.nextInt(cols, 0x10000) : rnd.nextInt(cols), 0};
        }
        if (pick < 80) {
            return writeReg();
        }
        if (pick < 90) {
            int index = rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextBoolean() ? rnd.nextInt(9)
                    : RegisterMap.OFFSET_BASE + rnd.nextInt(cols + 1);
            return new long[] {Op.READ_REG.code(), index, 0};
        }
        if (pick < 95) {
            return new long[] {Op.NOP.code(), rnd.nextInt(0x10000), rnd.nextLong()};
        }
        return new long[] {rnd.nextInt(8, 16), rnd.nextInt(0x10000), rnd.nextLong()}; // unknown op
    }

    private long[] writeReg() {
        int w = Op.WRITE_REG.code();
        return switch (rnd.nextInt(11)) {
            case 0 -> new long[] {w, RegisterMap.C0, rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(40)};
            case 1 -> new long[] {w, RegisterMap.GAIN, rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(128, 1024)};
            case 2 -> new long[] {w, RegisterMap.FRAME_CYCLES, rnd.nextInt(10) == 0 ? rnd.nextInt(4) : rnd.nextInt(1, 300)};
            case 3 -> new long[] {w, RegisterMap.WR_PULSE, rnd.nextInt(0, 40)};
            case 4 -> new long[] {w, RegisterMap.RD_CYCLES, rnd.nextInt(0, 9)};
            case 5 -> new long[] {w, RegisterMap.WR_AMP_START, rnd.nextInt(0, 17)};
            case 6 -> new long[] {w, RegisterMap.WR_MAX_TRIES, rnd.nextInt(0, 17)};
            case 7 -> new long[] {w, RegisterMap.WR_MODE, rnd.nextInt(0, 3)};
            case 8 -> new long[] {w, RegisterMap.ID, rnd.nextInt(0x10000)};
            case 9 -> new long[] {w, rnd.nextInt(9, 0x100), rnd.nextInt(0x100)};
            default -> new long[] {w, RegisterMap.OFFSET_BASE + rnd.nextInt(cols + 1),
                rnd.nextInt(12) == 0 ? rnd.nextInt(-300, 300) : rnd.nextInt(-10, 11)};
        };
    }
}
