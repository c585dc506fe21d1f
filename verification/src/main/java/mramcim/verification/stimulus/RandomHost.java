package mramcim.verification.stimulus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import mramcim.calibration.GlobalCalibration;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.AnalogFault;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.model.device.BitCell;
import mramcim.model.device.Fault;
import mramcim.model.io.BinaryCsv;
import mramcim.model.macro.HostDriver;
import mramcim.model.macro.Macro;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.InputRegister;
import mramcim.spec.CellAddress;
import mramcim.spec.Offsets;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.WriteVerify;

/**
 * A constrained-random host for one seed: presents commands of every op (legal ones mostly, bad
 * ones sometimes), holds {@code rsp_ready} low for random stretches, and asserts reset now and then
 * (at random, and inside one random cell op or COMPUTE in {@value #RESET_IN_LONG_OP_EVERY}, so that
 * a reset lands in every state of the controller and the write-verify sequencer). It reacts only to
 * {@code cmd_ready} and {@code rsp_valid}, so the same seed on the same design replays the same
 * cycles exactly.
 *
 * <p>It starts by programming FRAME_CYCLES, WR_PULSE and RD_CYCLES from the configuration, as the
 * {@link Macro} facade does, so that cell writes use the configured pulse.
 *
 * <p>Constraints that steer it toward the corners a regression must reach (issue 7):
 *
 * <ul>
 *   <li>cell writes go, a third of the time, to the die's hard devices: stuck-at MTJs and the
 *       highest critical voltages (the host knows the die's device map, as a lab knows its wafer
 *       map, by fabricating the same die from the configuration and seed);
 *   <li>a targeted conversion loads an input vector chosen so that the exact dot product of one
 *       column lands on a chosen value, computes, and reads that column: the host tracks the
 *       weights it has written, so every dot-product bin of every column is reachable;
 *   <li>global C0 and GAIN are written back to their reset values as often as they are scrambled;
 *   <li>a faulted conversion (issue 19) switches a {@link AnalogFault} on for one COMPUTE with a
 *       long frame: dead comparators make the counters run to the end of the frame (their high bits
 *       and the overflow path), chattering ones drop back once after firing (the TDC must ignore
 *       it); every seed starts with one over the longest frame, 4095 cycles, and the random traffic
 *       has them now and then;
 *   <li>now and then long write pulses and read windows (WR_PULSE, RD_CYCLES up to 255) and long
 *       frames (FRAME_CYCLES up to 4095), so that the sequencer's and controller's counters reach
 *       their high bits.
 * </ul>
 */
public final class RandomHost implements Stimulus {

    /** Probability per cycle of a reset (about one per 20,000 cycles). */
    public static final double RESET_RATE = 5e-5;

    /**
     * One random cell op or COMPUTE in this many has a reset scheduled inside it (reset in every
     * state).
     */
    static final int RESET_IN_LONG_OP_EVERY = 24;

    /** Edges the controller waits after a frame for the counters' results (its CONV_WAIT state). */
    static final int CONV_WAIT_EDGES = 2;

    /** Longest back-pressure stretch, cycles. */
    public static final int MAX_STALL = 60;

    /** Share of the cells, by highest critical voltage, that count as hard to switch. */
    public static final double HARD_CELL_FRACTION = 0.02;

    /** One cell write in this many goes to a hard cell. */
    public static final int HARD_CELL_WRITE_EVERY = 3;

    /** Longest value of the 8-bit cycle registers WR_PULSE and RD_CYCLES (SPEC 5). */
    static final int MAX_CYCLE_REG = Register.WR_PULSE.max();

    /**
     * One register write in this many of WR_PULSE, RD_CYCLES or FRAME_CYCLES goes to the long end.
     */
    static final int LONG_EVERY = 8;

    /** Frames of a faulted conversion start here: above it the counters' ninth bit toggles. */
    static final int LONG_FRAME = 256;

    /** One directed sequence in this many is a register read-back. */
    static final int READBACK_EVERY = 32;

