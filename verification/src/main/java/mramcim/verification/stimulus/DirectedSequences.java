package mramcim.verification.stimulus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
import mramcim.model.periphery.InputRegister;
import mramcim.spec.CellAddress;
import mramcim.spec.HostBus;
import mramcim.spec.Offsets;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.WriteVerify;

/**
 * Directed command sequences, one per op (SPEC 5): the corners of every field, legal and one step
 * beyond, and the status corners (an overflowing COMPUTE, an unknown register). Each sequence
 * leaves the macro's registers as it found them (the configured timing and the die's C0/GAIN), so
 * sequences can run in any order; {@link RandomHost} runs all of them, in an order drawn from its
 * seed, before its random traffic. Commands are {op, addr, data}.
 */
public final class DirectedSequences {

    /** Op codes no op uses (SPEC 5: 8..15), the first and the last. */
    static final int[] UNKNOWN_OPS = {8, 15};

    /** The largest value of the 16-bit {@code cmd_addr}: beyond every row, column and register. */
    static final int ADDR_MAX = (1 << HostBus.ADDR_WIDTH) - 1;

    private DirectedSequences() {}

    /**
     * Every op's sequence for {@code config}, whose C0/GAIN are {@code c0}/{@code gain}; cell
     * corners and the choice of random data come from {@code rnd}.
     */
    public static Map<Op, List<long[]>> all(MacroConfig config, int c0, int gain, SplittableRandom rnd) {
        int rows = config.rows();
        int cols = config.cols();
        int words = InputRegister.words(rows);
        Map<Op, List<long[]>> m = new EnumMap<>(Op.class);
        List<long[]> restore = restore(config, c0, gain);

        List<long[]> nop = new ArrayList<>();
        nop.add(cmd(Op.NOP, 0, 0));
        nop.add(cmd(Op.NOP, ADDR_MAX, -1L));
        for (int op : UNKNOWN_OPS) {
            nop.add(new long[] {op, rnd.nextInt(0x10000), rnd.nextLong()}); // BAD_CMD, nothing changes
        }
        m.put(Op.NOP, nop);

        int[][] corners = {
            {0, 0},
            {0, cols - 1},
            {rows - 1, 0},
            {rows - 1, cols - 1},
            {rnd.nextInt(rows), rnd.nextInt(cols)}
        };
        List<long[]> write = new ArrayList<>();
        List<long[]> read = new ArrayList<>();
        for (int[] rc : corners) {
            int addr = CellAddress.encode(rc[0], rc[1]);
            write.add(cmd(Op.WRITE_CELL, addr, 0));
            write.add(cmd(Op.WRITE_CELL, addr, 1));
            read.add(cmd(Op.READ_CELL, addr, 0));
        }
        int[] bad = {CellAddress.encode(rows, 0), cols, CellAddress.encode(CellAddress.row(-1), CellAddress.col(-1))};
        for (int addr : bad) {
            write.add(cmd(Op.WRITE_CELL, addr, 1));
            read.add(cmd(Op.READ_CELL, addr, 0));
        }
        // A write with the smallest amplitude and one try fails on most devices (CELL_FAIL).
        write.add(cmd(Op.WRITE_REG, Register.WR_AMP_START.index(), 0));
        write.add(cmd(Op.WRITE_REG, Register.WR_MAX_TRIES.index(), 1));
        write.add(cmd(Op.WRITE_CELL, CellAddress.encode(corners[4][0], corners[4][1]), 0));
        write.add(cmd(Op.WRITE_CELL, CellAddress.encode(corners[4][0], corners[4][1]), 1));
        write.addAll(restore);
        m.put(Op.WRITE_CELL, write);
        m.put(Op.READ_CELL, read);

        List<long[]> load = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            load.add(cmd(Op.LOAD_INPUT, w, 0));
            long mask = InputRegister.mask(rows, w);
            load.add(cmd(Op.LOAD_INPUT, w, mask));
            if (mask != -1L) {
                load.add(cmd(Op.LOAD_INPUT, w, mask + 1)); // the first bit beyond ROWS: BAD_CMD
            }
        }
        load.add(cmd(Op.LOAD_INPUT, words, 0));
        load.add(cmd(Op.LOAD_INPUT, ADDR_MAX, 0));
        m.put(Op.LOAD_INPUT, load);

        List<long[]> compute = new ArrayList<>();
        compute.add(cmd(Op.COMPUTE, 0, 0));
        compute.add(cmd(Op.WRITE_REG, Register.FRAME_CYCLES.index(), 1)); // every column saturates: OVERFLOW
        compute.add(cmd(Op.COMPUTE, 0, 0));
        compute.add(cmd(Op.READ_RESULT, 0, 0));
        compute.addAll(restore);
        compute.add(cmd(Op.COMPUTE, ADDR_MAX, -1L)); // COMPUTE ignores its fields
        m.put(Op.COMPUTE, compute);

