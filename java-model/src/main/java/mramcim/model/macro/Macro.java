package mramcim.model.macro;

import mramcim.model.array.AnalogArray;
import mramcim.model.array.AnalogFrontEnd;
import mramcim.model.array.AnalogPins;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.InputRegister;
import mramcim.model.periphery.MramCimMacro;
import mramcim.model.periphery.Op;
import mramcim.model.periphery.RegisterMap;
import mramcim.model.periphery.Status;

/**
 * The macro as a host sees it: one fabricated analog array behind the cycle-accurate periphery,
 * driven through host commands only, cycle by cycle. Every operation reports the cycles it took.
 *
 * <p>On creation the timing registers are programmed from the configuration (FRAME_CYCLES,
 * WR_PULSE = pulse width / T_clk, RD_CYCLES), so a preset with another clock works as it is.
 */
public final class Macro {

    private final MacroConfig config;
    private final AnalogArray array;
    private final AnalogFrontEnd analog;
    private final MramCimMacro periphery;
    private final HostPins host = new HostPins();
    private final AnalogPins analogPins;
    private long cycle;
    private int rspReadyDelay;

    private Macro(MacroConfig config, long seed) {
        this.config = config;
        this.array = AnalogArray.fabricate(config, seed);
        this.analog = AnalogFrontEnd.of(array);
        this.periphery = new MramCimMacro(config.rows(), config.cols());
        this.analogPins = new AnalogPins(config.cols());
        writeReg(RegisterMap.FRAME_CYCLES, config.timing().frameCycles());
        writeReg(RegisterMap.WR_PULSE, wrPulseCycles(config));
        writeReg(RegisterMap.RD_CYCLES, config.timing().rdCycles());
    }

    /** A macro on the die of {@code config} selected by {@code seed}. */
    public static Macro create(MacroConfig config, long seed) {
        return new Macro(config, seed);
    }

    /** WR_PULSE for the configured pulse width: round(pulseWidth / T_clk), within 1..255. */
    public static int wrPulseCycles(MacroConfig config) {
        long n = Math.round(config.write().pulseWidth() / config.timing().tClk());
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException("write.pulseWidth / timing.tClk = " + n + " cycles is out of range: allowed 1..255");
        }
        return (int) n;
    }

    public MacroConfig config() {
        return config;
    }

    public AnalogArray array() {
        return array;
    }

    public MramCimMacro periphery() {
        return periphery;
    }

    public AnalogFrontEnd analog() {
        return analog;
    }

    /** Clock edges so far. */
    public long cycle() {
        return cycle;
    }

    /**
     * Back-pressure: the host keeps {@code rsp_ready} low for this many cycles after a response
     * appears before taking it.
     */
    public void setRspReadyDelay(int cycles) {
        this.rspReadyDelay = cycles;
    }

    /** One clock edge: the analog array sees the pins of the last cycle, then the periphery steps. */
    public void clock() {
        analog.tick(periphery.pins(), analogPins);
        periphery.step(host, analogPins);
        cycle++;
    }

    /** One clock edge with the synchronous reset asserted. */
    public void resetCycle() {
        analog.tick(periphery.pins(), analogPins);
        periphery.reset();
        cycle++;
    }

    /** Presents one command, waits for its acceptance and its response, and takes the response. */
    public Response execute(int op, int addr, long data) {
        long start = cycle;
        host.cmdValid = true;
        host.cmdOp = op;
        host.cmdAddr = addr;
        host.cmdData = data;
        host.rspReady = false;
        boolean accepted = false;
        while (!accepted) {
            accepted = periphery.cmdReady();
            clock();
        }
        host.cmdValid = false;
        int waited = 0;
        while (true) {
            if (periphery.rspValid()) {
                if (waited >= rspReadyDelay) {
                    Status status = Status.of(periphery.rspStatus());
                    int rsp = periphery.rspData();
                    host.rspReady = true;
                    clock();
                    host.rspReady = false;
                    return new Response(status, rsp, cycle - start);
                }
                waited++;
            }
            clock();
        }
    }

    private Response execute(Op op, int addr, long data) {
        return execute(op.code(), addr, data);
    }

    public Response nop() {
        return execute(Op.NOP, 0, 0);
    }

    /** WRITE_CELL: write-verify cell (row, col) to weight +1 or -1. Data: pulses used. */
    public Response writeCell(int row, int col, int weight) {
        return execute(Op.WRITE_CELL, (row << 8) | col, weight > 0 ? 1 : 0);
    }

    /** READ_CELL: bit0 = MTJ A, bit1 = MTJ B (1 = AP); CELL_FAIL if they agree. */
    public Response readCell(int row, int col) {
        return execute(Op.READ_CELL, (row << 8) | col, 0);
    }

    /** LOAD_INPUT word {@code word}: inputs 64*word .. 64*word+63. */
    public Response loadInput(int word, long bits) {
        return execute(Op.LOAD_INPUT, word, bits);
    }

    /** COMPUTE: one conversion frame. Data: number of saturated columns. */
    public Response compute() {
        return execute(Op.COMPUTE, 0, 0);
    }

    /** READ_RESULT of a column. */
    public Response readResult(int col) {
        return execute(Op.READ_RESULT, col, 0);
    }

    public Response writeReg(int index, long value) {
        return execute(Op.WRITE_REG, index, value);
    }

    public Response readReg(int index) {
        return execute(Op.READ_REG, index, 0);
    }

    /** Outcome of programming a whole matrix. */
    public record ProgramReport(int failedCells, long pulses, long cycles) {
    }

    /** Writes every weight {@code w[row][col]} (+1/-1) by WRITE_CELL. */
    public ProgramReport program(int[][] w) {
        long start = cycle;
        int failed = 0;
        long pulses = 0;
        for (int r = 0; r < config.rows(); r++) {
            for (int c = 0; c < config.cols(); c++) {
                Response rsp = writeCell(r, c, w[r][c]);
                failed += rsp.status() == Status.CELL_FAIL ? 1 : 0;
                pulses += rsp.data();
            }
        }
        return new ProgramReport(failed, pulses, cycle - start);
    }

    /** Result of one matrix-vector product. */
    public record Mvm(int[] dotProducts, int[] codes, boolean[] overflow, long cycles) {
    }

    /** LOAD_INPUT, COMPUTE and READ_RESULT of every column for an input vector of +1/-1. */
    public Mvm mvm(int[] in) {
        if (in.length != config.rows()) {
            throw new IllegalArgumentException("input of length " + in.length + " for " + config.rows() + " rows");
        }
        long start = cycle;
        for (int word = 0; word < InputRegister.words(config.rows()); word++) {
            long bits = 0;
            for (int i = 64 * word; i < Math.min(config.rows(), 64 * word + 64); i++) {
                if (in[i] > 0) {
                    bits |= 1L << (i - 64 * word);
                }
            }
            loadInput(word, bits);
        }
        compute();
        int[] dp = new int[config.cols()];
        int[] code = new int[config.cols()];
        boolean[] ovf = new boolean[config.cols()];
        for (int c = 0; c < config.cols(); c++) {
            Response r = readResult(c);
            dp[c] = r.dotProduct();
            code[c] = r.code();
            ovf[c] = r.status() == Status.OVERFLOW;
        }
        return new Mvm(dp, code, ovf, cycle - start);
    }
}