    /** For each read-back this many bit walks (DirectedSequences.walks), each of a random group. */
    static final int WALKS_PER_READBACK = 3;

    /**
     * READ_RESULTs of the arithmetic sweep at the start of a seed, and after a random all-dead
     * conversion.
     */
    static final int SWEEP_SAMPLES = 48;

    /** The walked-bit groups (DirectedSequences.walks) and the one to run next. */
    private final List<List<long[]>> walks;

    private int nextWalk;
    private final SplittableRandom rnd;
    private final MacroConfig config;
    private final int rows;
    private final int cols;
    private final HostPins pins = new HostPins();
    private final HostDriver driver = new HostDriver(pins);

    /** Commands to present before any random one: the preamble, then multi-command sequences. */
    private final Deque<long[]> queue = new ArrayDeque<>();

    /**
     * The weight bit (1: +1) the host believes each cell holds: the die's initial state, then what
     * it wrote.
     */
    private final boolean[][] weightBit;

    /** Cells of stuck-at or hardest-to-switch MTJs, as cell addresses (CellAddress). */
    private final int[] hardCells;

    /**
     * Global C0 and GAIN of this die (SPEC 6 step 1), programmed first and restored now and then.
     */
    private final int c0;

    private final int gain;

    /** The register writes that bring the macro back to what the random traffic expects. */
    private final List<long[]> restore;

    private final int frameCycles;

    /** The analog faults the queued commands switch on (index + 1 in a command's fourth word). */
    private final List<AnalogFault> faults = new ArrayList<>();

    private AnalogFault fault = AnalogFault.NONE;
    private long presentedFault;
    private boolean lastReady;
    private int gap;
    private final BackPressure backPressure = new BackPressure();
    private long issued;

    /** Edges until a scheduled reset, or -1. */
    private int resetIn = -1;

    /** Edges from the acceptance of the presented command to its scheduled reset, or -1. */
    private int resetDelay = -1;

    /** WR_PULSE and RD_CYCLES as the host last programmed them (for the span of a cell op). */
    private int wrPulse = Register.WR_PULSE.resetValue();

    private int rdCycles = Register.RD_CYCLES.resetValue();
    private int frame = Register.FRAME_CYCLES.resetValue();

    public RandomHost(MacroConfig config, long seed) {
        this.rnd = new SplittableRandom(seed ^ 0x5EED_0F_C05EL);
        this.config = config;
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
        List<List<long[]>> directed =
                new ArrayList<>(DirectedSequences.all(config, c0, gain, rnd).values());
        for (int k = directed.size() - 1; k > 0; k--) {
            java.util.Collections.swap(directed, k, rnd.nextInt(k + 1));
        }
        directed.forEach(queue::addAll);
        this.walks = DirectedSequences.walks(config, rnd);
        this.nextWalk = rnd.nextInt(walks.size());
        this.frameCycles = config.timing().frameCycles();
        int longFrame = mramcim.model.config.TimingParams.MAX_FRAME_CYCLES;
        // A conversion over the longest frame with every comparator late by nearly all of it: each
        // column's counter counts through every value of its 12 bits and stops short of the end,
        // so a counter bit that is stuck, inverted or flipped by another shows in its code.
        int late = longFrame - 2 * frameCycles;
        if (late > 0) {
            int[] shift = new int[cols];
            java.util.Arrays.fill(shift, late);
            queue.addAll(faultedConversion(longFrame, new AnalogFault(new long[0], new long[0], shift, -1)));
        }
        // And one with every comparator dead: every counter counts to the end.
        queue.addAll(faultedConversion(
                longFrame, new AnalogFault(allColumns(), new long[allColumns().length], new int[0], -1)));
        // Then conversions at the configured frame with exactly 1, 2, 4, ... and COLS - 1 columns
        // dead: the overflow count (COMPUTE's data, and its status OVERFLOW iff it is not zero)
        // takes each bit alone and all but the top, so a count bit lost before the status decision
        // shows.
        java.util.TreeSet<Integer> deadCounts = new java.util.TreeSet<>();
        for (int k = 1; k < cols; k *= 2) {
            deadCounts.add(k);
        }
        deadCounts.add(cols - 1);
        for (int k : deadCounts) {
            queue.addAll(faultedConversion(
                    frameCycles, new AnalogFault(firstColumns(k), new long[allColumns().length], new int[0], -1)));
        }
        // Every column now holds the saturated code: each column's offset through its corrector,
        // then the converter's arithmetic walked on one of them.
        queue.addAll(ArithmeticCorners.offsetSelection(rows, cols, c0, gain));
        queue.addAll(ArithmeticCorners.sweep(rows, rnd.nextInt(cols), SWEEP_SAMPLES, c0, gain, rnd));
    }

