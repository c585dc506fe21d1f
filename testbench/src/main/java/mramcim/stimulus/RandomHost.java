package mramcim.stimulus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import mramcim.calibration.GlobalCalibration;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.model.device.BitCell;
import mramcim.model.device.Fault;
import mramcim.model.io.BinaryCsv;
import mramcim.model.macro.Macro;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.InputRegister;
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
 *
 * <p>Constraints that steer it toward the corners a regression must reach (issue 7):
 * <ul>
 *   <li>cell writes go, a third of the time, to the die's hard devices: stuck-at MTJs and the
 *       highest critical voltages (the host knows the die's device map, as a lab knows its wafer
 *       map, by fabricating the same die from the configuration and seed);</li>
 *   <li>a targeted conversion loads an input vector chosen so that the exact dot product of one
 *       column lands on a chosen value, computes, and reads that column: the host tracks the
 *       weights it has written, so every dot-product bin of every column is reachable;</li>
 *   <li>global C0 and GAIN are written back to their reset values as often as they are scrambled.</li>
 * </ul>
 */
public final class RandomHost {

    /** Probability per cycle of a reset (about one per 20,000 cycles). */
    public static final double RESET_RATE = 5e-5;
    /** Longest back-pressure stretch, cycles. */
    public static final int MAX_STALL = 60;
    /** Share of the cells, by highest critical voltage, that count as hard to switch. */
    public static final double HARD_CELL_FRACTION = 0.02;
    /** One cell write in this many goes to a hard cell. */
    public static final int HARD_CELL_WRITE_EVERY = 3;

    private final SplittableRandom rnd;
    private final int rows;
    private final int cols;
    private final HostPins pins = new HostPins();
    /** Commands to present before any random one: the preamble, then multi-command sequences. */
    private final Deque<long[]> queue = new ArrayDeque<>();
    /** The weight bit (1: +1) the host believes each cell holds: the die's initial state, then what it wrote. */
    private final boolean[][] weightBit;
    /** Cells of stuck-at or hardest-to-switch MTJs, as row << 8 | col. */
    private final int[] hardCells;
    /** Global C0 and GAIN of this die (SPEC 6 step 1), programmed first and restored now and then. */
    private final int c0;
    private final int gain;
    /** The register writes that bring the macro back to what the random traffic expects. */
    private final List<long[]> restore;
    private boolean lastReady;
    private int gap;
    private int stall = -1;
    private long issued;