        List<long[]> result = new ArrayList<>();
        for (int col : new int[] {0, cols - 1, rnd.nextInt(cols), cols, ADDR_MAX}) {
            result.add(cmd(Op.READ_RESULT, col, 0));
        }
        m.put(Op.READ_RESULT, result);

        List<long[]> writeReg = new ArrayList<>();
        for (long[] r : ranges(cols)) {
            writeReg.add(cmd(Op.WRITE_REG, (int) r[0], r[1]));
            writeReg.add(cmd(Op.WRITE_REG, (int) r[0], r[2]));
            writeReg.add(cmd(Op.WRITE_REG, (int) r[0], r[1] - 1)); // one below: BAD_CMD
            writeReg.add(cmd(Op.WRITE_REG, (int) r[0], r[2] + 1)); // one above: BAD_CMD
        }
        writeReg.add(cmd(Op.WRITE_REG, Register.ID.index(), 0)); // read-only
        writeReg.add(cmd(Op.WRITE_REG, Offsets.BASE + cols, 0));
        writeReg.add(cmd(Op.WRITE_REG, ADDR_MAX, 0));
        writeReg.add(cmd(Op.WRITE_REG, Offsets.BASE, 0));
        writeReg.add(cmd(Op.WRITE_REG, Offsets.BASE + cols - 1, 0));
        writeReg.addAll(restore);
        m.put(Op.WRITE_REG, writeReg);