    /**
     * The analog fault the macro's array shows at the coming edge (the same on both sides of a
     * lockstep).
     */
    @Override
    public AnalogFault analogFault() {
        return fault;
    }

    /** Commands presented so far. */
    public long issued() {
        return issued;
    }

    /** Whether the coming edge is a reset edge. */
    @Override
    public boolean resetNow() {
        if (resetIn > 0 && --resetIn == 0) {
            resetIn = -1;
            return true;
        }
        return queue.isEmpty() && rnd.nextDouble() < RESET_RATE;
    }

    /**
     * The host pins for the coming edge, given the macro's present {@code cmd_ready} and {@code
     * rsp_valid}.
     */
    @Override
    public HostPins next(boolean cmdReady, boolean rspValid) {
        if (driver.accepted(lastReady)) {
            // Accepted at the last edge: its fault (if any) holds until the next command is
            // accepted,
            // which the macro does only once this one has answered, its frame over.
            fault = presentedFault > 0 ? faults.get((int) presentedFault - 1) : AnalogFault.NONE;
            if (resetDelay > 0) {
                // Counted from the acceptance edge, which was the last one.
                resetIn = resetDelay - 1;
                resetDelay = -1;
            }
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
            pins.rspReady = backPressure.ready(() -> rnd.nextBoolean() ? 0 : rnd.nextInt(1, MAX_STALL + 1));
        } else {
            pins.rspReady = rnd.nextBoolean();
            backPressure.idle();
        }
        lastReady = cmdReady;
        return pins;
    }

    /** After a reset the host's own view restarts too: nothing presented, nothing pending. */
    @Override
    public void onReset() {
        pins.cmdValid = false;
        queue.clear(); // a sequence cut by a reset is abandoned, as a host would after an error
        queue.addAll(restore); // and the registers, back at their reset values, are programmed again
        lastReady = false;
        backPressure.idle();
        fault = AnalogFault.NONE;
        resetIn = -1;
        resetDelay = -1;
        wrPulse = Register.WR_PULSE.resetValue();
        rdCycles = Register.RD_CYCLES.resetValue();
        frame = Register.FRAME_CYCLES.resetValue();
    }

    private void present() {
        boolean random = queue.isEmpty();
        long[] c = random ? randomCommand() : queue.removeFirst();
        track(c);
        boolean lasting = c[0] == Op.WRITE_CELL.code() || c[0] == Op.READ_CELL.code() || c[0] == Op.COMPUTE.code();
        if (random && resetIn < 0 && resetDelay < 0 && lasting && rnd.nextInt(RESET_IN_LONG_OP_EVERY) == 0) {
            // A reset somewhere inside the op: over a pulse or a verify of MTJ A or B (a write),
            // over the read of A, the gap or the read of B (a read), or over the frame (a compute).
            int span = c[0] == Op.READ_CELL.code()
                    ? 2 * rdCycles + 1
                    : c[0] == Op.WRITE_CELL.code() ? 2 * (wrPulse + rdCycles) : frame;
            resetDelay = rnd.nextInt(2, span + 3);
            if (rnd.nextBoolean() && c[0] != Op.WRITE_CELL.code()) {
                // The short states are aimed at: a READ_CELL's one-cycle gap between its reads
                // (RD_CYCLES edges after acceptance, so the reset comes at the next), a COMPUTE's
                // wait for the counters' results (the two edges after the frame).
                resetDelay = c[0] == Op.READ_CELL.code() ? rdCycles + 1 : frame + rnd.nextInt(1, CONV_WAIT_EDGES + 1);
            }
        }
        driver.present((int) c[0], (int) c[1], c[2]);
        presentedFault = c.length > 3 ? c[3] : 0;
        issued++;
    }

