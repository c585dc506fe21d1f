package mramcim.cosim.lockstep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.Port;
import mramcim.cosim.verilator.PortList;
import mramcim.cosim.verilator.VerilatedModel;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.AnalogFrontEnd;
import mramcim.model.array.AnalogPins;
import mramcim.model.array.DigitalPins;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.Hierarchy;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.MramCimMacro;
import mramcim.model.periphery.Op;
import mramcim.model.periphery.RegisterMap;

/**
 * The Verilated RTL top and the Java cycle-accurate model side by side (SPEC section 7). Each side
 * has its own analog array, fabricated from the same configuration and seed; both get the same
 * host inputs every cycle, and after every edge every pin of {@link Signal} is compared.
 *
 * <p>Order within one cycle, on both sides alike: the analog array sees the periphery's pins of the
 * previous cycle and answers {@code cmp} and {@code rd_bit}; then the clock edge samples the host
 * pins and those answers.
 */
public final class Lockstep implements AutoCloseable {

    /** Commands kept for a divergence report. */
    public static final int HISTORY = 8;

    private final MacroConfig config;
    private final long seed;
    private final MramCimMacro model;
    private final AnalogFrontEnd modelAnalog;
    private final AnalogPins modelIn;
    private final VerilatedModel rtl;
    private final AnalogFrontEnd rtlAnalog;
    private final AnalogPins rtlIn;
    private final DigitalPins rtlPins;
    private final Deque<String> history = new ArrayDeque<>();
    private final HostPins lastHost = new HostPins();
    private final int cols;
    private final int rows;
    private final Port cmdValid;
    private final Port cmdReady;
    private final Port cmdOp;
    private final Port cmdAddr;
    private final Port cmdData;
    private final Port rspValid;
    private final Port rspReady;
    private final Port rspStatus;
    private final Port rspData;
    private final Port inVec;
    private final Port drvEn;
    private final Port accEn;
    private final Port accRow;
    private final Port accCol;
    private final Port accBranch;
    private final Port wrEn;
    private final Port wrDir;
    private final Port wrAmp;
    private final Port rdEn;
    private final Port cmp;
    private final Port rdBit;
    private long cycle;
    private long commands;

    private Lockstep(MacroConfig config, long seed, NativeBuild build) {
        this.config = config;
        this.seed = seed;
        this.rows = config.rows();
        this.cols = config.cols();
        this.model = new MramCimMacro(rows, cols);
        this.modelAnalog = AnalogFrontEnd.of(AnalogArray.fabricate(config, seed));
        this.modelIn = new AnalogPins(cols);
        this.rtl = VerilatedModel.open(build);
        this.rtlAnalog = AnalogFrontEnd.of(AnalogArray.fabricate(config, seed));
        this.rtlIn = new AnalogPins(cols);
        this.rtlPins = new DigitalPins(rows);
        PortList p = build.ports();
        cmdValid = p.port("cmd_valid");
        cmdReady = p.port("cmd_ready");
        cmdOp = p.port("cmd_op");
        cmdAddr = p.port("cmd_addr");
        cmdData = p.port("cmd_data");
        rspValid = p.port("rsp_valid");
        rspReady = p.port("rsp_ready");
        rspStatus = p.port("rsp_status");
        rspData = p.port("rsp_data");
        inVec = p.port("in_vec");
        drvEn = p.port("drv_en");
        accEn = p.port("acc_en");
        accRow = p.port("acc_row");
        accCol = p.port("acc_col");
        accBranch = p.port("acc_branch");
        wrEn = p.port("wr_en");
        wrDir = p.port("wr_dir");
        wrAmp = p.port("wr_amp");
        rdEn = p.port("rd_en");
        cmp = p.port("cmp");
        rdBit = p.port("rd_bit");
        if (inVec.width() != rows || cmp.width() != cols) {
            throw new IllegalArgumentException("the RTL " + build.describe() + " has " + inVec.width() + " rows and "
                    + cmp.width() + " columns but the configuration has " + rows + "x" + cols);
        }
        // Both sides start from reset.
        rtl.set(rspReady, 0);
        rtl.reset(1);
        readRtlPins();
    }

    /**
     * Opens a lockstep of the RTL library {@code build} (a MramCimMacro of the configuration's
     * size) against the Java model, both with the array of {@code seed}.
     */
    public static Lockstep open(MacroConfig config, long seed, NativeBuild build) {
        return new Lockstep(config, seed, build);
    }

    public MacroConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    /** Clock edges applied so far (resets included). */
    public long cycle() {
        return cycle;
    }

    /** Commands accepted so far. */
    public long commands() {
        return commands;
    }

    /** The Java model (its outputs are the reference the host reacts to). */
    public MramCimMacro model() {
        return model;
    }

    public AnalogFrontEnd modelAnalog() {
        return modelAnalog;
    }

    public AnalogPins modelAnalogPins() {
        return modelIn;
    }

    public VerilatedModel rtl() {
        return rtl;
    }

    /** The host pins of the last edge (for waveforms). Do not modify. */
    public HostPins lastHost() {
        return lastHost;
    }

    /** One clock edge on both sides with the host pins {@code h}. */
    public void step(HostPins h) {
        if (h.cmdValid && model.cmdReady()) {
            record(h);
        }
        lastHost.copyFrom(h);
        modelAnalog.tick(model.pins(), modelIn);
        model.step(h, modelIn);

        rtlAnalog.tick(rtlPins, rtlIn);
        rtl.set(cmdValid, h.cmdValid ? 1 : 0);
        // The pins are OP_BITS and ADDR_BITS wide; the model decodes the same low bits.
        rtl.set(cmdOp, h.cmdOp & ((1 << Hierarchy.OP_BITS) - 1));
        rtl.set(cmdAddr, h.cmdAddr & ((1 << Hierarchy.ADDR_BITS) - 1));
        rtl.set(cmdData, h.cmdData);
        rtl.set(rspReady, h.rspReady ? 1 : 0);
        rtl.setWords(cmp, rtlIn.cmp);
        rtl.set(rdBit, rtlIn.rdBit ? 1 : 0);
        rtl.step();
        readRtlPins();
        cycle++;
    }