    public RandomHost(MacroConfig config, long seed) {
        this.rnd = new SplittableRandom(seed ^ 0x5EED_0F_C05EL);
        this.rows = config.rows();
        this.cols = config.cols();
        AnalogArray die = AnalogArray.fabricate(config, seed);
        this.weightBit = new boolean[rows][cols];
        int[][] w = die.weights();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                weightBit[r][c] = w[r][c] > 0;
            }
        }
        this.hardCells = hardCells(die);
        int[] global = globalCalibration(config, seed);
        this.c0 = global[0];
        this.gain = global[1];
        this.restore = DirectedSequences.restore(config, c0, gain);
        queue.addAll(restore);
        // Then every op's directed sequence, in an order drawn from the seed.
        List<List<long[]>> directed = new ArrayList<>(DirectedSequences.all(config, c0, gain, rnd).values());
        for (int k = directed.size() - 1; k > 0; k--) {
            java.util.Collections.swap(directed, k, rnd.nextInt(k + 1));
        }
        directed.forEach(queue::addAll);
    }

    /** Commands presented so far. */
    public long issued() {
        return issued;
    }

    /** Whether the coming edge is a reset edge. */
    public boolean resetNow() {
        return queue.isEmpty() && rnd.nextDouble() < RESET_RATE;
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
        queue.clear(); // a sequence cut by a reset is abandoned, as a host would after an error
        queue.addAll(restore); // and the registers, back at their reset values, are programmed again
        lastReady = false;
        stall = -1;
    }

    private void present() {
        long[] c = queue.isEmpty() ? randomCommand() : queue.removeFirst();
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
            int addr = hardCells.length > 0 && rnd.nextInt(HARD_CELL_WRITE_EVERY) == 0 ? hardCells[rnd.nextInt(hardCells.length)]
                    : (row() << 8) | col();
            int r = addr >>> 8;
            int c = addr & 0xFF;
            if (r < rows && c < cols) {
                weightBit[r][c] = (data & 1) == 1;
            }
            return new long[] {Op.WRITE_CELL.code(), addr, data};
        }
        if (pick < 22) {
            return new long[] {Op.READ_CELL.code(), (row() << 8) | col(), 0};
        }
        if (pick < 26) {
            return targetedConversion();
        }
        if (pick < 36) {
            int words = InputRegister.words(rows);
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
            case 0 -> new long[] {w, RegisterMap.C0, rnd.nextBoolean() ? c0
                : rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(40)};
            case 1 -> new long[] {w, RegisterMap.GAIN, rnd.nextBoolean() ? gain
                : rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(128, 1024)};
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

    /**
     * LOAD_INPUT of every word, COMPUTE, READ_RESULT of a column {@code j}: the input agrees with the
     * weights the host believes column j holds except on {@code (ROWS - d) / 2} random rows, so its
     * exact dot product is {@code d}, drawn uniformly from -ROWS..ROWS. Returns the first command and
     * queues the rest.
     */
    private long[] targetedConversion() {
        int j = rnd.nextInt(cols);
        int mismatches = rnd.nextInt(rows + 1);
        int[] in = new int[rows];
        for (int i = 0; i < rows; i++) {
            in[i] = weightBit[i][j] ? 1 : -1;
        }
        // A partial Fisher-Yates shuffle picks the rows to flip without repetition.
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int k = 0; k < mismatches; k++) {
            int pick = rnd.nextInt(k, rows);
            int t = order[k];
            order[k] = order[pick];
            order[pick] = t;
            in[order[k]] = -in[order[k]];
        }
        long[] words = BinaryCsv.toBits(in);
        for (int word = 0; word < words.length; word++) {
            queue.add(new long[] {Op.LOAD_INPUT.code(), word, words[word]});
        }
        queue.add(new long[] {Op.COMPUTE.code(), 0, 0});
        queue.add(new long[] {Op.READ_RESULT.code(), j, 0});
        return queue.removeFirst();
    }

    /**
     * SPEC 6 step 1 on a copy of the die: every weight +1, the median code over the columns for
     * IN all +1 (no mismatch: C0) and all -1 (ROWS mismatches), GAIN = 256 * 2 ROWS / their distance.
     * Done on the model here because the regression needs sensible conversions from its first
     * command; calibration through host commands is {@code mramcim calibrate}'s job.
     *
     * @return {C0, GAIN}, clamped to the registers' ranges
     */
    public static int[] globalCalibration(MacroConfig config, long seed) {
        AnalogArray die = AnalogArray.fabricate(config, seed);
        int rows = config.rows();
        int[][] ones = new int[rows][config.cols()];
        for (int[] r : ones) {
            java.util.Arrays.fill(r, 1);
        }
        die.program(ones);
        Readout readout = Readout.of(die, Solver.FAST);
        int[] plus = new int[rows];
        java.util.Arrays.fill(plus, 1);
        long[] allPlus = BinaryCsv.toBits(plus);
        GlobalCalibration g = GlobalCalibration.fromCodes(rows, readout.convert(allPlus, 0).code(),
                readout.convert(new long[allPlus.length], 1).code());
        return new int[] {g.c0(), g.gain()};
    }

    /** Stuck-at cells and the cells of the highest critical voltages ({@link #HARD_CELL_FRACTION}, at least one). */
    private static int[] hardCells(AnalogArray die) {
        int n = die.rows() * die.cols();
        double[] vCrit = new double[n];
        List<Integer> stuck = new ArrayList<>();
        for (int r = 0; r < die.rows(); r++) {
            for (int c = 0; c < die.cols(); c++) {
                BitCell cell = die.cell(r, c);
                vCrit[r * die.cols() + c] = Math.max(cell.mtj(0).vCrit(), cell.mtj(1).vCrit());
                if (cell.mtj(0).fault() != Fault.NONE || cell.mtj(1).fault() != Fault.NONE) {
                    stuck.add(r << 8 | c);
                }
            }
        }
        double[] sorted = vCrit.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[n - Math.max(1, (int) (n * HARD_CELL_FRACTION))];
        List<Integer> hard = new ArrayList<>(stuck);
        for (int k = 0; k < n; k++) {
            if (vCrit[k] >= threshold) {
                hard.add((k / die.cols()) << 8 | (k % die.cols()));
            }
        }
        return hard.stream().mapToInt(Integer::intValue).toArray();
    }
}