    /** Follows the host's own writes of the cycle registers that set how long a cell op lasts. */
    private void track(long[] c) {
        if (c[0] == Op.WRITE_REG.code() && c[2] >= 1 && c[2] <= MAX_CYCLE_REG) {
            if (c[1] == Register.WR_PULSE.index()) {
                wrPulse = (int) c[2];
            } else if (c[1] == Register.RD_CYCLES.index()) {
                rdCycles = (int) c[2];
            }
        }
        if (c[0] == Op.WRITE_REG.code()
                && c[1] == Register.FRAME_CYCLES.index()
                && c[2] >= 1
                && c[2] <= Register.FRAME_CYCLES.max()) {
            frame = (int) c[2];
        }
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
            long data = rnd.nextInt(25) == 0 ? illegalHighBits(rnd.nextInt(2), 1) : rnd.nextInt(2);
            int addr = hardCells.length > 0 && rnd.nextInt(HARD_CELL_WRITE_EVERY) == 0
                    ? hardCells[rnd.nextInt(hardCells.length)]
                    : CellAddress.encode(row(), col());
            int r = CellAddress.row(addr);
            int c = CellAddress.col(addr);
            if (r < rows && c < cols) {
                weightBit[r][c] = (data & 1) == 1;
            }
            return new long[] {Op.WRITE_CELL.code(), addr, data};
        }
        if (pick < 22) {
            return new long[] {Op.READ_CELL.code(), CellAddress.encode(row(), col()), 0};
        }
        if (pick < 26) {
            int kind = rnd.nextInt(READBACK_EVERY);
            return kind < 2 * READBACK_EVERY / 16
                    ? randomFaultedConversion()
                    : kind < 3 * READBACK_EVERY / 16
                            ? faultedWrite()
                            : kind == READBACK_EVERY - 1
                                    ? registerReadback()
                                    : kind >= READBACK_EVERY - 1 - WALKS_PER_READBACK ? walk() : targetedConversion();
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
            return new long[] {
                Op.READ_RESULT.code(), rnd.nextInt(25) == 0 ? rnd.nextInt(cols, 0x10000) : rnd.nextInt(cols), 0
            };
        }
        if (pick < 80) {
            return writeReg();
        }
        if (pick < 90) {
            int index = rnd.nextInt(8) == 0
                    ? rnd.nextInt(0x10000)
                    : rnd.nextBoolean() ? rnd.nextInt(Register.GLOBAL_COUNT) : Offsets.BASE + rnd.nextInt(cols + 1);
            return new long[] {Op.READ_REG.code(), index, 0};
        }
        if (pick < 95) {
            return new long[] {Op.NOP.code(), rnd.nextInt(0x10000), rnd.nextLong()};
        }
        return new long[] {rnd.nextInt(8, 16), rnd.nextInt(0x10000), rnd.nextLong()}; // unknown op
    }

    /**
     * {@code low} with high bits set from bit {@code from} up that a legal command must leave 0:
     * one bit (which exposes each bit of the hardware's zero check in turn), or random ones.
     */
    private long illegalHighBits(long low, int from) {
        long high = rnd.nextBoolean() ? 1L << rnd.nextInt(from, 64) : rnd.nextLong() & (-1L << from);
        return low | (high == 0 ? 1L << 63 : high);
    }

    private long[] writeReg() {
        int w = Op.WRITE_REG.code();
        if (rnd.nextInt(16) == 0) {
            // A value wider than any register (SPEC 5: BAD_CMD, nothing changes): the zero checks
            // of
            // the data's high bits. The widest register, C0 and GAIN, is 16 bits.
            int index = rnd.nextBoolean() ? rnd.nextInt(Register.GLOBAL_COUNT) : Offsets.BASE + rnd.nextInt(cols);
            return new long[] {w, index, illegalHighBits(rnd.nextInt(1 << 16), 16)};
        }
        return switch (rnd.nextInt(11)) {
            case 0 ->
                new long[] {
                    w,
                    Register.C0.index(),
                    rnd.nextBoolean() ? c0 : rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(40)
                };
            case 1 ->
                new long[] {
                    w,
                    Register.GAIN.index(),
                    rnd.nextBoolean() ? gain : rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(128, 1024)
                };
            case 2 ->
                new long[] {
                    w,
                    Register.FRAME_CYCLES.index(),
                    rnd.nextInt(10) == 0
                            ? rnd.nextInt(4)
                            : rnd.nextInt(LONG_EVERY * 4) == 0
                                    ? rnd.nextInt(300, mramcim.model.config.TimingParams.MAX_FRAME_CYCLES + 1)
                                    : rnd.nextInt(1, 300)
                };
            case 3 ->
                new long[] {
                    w,
                    Register.WR_PULSE.index(),
                    rnd.nextInt(LONG_EVERY) == 0 ? rnd.nextInt(40, MAX_CYCLE_REG + 1) : rnd.nextInt(0, 40)
                };
            case 4 ->
                new long[] {
                    w,
                    Register.RD_CYCLES.index(),
                    rnd.nextInt(LONG_EVERY) == 0 ? rnd.nextInt(9, MAX_CYCLE_REG + 1) : rnd.nextInt(0, 9)
                };
            case 5 -> new long[] {w, Register.WR_AMP_START.index(), rnd.nextInt(0, 17)};
            case 6 -> new long[] {w, Register.WR_MAX_TRIES.index(), rnd.nextInt(0, 17)};
            case 7 -> new long[] {w, Register.WR_MODE.index(), rnd.nextInt(0, 3)};
            case 8 -> new long[] {w, Register.ID.index(), rnd.nextInt(0x10000)};
            case 9 -> new long[] {w, rnd.nextInt(Register.GLOBAL_COUNT, Offsets.BASE), rnd.nextInt(0x100)};
            default ->
                new long[] {
                    w,
                    Offsets.BASE + rnd.nextInt(cols + 1),
                    rnd.nextInt(12) == 0 ? rnd.nextInt(-300, 300) : rnd.nextInt(-10, 11)
                };
        };
    }

    /**
     * LOAD_INPUT of every word, COMPUTE, READ_RESULT of a column {@code j}: the input agrees with
     * the weights the host believes column j holds except on {@code (ROWS - d) / 2} random rows, so
     * its exact dot product is {@code d}, drawn uniformly from -ROWS..ROWS. Returns the first
     * command and queues the rest.
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
     * A faulted conversion of the random traffic: a long frame (the longest one time in eight),
     * dead comparators on every column a third of the time and on a random half otherwise, and
     * chatter on a random quarter of the rest. Returns the first command and queues the rest.
     */
    private long[] randomFaultedConversion() {
        // A quarter over the longest frame (the counters' top bits), the rest anywhere above
        // LONG_FRAME.
        int frame = rnd.nextInt(4) == 0
                ? Register.FRAME_CYCLES.max()
                : rnd.nextInt(LONG_FRAME, Register.FRAME_CYCLES.max());
        long[] all = allColumns();
        long[] dead = new long[all.length];
        long[] chatter = new long[all.length];
        boolean everyColumn = rnd.nextInt(3) == 0;
        for (int w = 0; w < all.length; w++) {
            // A quarter of the columns dead, an eighth chattering (when not all are dead).
            dead[w] = everyColumn ? all[w] : rnd.nextLong() & rnd.nextLong() & all[w];
            chatter[w] = rnd.nextLong() & rnd.nextLong() & rnd.nextLong() & all[w] & ~dead[w];
        }
        // Each live column: half of them late, somewhere in the long part of the frame (codes from
        // 256 to its end, every counter bit in turn), one in eight early (below the nominal span,
        // down to the first edge), the rest on time.
        int[] shift = new int[cols];
        for (int c = 0; c < cols; c++) {
            int kind = rnd.nextInt(8);
            shift[c] = kind < 4
                    ? rnd.nextInt(LONG_FRAME, Math.max(LONG_FRAME + 1, frame))
                    : kind == 4 ? -rnd.nextInt(1, LONG_FRAME) : 0;
        }
        queue.addAll(faultedConversion(frame, new AnalogFault(dead, chatter, shift, -1)));
        if (everyColumn) {
            queue.addAll(ArithmeticCorners.sweep(rows, rnd.nextInt(cols), SWEEP_SAMPLES / 4, c0, gain, rnd));
        }
        return queue.removeFirst();
    }

    /**
     * A WRITE_CELL whose verify reads never show what it needs (the sense amplifier stuck), so the
     * sequencer runs through every try of both MTJs (the most pulses a write can use, in four-pulse
     * mode 2 x 15 x 2 = 60), then a READ_CELL with the same fault; the write registers are set for
     * it and restored after.
     */
    private long[] faultedWrite() {
        int w = Op.WRITE_REG.code();
        int addr = CellAddress.encode(rnd.nextInt(rows), rnd.nextInt(cols));
        long id = addFault(AnalogFault.senseStuckAt(rnd.nextBoolean()));
        queue.add(new long[] {w, Register.WR_MODE.index(), rnd.nextInt(3) == 0 ? 0 : 1});
        queue.add(new long[] {
            w, Register.WR_MAX_TRIES.index(), rnd.nextBoolean() ? Register.WR_MAX_TRIES.max() : rnd.nextInt(1, 16)
        });
        queue.add(new long[] {
            w, Register.WR_AMP_START.index(), rnd.nextInt(3) == 0 ? rnd.nextInt(12, 16) : rnd.nextInt(0, 4)
        });
        queue.add(new long[] {Op.WRITE_CELL.code(), addr, rnd.nextInt(2), id});
        queue.add(new long[] {Op.READ_CELL.code(), addr, 0, id});
        queue.addAll(restore);
        return queue.removeFirst();
    }

    /**
     * The next group of walked must-be-zero data bits, in turn from a seeded start: every group
     * runs within the first hundred thousand cycles or so of a seed (so a stuck bit of a legality
     * check shows on every seed), each time in whatever state the traffic left the macro, without
     * lengthening the directed start that short runs depend on.
     */
    private long[] walk() {
        queue.addAll(walks.get(nextWalk));
        nextWalk = (nextWalk + 1) % walks.size();
        return queue.removeFirst();
    }

    /**
     * Every writable register set to a random legal value, then every register read back, and a
     * READ_RESULT of every column (each corrected by its own offset): a register that answers for
     * another, or a column corrected by a neighbour's offset, shows. Then the registers the random
     * traffic expects, and offsets 0.
     */
    private long[] registerReadback() {
        int w = Op.WRITE_REG.code();
        int r = Op.READ_REG.code();
        List<long[]> seq = new ArrayList<>();
        seq.add(new long[] {w, Register.C0.index(), rnd.nextInt(Register.C0.max() + 1)});
        seq.add(new long[] {w, Register.GAIN.index(), rnd.nextInt(Register.C0.max() + 1)});
        seq.add(new long[] {w, Register.FRAME_CYCLES.index(), rnd.nextInt(1, LONG_FRAME)});
        seq.add(new long[] {w, Register.WR_PULSE.index(), rnd.nextInt(1, MAX_CYCLE_REG + 1)});
        seq.add(new long[] {w, Register.RD_CYCLES.index(), rnd.nextInt(1, MAX_CYCLE_REG + 1)});
        seq.add(new long[] {w, Register.WR_AMP_START.index(), rnd.nextInt(WriteVerify.MAX_AMP + 1)});
        seq.add(new long[] {w, Register.WR_MAX_TRIES.index(), rnd.nextInt(1, Register.WR_MAX_TRIES.max() + 1)});
        seq.add(new long[] {w, Register.WR_MODE.index(), rnd.nextInt(2)});
        for (int c = 0; c < cols; c++) {
            seq.add(new long[] {
                w, Offsets.BASE + c, rnd.nextInt(ArithmeticCorners.OFFSET_MIN, ArithmeticCorners.OFFSET_MAX + 1)
            });
        }
        for (int index = 0; index < Register.GLOBAL_COUNT; index++) {
            seq.add(new long[] {r, index, 0});
        }
        for (int c = 0; c < cols; c++) {
            seq.add(new long[] {r, Offsets.BASE + c, 0});
            seq.add(new long[] {Op.READ_RESULT.code(), c, 0});
        }
        for (int c = 0; c < cols; c++) {
            seq.add(new long[] {w, Offsets.BASE + c, 0});
        }
        seq.addAll(restore);
        queue.addAll(seq);
        return queue.removeFirst();
    }

    /**
     * FRAME_CYCLES = {@code frame}, a COMPUTE with the fault on, READ_RESULT of every column, and
     * FRAME_CYCLES back to the configuration's value.
     */
    private List<long[]> faultedConversion(int frame, AnalogFault f) {
        long id = addFault(f);
        int w = Op.WRITE_REG.code();
        List<long[]> seq = new ArrayList<>();
        seq.add(new long[] {w, Register.FRAME_CYCLES.index(), frame});
        seq.add(new long[] {Op.COMPUTE.code(), 0, 0, id});
        for (int c = 0; c < cols; c++) {
            seq.add(new long[] {Op.READ_RESULT.code(), c, 0});
        }
        seq.add(new long[] {w, Register.FRAME_CYCLES.index(), frameCycles});
        return seq;
    }

    /** Registers a fault for queued commands; returns the id a command's fourth word carries. */
    private long addFault(AnalogFault f) {
        faults.add(f);
        return faults.size();
    }

    /** A mask with the bits of columns 0 .. k - 1 set. */
    private long[] firstColumns(int k) {
        long[] m = new long[(cols + 63) / 64];
        for (int c = 0; c < k; c++) {
            m[c >>> 6] |= 1L << (c & 63);
        }
        return m;
    }

    /** A mask with every column's bit set. */
    private long[] allColumns() {
        return firstColumns(cols);
    }

    /**
     * SPEC 6 step 1 on a copy of the die: every weight +1, the median code over the columns for IN
     * all +1 (no mismatch: C0) and all -1 (ROWS mismatches), GAIN = 256 * 2 ROWS / their distance.
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
        GlobalCalibration g = GlobalCalibration.fromCodes(
                rows,
                readout.convert(allPlus, 0).code(),
                readout.convert(new long[allPlus.length], 1).code());
        return new int[] {g.c0(), g.gain()};
    }

    /**
     * Stuck-at cells and the cells of the highest critical voltages ({@link #HARD_CELL_FRACTION},
     * at least one).
     */
    private static int[] hardCells(AnalogArray die) {
        int n = die.rows() * die.cols();
        double[] vCrit = new double[n];
        List<Integer> stuck = new ArrayList<>();
        for (int r = 0; r < die.rows(); r++) {
            for (int c = 0; c < die.cols(); c++) {
                BitCell cell = die.cell(r, c);
                vCrit[r * die.cols() + c] =
                        Math.max(cell.mtj(0).vCrit(), cell.mtj(1).vCrit());
                if (cell.mtj(0).fault() != Fault.NONE || cell.mtj(1).fault() != Fault.NONE) {
                    stuck.add(CellAddress.encode(r, c));
                }
            }
        }
        double[] sorted = vCrit.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[n - Math.max(1, (int) (n * HARD_CELL_FRACTION))];
        List<Integer> hard = new ArrayList<>(stuck);
        for (int k = 0; k < n; k++) {
            if (vCrit[k] >= threshold) {
                hard.add(CellAddress.encode(k / die.cols(), k % die.cols()));
            }
        }
        return hard.stream().mapToInt(Integer::intValue).toArray();
    }
}
