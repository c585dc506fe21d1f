package mramcim.cosim.lockstep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
import mramcim.spec.HostBus;
import mramcim.spec.Op;
import mramcim.spec.Register;

/**
 * The Verilated RTL top and the Java cycle-accurate model side by side (SPEC section 7). Each side
 * has its own analog array, fabricated from the same configuration and seed; both get the same host
 * inputs every cycle, and after every edge every pin of {@link Signal} is compared.
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
    private final ModelSide model;
    private final VerilatedModel rtl;
    private final AnalogFrontEnd rtlAnalog;
    private final AnalogPins rtlIn;
    private final DigitalPins rtlPins;
    private final Deque<String> history = new ArrayDeque<>();
    private final HostPins lastHost = new HostPins();
    private final int cols;
    private final int rows;

    /** The RTL port of each {@link Signal}, by ordinal. */
    private final Port[] signalPorts;

    private final Port cmdValid;
    private final Port cmdOp;
    private final Port cmdAddr;
    private final Port cmdData;
    private final Port rspReady;
    private final Port inVec;
    private final Port cmp;
    private final Port rdBit;
    private long cycle;
    private long commands;
    private boolean lastEdgeReset;

    private Lockstep(MacroConfig config, long seed, NativeBuild build, java.util.Map<String, Long> pins) {
        this.config = config;
        this.seed = seed;
        this.rows = config.rows();
        this.cols = config.cols();
        this.model = ModelSide.of(config, seed);
        this.rtl = openRtl(build, pins);
        this.rtlAnalog = AnalogFrontEnd.of(AnalogArray.fabricate(config, seed));
        this.rtlIn = new AnalogPins(cols);
        this.rtlPins = new DigitalPins(rows);
        PortList p = build.ports();
        signalPorts = new Port[Signal.values().length];
        for (Signal s : Signal.values()) {
            signalPorts[s.ordinal()] = p.port(s.port());
        }
        cmdValid = p.port("cmd_valid");
        cmdOp = p.port("cmd_op");
        cmdAddr = p.port("cmd_addr");
        cmdData = p.port("cmd_data");
        rspReady = p.port("rsp_ready");
        inVec = p.port(Signal.IN_VEC.port());
        cmp = p.port(Signal.CMP.port());
        rdBit = p.port(Signal.RD_BIT.port());
        if (inVec.width() != rows || cmp.width() != cols) {
            rtl.close();
            throw new IllegalArgumentException("the RTL "
                    + build.describe()
                    + " has "
                    + inVec.width()
                    + " rows and "
                    + cmp.width()
                    + " columns but the configuration has "
                    + rows
                    + "x"
                    + cols);
        }
        readRtlPins();
    }

    /**
     * Checks that a netlist's top has the ports of the configuration's MramCimMacro (SPEC 4 and 5):
     * clock and reset, every port of {@link Hierarchy#ports} with its direction and width, and no
     * further input (an extra output is allowed: it is not compared).
     *
     * @throws IllegalArgumentException naming the first port that differs, the expected and the
     *     found declaration
     */
    public static void checkInterface(MacroConfig config, PortList ports) {
        checkInterface(config, ports, java.util.Set.of());
    }

    /**
     * As {@link #checkInterface(MacroConfig, PortList)}, allowing the extra inputs {@code extra}
     * (held at fixed values by the run, as a mutation campaign's {@code mutsel}).
     */
    public static void checkInterface(MacroConfig config, PortList ports, java.util.Set<String> extra) {
        String size = config.rows() + "x" + config.cols();
        for (String w : PortList.WRAPPER_PORTS) {
            if (!ports.wrapperPorts().contains(w)) {
                throw new IllegalArgumentException(
                        "the netlist's " + ports.top() + " has no port '" + w + "': expected input " + w + " (1 bit)");
            }
        }
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (Hierarchy.PortDecl d : Hierarchy.ports(config.rows(), config.cols())) {
            expected.add(d.name());
            String want = (d.input() ? "input " : "output ") + d.name() + " (" + bits(d.width()) + ")";
            Port found = ports.declared().stream()
                    .filter(p -> p.name().equals(d.name()))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                throw new IllegalArgumentException("the netlist's "
                        + ports.top()
                        + " has no port '"
                        + d.name()
                        + "': the "
                        + size
                        + " macro has "
                        + want);
            }
            if (found.input() != d.input() || found.width() != d.width()) {
                throw new IllegalArgumentException("port '"
                        + d.name()
                        + "' of the netlist's "
                        + ports.top()
                        + " is "
                        + (found.input() ? "input " : "output ")
                        + d.name()
                        + " ("
                        + bits(found.width())
                        + "): the "
                        + size
                        + " macro has "
                        + want);
            }
        }
        for (String e : extra) {
            Port p = ports.declared().stream()
                    .filter(q -> q.name().equals(e))
                    .findFirst()
                    .orElse(null);
            if (p == null || !p.input()) {
                throw new IllegalArgumentException(
                        "the netlist's " + ports.top() + " has no input '" + e + "' to hold");
            }
        }
        for (Port p : ports.inputs()) {
            if (!expected.contains(p.name()) && !extra.contains(p.name())) {
                throw new IllegalArgumentException("the netlist's "
                        + ports.top()
                        + " has an extra input '"
                        + p.name()
                        + "' ("
                        + bits(p.width())
                        + ") that the "
                        + size
                        + " macro does not have: nothing would drive it");
            }
        }
    }

    private static String bits(int n) {
        return n == 1 ? "1 bit" : n + " bits";
    }

    /**
     * Opens a lockstep of the RTL library {@code build} (a MramCimMacro of the configuration's
     * size) against the Java model, both with the array of {@code seed}.
     */
    public static Lockstep open(MacroConfig config, long seed, NativeBuild build) {
        return new Lockstep(config, seed, build, java.util.Map.of());
    }

    /**
     * As {@link #open(MacroConfig, long, NativeBuild)}, with the netlist's extra inputs {@code
     * pins} held at their values from the first edge on.
     */
    public static Lockstep open(MacroConfig config, long seed, NativeBuild build, java.util.Map<String, Long> pins) {
        return new Lockstep(config, seed, build, pins);
    }

    /**
     * Opens the RTL alone, started exactly as a lockstep starts it (one reset edge with the
     * response not yet accepted), so that a recorded stimulus replays on it cycle for cycle.
     */
    public static VerilatedModel openRtl(NativeBuild build) {
        return openRtl(build, java.util.Map.of());
    }

    private static VerilatedModel openRtl(NativeBuild build, java.util.Map<String, Long> pins) {
        VerilatedModel rtl = VerilatedModel.open(build);
        rtl.set(build.ports().port("rsp_ready"), 0);
        pins.forEach((name, value) -> rtl.set(build.ports().port(name), value));
        rtl.reset(1);
        return rtl;
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

    /** The Java side (its outputs are the reference the host reacts to). */
    public ModelSide modelSide() {
        return model;
    }

    /** The Java periphery model. */
    public MramCimMacro model() {
        return model.macro();
    }

    public VerilatedModel rtl() {
        return rtl;
    }

    /** The last {@value #HISTORY} commands accepted (and resets), oldest first. */
    public List<String> recentCommands() {
        return List.copyOf(history);
    }

    /** The host pins of the last edge (for waveforms). Do not modify. */
    public HostPins lastHost() {
        return lastHost;
    }

    /** True if the last edge was a {@link #reset()} rather than a {@link #step}. */
    public boolean lastEdgeReset() {
        return lastEdgeReset;
    }

    /** One clock edge on both sides with the host pins {@code h}. */
    public void step(HostPins h) {
        lastEdgeReset = false;
        if (h.cmdValid && model.macro().cmdReady()) {
            record(h);
        }
        lastHost.copyFrom(h);
        model.step(h);

        rtlAnalog.tick(rtlPins, rtlIn);
        rtl.set(cmdValid, h.cmdValid ? 1 : 0);
        // The pins are OP_WIDTH and ADDR_WIDTH wide; the model decodes the same low bits.
        rtl.set(cmdOp, HostBus.op(h.cmdOp));
        rtl.set(cmdAddr, HostBus.addr(h.cmdAddr));
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
        lastEdgeReset = true;
        history.addLast("@" + cycle + " RESET");
        trimHistory();
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
        String addr = op == Op.WRITE_REG || op == Op.READ_REG
                ? Register.name(HostBus.addr(h.cmdAddr))
                : "0x" + Integer.toHexString(HostBus.addr(h.cmdAddr));
        history.addLast("@" + cycle + " " + name + " addr=" + addr + " data=0x" + Long.toHexString(h.cmdData));
        trimHistory();
    }

    private void trimHistory() {
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    /** The RTL's analog-boundary outputs, which its own analog array reads in the next cycle. */
    private void readRtlPins() {
        rtl.getWords(inVec, rtlPins.inVec);
        rtlPins.drvEn = rtlValue(Signal.DRV_EN) != 0;
        rtlPins.accEn = rtlValue(Signal.ACC_EN) != 0;
        rtlPins.accRow = (int) rtlValue(Signal.ACC_ROW);
        rtlPins.accCol = (int) rtlValue(Signal.ACC_COL);
        rtlPins.accBranch = (int) rtlValue(Signal.ACC_BRANCH);
        rtlPins.wrEn = rtlValue(Signal.WR_EN) != 0;
        rtlPins.wrDir = rtlValue(Signal.WR_DIR) != 0;
        rtlPins.wrAmp = (int) rtlValue(Signal.WR_AMP);
        rtlPins.rdEn = rtlValue(Signal.RD_EN) != 0;
    }

    /**
     * Adds {@code volts} to the comparator offset of column {@code col} in both sides' arrays, so
     * that a known fault is seen alike by the RTL and the model.
     */
    public void injectComparatorOffset(int col, double volts) {
        model.analog().array().injectComparatorOffset(col, volts);
        rtlAnalog.array().injectComparatorOffset(col, volts);
    }

    /** Sets an analog fault on both sides' arrays alike, from the next edge on. */
    public void setAnalogFault(mramcim.model.array.AnalogFault f) {
        if (model.analog().analogFault() != f) {
            model.analog().setAnalogFault(f);
            rtlAnalog.setAnalogFault(f);
        }
    }

    /**
     * The RTL's value of a signal of at most 64 bits (outputs, or the analog answers it was given).
     */
    public long rtlValue(Signal s) {
        return rtl.get(signalPorts[s.ordinal()]);
    }

    /** The RTL's value of a vector signal, without allocation. */
    private long[] rtlWords(Signal s) {
        return s == Signal.IN_VEC ? rtlPins.inVec : rtlIn.cmp;
    }

    /** Compares every signal after the last edge; returns the first that differs, or null. */
    public Divergence compare() {
        for (Signal s : Signal.values()) {
            if (differs(s)) {
                return divergence(s);
            }
        }
        return null;
    }

    /**
     * Compares every signal; returns up to {@code max} divergences of this cycle in {@link Signal}
     * order.
     */
    public List<Divergence> compareAll(int max) {
        List<Divergence> out = new ArrayList<>(0);
        for (Signal s : Signal.values()) {
            if (out.size() < max && differs(s)) {
                out.add(divergence(s));
            }
        }
        return out;
    }

    private boolean differs(Signal s) {
        return s.vector() ? !Arrays.equals(model.words(s), rtlWords(s)) : model.value(s) != rtlValue(s);
    }

    private Divergence divergence(Signal s) {
        String mv;
        String rv;
        if (s.vector()) {
            int bits = s == Signal.IN_VEC ? rows : cols;
            mv = hex(model.words(s), bits);
            rv = hex(rtlWords(s), bits);
        } else {
            mv = Long.toHexString(model.value(s));
            rv = Long.toHexString(rtlValue(s));
        }
        return new Divergence(cycle, s, mv, rv, List.copyOf(history));
    }

    /**
     * Hexadecimal of a little-endian bit vector of {@code bits} bits, most significant digit first.
     */
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