        List<long[]> readReg = new ArrayList<>();
        for (int index = 0; index <= Register.ID.index() + 1; index++) {
            readReg.add(cmd(Op.READ_REG, index, 0));
        }
        for (int index : new int[] {Offsets.BASE, Offsets.BASE + cols - 1, Offsets.BASE + cols, ADDR_MAX}) {
            readReg.add(cmd(Op.READ_REG, index, 0));
        }
        readReg.addAll(registerWalk(config, c0, gain));
        m.put(Op.READ_REG, readReg);
        for (Map.Entry<Op, List<long[]>> e : m.entrySet()) {
            if (e.getKey() != Op.NOP && e.getKey() != Op.COMPUTE) {
                e.getValue().addAll(addressWalk(e.getKey(), rows, restore));
            }
        }
        return m;
    }

    /**
     * The op at every {@code cmd_addr} with one bit set, 1 << 0 .. 1 << 15: each bit of the row,
     * the column, the register index and the input word alone, so that a range check that drops or
     * misreads one address bit (a row field bit ignored, an index compared on too few bits) answers
     * OK where SPEC 5 says BAD_CMD, or the reverse. The data is legal for any address that is (a +1
     * weight, an input word of all +1 as the LOAD_INPUT sequence leaves it, zeros), so only the
     * address decides; a WRITE_REG walk is followed by {@code restore}.
     */
    static List<long[]> addressWalk(Op op, int rows, List<long[]> restore) {
        List<long[]> seq = new ArrayList<>();
        for (int k = 0; k < HostBus.ADDR_WIDTH; k++) {
            int addr = 1 << k;
            long data = switch (op) {
                case WRITE_CELL -> 1;
                case LOAD_INPUT -> addr < InputRegister.words(rows) ? InputRegister.mask(rows, addr) : 0;
                default -> 0;
            };
            seq.add(cmd(op, addr, data));
        }
        if (op == Op.WRITE_REG) {
            seq.addAll(restore);
        }
        return seq;
    }

    /**
     * A one walked through every writable register, each value read back: every bit of every
     * register alone at 1 (and, for a signed offset, the sign bit alone). A register bit stuck at
     * either value, inverted, or flipped by another bit of its register shows in a READ_REG of the
     * same seed, however little the random traffic later touches that register (64 offsets on the
     * 64 x 64 macro). Then the registers the random traffic expects, and offsets 0.
     */
    static List<long[]> registerWalk(MacroConfig config, int c0, int gain) {
        int cols = config.cols();
        List<long[]> seq = new ArrayList<>();
        List<long[]> registers = new ArrayList<>();
        for (long[] r : ranges(cols)) {
            if (r[0] < Offsets.BASE) {
                registers.add(r);
            }
        }
        for (int c = 0; c < cols; c++) {
            registers.add(new long[] {Offsets.BASE + c, ArithmeticCorners.OFFSET_MIN, ArithmeticCorners.OFFSET_MAX});
        }
        for (long[] r : registers) {
            int index = (int) r[0];
            for (int k = 0; k < 64 - Long.numberOfLeadingZeros(r[2]); k++) {
                long v = 1L << k;
                if (v >= r[1] && v <= r[2]) {
                    seq.add(cmd(Op.WRITE_REG, index, v));
                    seq.add(cmd(Op.READ_REG, index, 0));
                }
            }
            if (r[1] < 0) {
                seq.add(cmd(Op.WRITE_REG, index, r[1])); // the sign bit alone
                seq.add(cmd(Op.READ_REG, index, 0));
            }
        }
        seq.addAll(restore(config, c0, gain));
        for (int c = 0; c < cols; c++) {
            seq.add(cmd(Op.WRITE_REG, Offsets.BASE + c, 0));
        }
        return seq;
    }

    /** Each writable register's legal range: {index, lowest, highest} (SPEC 5). */
    static long[][] ranges(int cols) {
        return new long[][] {
            {Register.C0.index(), 0, Register.C0.max()},
            {Register.GAIN.index(), 0, Register.C0.max()},
            {Register.FRAME_CYCLES.index(), Register.FRAME_CYCLES.min(), Register.FRAME_CYCLES.max()},
            {Register.WR_PULSE.index(), Register.WR_PULSE.min(), Register.WR_PULSE.max()},
            {Register.RD_CYCLES.index(), Register.RD_CYCLES.min(), Register.RD_CYCLES.max()},
            {Register.WR_AMP_START.index(), 0, WriteVerify.MAX_AMP},
            {Register.WR_MAX_TRIES.index(), 1, Register.WR_MAX_TRIES.max()},
            {Register.WR_MODE.index(), 0, 1},
            {Offsets.BASE, ArithmeticCorners.OFFSET_MIN, ArithmeticCorners.OFFSET_MAX},
            {Offsets.BASE + cols - 1, ArithmeticCorners.OFFSET_MIN, ArithmeticCorners.OFFSET_MAX}
        };
    }

    /**
     * The bits of a command's data that SPEC 5 requires to be zero (or, for a signed offset, copies
     * of the sign), walked one at a time, in groups: WRITE_CELL's data[63:1], the bits beyond ROWS
     * of the last LOAD_INPUT word, and each register's bits above its width (a one over 0, and for
     * a signed register a zero over -1). Every command is a BAD_CMD that a stuck bit of the
     * hardware's check would let in; the random traffic runs one group now and then.
     */
    static List<List<long[]>> walks(MacroConfig config, SplittableRandom rnd) {
        int rows = config.rows();
        int cols = config.cols();
        List<List<long[]>> groups = new ArrayList<>();
        groups.add(walk(Op.WRITE_CELL, CellAddress.encode(rnd.nextInt(rows), rnd.nextInt(cols)), 1, 1, false));
        int words = InputRegister.words(rows);
        long mask = InputRegister.mask(rows, words - 1);
        if (mask != -1L) {
            groups.add(walk(Op.LOAD_INPUT, words - 1, 0, 64 - Long.numberOfLeadingZeros(mask), false));
        }
        for (long[] r : ranges(cols)) {
            int width = 64 - Long.numberOfLeadingZeros(r[2]);
            groups.add(walk(Op.WRITE_REG, (int) r[0], 0, width, false));
            if (r[1] < 0) {
                groups.add(walk(Op.WRITE_REG, (int) r[0], -1L, width, true));
            }
        }
        return groups;
    }

    /**
     * {@code op} at {@code addr} with data {@code base} with bit k flipped, for k = {@code
     * from}..63: a one walked through zeros ({@code zeros} false) or a zero through ones.
     */
    static List<long[]> walk(Op op, int addr, long base, int from, boolean zeros) {
        List<long[]> seq = new ArrayList<>();
        for (int k = from; k < Long.SIZE; k++) {
            seq.add(cmd(op, addr, zeros ? base & ~(1L << k) : base | 1L << k));
        }
        return seq;
    }

    /**
     * The registers as the random traffic expects them: the configured timing, reset write
     * settings, the die's C0/GAIN.
     */
    static List<long[]> restore(MacroConfig config, int c0, int gain) {
        return List.of(
                cmd(Op.WRITE_REG, Register.FRAME_CYCLES.index(), config.timing().frameCycles()),
                cmd(Op.WRITE_REG, Register.WR_PULSE.index(), Macro.wrPulseCycles(config)),
                cmd(Op.WRITE_REG, Register.RD_CYCLES.index(), config.timing().rdCycles()),
                cmd(Op.WRITE_REG, Register.WR_AMP_START.index(), Register.WR_AMP_START.resetValue()),
                cmd(Op.WRITE_REG, Register.WR_MAX_TRIES.index(), Register.WR_MAX_TRIES.resetValue()),
                cmd(Op.WRITE_REG, Register.WR_MODE.index(), Register.WR_MODE.resetValue()),
                cmd(Op.WRITE_REG, Register.C0.index(), c0),
                cmd(Op.WRITE_REG, Register.GAIN.index(), gain));
    }

    private static long[] cmd(Op op, int addr, long data) {
        return new long[] {op.code(), addr, data};
    }
}
