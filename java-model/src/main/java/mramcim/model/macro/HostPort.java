package mramcim.model.macro;

import mramcim.model.config.MacroConfig;
import mramcim.model.io.BinaryCsv;
import mramcim.model.periphery.InputRegister;
import mramcim.spec.CellAddress;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.Status;

/**
 * The host interface of a macro (SPEC section 5) as a host program sees it: one command in, one
 * response out. Everything a host does (programming weights, matrix-vector products, calibration)
 * is written against this interface, so the same host code runs on the Java cycle-accurate {@link
 * Macro} and on the Verilated RTL in co-simulation.
 */
public interface HostPort {

    /** The design behind the port (size and timing the host programs). */
    MacroConfig config();

    /** Presents one command, waits for its acceptance and its response, and takes the response. */
    Response execute(int op, int addr, long data);

    default Response execute(Op op, int addr, long data) {
        return execute(op.code(), addr, data);
    }

    /**
     * Programs the timing registers from the configuration (FRAME_CYCLES, WR_PULSE = pulse width /
     * T_clk, RD_CYCLES), so that a preset with another clock works as it is.
     */
    default void programTiming() {
        MacroConfig config = config();
        writeReg(Register.FRAME_CYCLES.index(), config.timing().frameCycles());
        writeReg(Register.WR_PULSE.index(), Macro.wrPulseCycles(config));
        writeReg(Register.RD_CYCLES.index(), config.timing().rdCycles());
    }

    default Response nop() {
        return execute(Op.NOP, 0, 0);
    }

    /** WRITE_CELL: write-verify cell (row, col) to weight +1 or -1. Data: pulses used. */
    default Response writeCell(int row, int col, int weight) {
        return execute(Op.WRITE_CELL, CellAddress.encode(row, col), weight > 0 ? 1 : 0);
    }

    /** READ_CELL: bit0 = MTJ A, bit1 = MTJ B (1 = AP); CELL_FAIL if they agree. */
    default Response readCell(int row, int col) {
        return execute(Op.READ_CELL, CellAddress.encode(row, col), 0);
    }

    /** LOAD_INPUT word {@code word}: inputs 64*word .. 64*word+63. */
    default Response loadInput(int word, long bits) {
        return execute(Op.LOAD_INPUT, word, bits);
    }

    /** COMPUTE: one conversion frame. Data: number of saturated columns. */
    default Response compute() {
        return execute(Op.COMPUTE, 0, 0);
    }

    /** READ_RESULT of a column. */
    default Response readResult(int col) {
        return execute(Op.READ_RESULT, col, 0);
    }

    default Response writeReg(int index, long value) {
        return execute(Op.WRITE_REG, index, value);
    }

    default Response readReg(int index) {
        return execute(Op.READ_REG, index, 0);
    }

    /** Outcome of programming a whole matrix. */
    record ProgramReport(int failedCells, long pulses, long cycles) {}

    /** Writes every weight {@code w[row][col]} (+1/-1) by WRITE_CELL. */
    default ProgramReport program(int[][] w) {
        MacroConfig config = config();
        long cycles = 0;
        int failed = 0;
        long pulses = 0;
        for (int r = 0; r < config.rows(); r++) {
            for (int c = 0; c < config.cols(); c++) {
                Response rsp = writeCell(r, c, w[r][c]);
                failed += rsp.status() == Status.CELL_FAIL ? 1 : 0;
                pulses += rsp.data();
                cycles += rsp.cycles();
            }
        }
        return new ProgramReport(failed, pulses, cycles);
    }

    /** Result of one matrix-vector product. */
    record Mvm(int[] dotProducts, int[] codes, boolean[] overflow, long cycles) {}

    /** LOAD_INPUT, COMPUTE and READ_RESULT of every column for an input vector of +1/-1. */
    default Mvm mvm(int[] in) {
        MacroConfig config = config();
        if (in.length != config.rows()) {
            throw new IllegalArgumentException("input of length " + in.length + " for " + config.rows() + " rows");
        }
        long[] words = BinaryCsv.toBits(in);
        long cycles = 0;
        for (int word = 0; word < InputRegister.words(config.rows()); word++) {
            cycles += loadInput(word, words[word]).cycles();
        }
        cycles += compute().cycles();
        int[] dp = new int[config.cols()];
        int[] code = new int[config.cols()];
        boolean[] ovf = new boolean[config.cols()];
        for (int c = 0; c < config.cols(); c++) {
            Response r = readResult(c);
            dp[c] = r.dotProduct();
            code[c] = r.code();
            ovf[c] = r.status() == Status.OVERFLOW;
            cycles += r.cycles();
        }
        return new Mvm(dp, code, ovf, cycles);
    }
}