    /** One clock edge with the synchronous reset asserted on both sides. */
    public void reset() {
        history.addLast("@" + cycle + " RESET");
        trimHistory();
        modelAnalog.tick(model.pins(), modelIn);
        model.reset();
        rtlAnalog.tick(rtlPins, rtlIn);
        rtl.setWords(cmp, rtlIn.cmp);
        rtl.set(rdBit, rtlIn.rdBit ? 1 : 0);
        rtl.reset(1);
        readRtlPins();
        cycle++;
    }

    private void record(HostPins h) {
        commands++;
        Op op = Op.of(h.cmdOp);
        String name = op == null ? "op" + h.cmdOp : op.name();
        String addr = op == Op.WRITE_REG || op == Op.READ_REG ? RegisterMap.name(h.cmdAddr & 0xFFFF)
                : "0x" + Integer.toHexString(h.cmdAddr & 0xFFFF);
        history.addLast("@" + cycle + " " + name + " addr=" + addr + " data=0x" + Long.toHexString(h.cmdData));
        trimHistory();
    }

    private void trimHistory() {
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    private void readRtlPins() {
        long[] v = rtl.getWords(inVec);
        System.arraycopy(v, 0, rtlPins.inVec, 0, rtlPins.inVec.length);
        rtlPins.drvEn = rtl.get(drvEn) != 0;
        rtlPins.accEn = rtl.get(accEn) != 0;
        rtlPins.accRow = (int) rtl.get(accRow);
        rtlPins.accCol = (int) rtl.get(accCol);
        rtlPins.accBranch = (int) rtl.get(accBranch);
        rtlPins.wrEn = rtl.get(wrEn) != 0;
        rtlPins.wrDir = rtl.get(wrDir) != 0;
        rtlPins.wrAmp = (int) rtl.get(wrAmp);
        rtlPins.rdEn = rtl.get(rdEn) != 0;
    }

    /** Compares every signal after the last edge; returns the first that differs, or null. */
    public Divergence compare() {
        List<Divergence> all = compareAll(1);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Compares every signal; returns up to {@code max} divergences of this cycle in {@link Signal} order. */
    public List<Divergence> compareAll(int max) {
        List<Divergence> out = new ArrayList<>(0);
        DigitalPins m = model.pins();
        for (Signal s : Signal.values()) {
            if (out.size() >= max) {
                break;
            }
            long mv;
            long rv;
            switch (s) {
                case CMD_READY -> { mv = b(model.cmdReady()); rv = rtl.get(cmdReady); }
                case RSP_VALID -> { mv = b(model.rspValid()); rv = rtl.get(rspValid); }
                case RSP_STATUS -> { mv = model.rspStatus(); rv = rtl.get(rspStatus); }
                case RSP_DATA -> { mv = model.rspData() & 0xFFFFFFFFL; rv = rtl.get(rspData); }
                case IN_VEC -> {
                    if (!java.util.Arrays.equals(m.inVec, rtlPins.inVec)) {
                        out.add(divergence(s, hex(m.inVec, rows), hex(rtlPins.inVec, rows)));
                    }
                    continue;
                }
                case DRV_EN -> { mv = b(m.drvEn); rv = b(rtlPins.drvEn); }
                case ACC_EN -> { mv = b(m.accEn); rv = b(rtlPins.accEn); }
                case ACC_ROW -> { mv = m.accRow; rv = rtlPins.accRow; }
                case ACC_COL -> { mv = m.accCol; rv = rtlPins.accCol; }
                case ACC_BRANCH -> { mv = m.accBranch; rv = rtlPins.accBranch; }
                case WR_EN -> { mv = b(m.wrEn); rv = b(rtlPins.wrEn); }
                case WR_DIR -> { mv = b(m.wrDir); rv = b(rtlPins.wrDir); }
                case WR_AMP -> { mv = m.wrAmp; rv = rtlPins.wrAmp; }
                case RD_EN -> { mv = b(m.rdEn); rv = b(rtlPins.rdEn); }
                case CMP -> {
                    if (!java.util.Arrays.equals(modelIn.cmp, rtlIn.cmp)) {
                        out.add(divergence(s, hex(modelIn.cmp, cols), hex(rtlIn.cmp, cols)));
                    }
                    continue;
                }
                case RD_BIT -> { mv = b(modelIn.rdBit); rv = b(rtlIn.rdBit); }
                default -> throw new IllegalStateException(s.toString());
            }
            if (mv != rv) {
                out.add(divergence(s, Long.toHexString(mv), Long.toHexString(rv)));
            }
        }
        return out;
    }

    private Divergence divergence(Signal s, String mv, String rv) {
        return new Divergence(cycle, s, mv, rv, List.copyOf(history));
    }

    private static long b(boolean x) {
        return x ? 1 : 0;
    }

    /** Hexadecimal of a little-endian bit vector of {@code bits} bits, most significant digit first. */
    static String hex(long[] words, int bits) {
        StringBuilder sb = new StringBuilder();
        for (int w = words.length - 1; w >= 0; w--) {
            int digits = w == words.length - 1 ? (bits - 64 * w + 3) / 4 : 16;
            String h = Long.toHexString(words[w]);
            sb.append("0".repeat(Math.max(0, digits - h.length()))).append(h);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        rtl.close();
    }
}
