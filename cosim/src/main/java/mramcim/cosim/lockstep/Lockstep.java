package mramcim.cosim.lockstep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.Port;
import mramcim.cosim.verilator.PortList;
import mramcim.cosim.verilator.RtlHaltedException;
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

/**
 * The Verilated RTL top and the Java cycle-accurate model side by side (SPEC section 7). Each side
 * has its own analog array, fabricated from the same configuration and seed; both get the same host
 * inputs every cycle, and after every edge every pin of {@link Signal} is compared.
 *
 * <p>Order within one cycle, on both sides alike: the analog array sees the periphery's pins of the
 * previous cycle and answers {@code cmp} and {@code rd_bit}; then the clock edge samples the host
 * pins and those answers.
 *
 * <p>The {@link Engine} says how the RTL side is run. {@link Engine#CYCLE}: one native call per
 * edge, the RTL's own analog array, {@link #compare()} after every edge. {@link Engine#BATCHED} and
 * {@link Engine#PIPELINED}: {@link #step} and {@link #reset} run the model side and record the edge;
 * every {@link #batchLength} edges (and at {@link #sync()}) the RTL runs the recorded edges ({@code BatchedChecker}) with the
 * model array's answers, comparing every output after every edge in C++; {@link #failure()} is the
 * first edge that differed or halted. Up to and including that edge both engines see the same
 * pins, so both report the same first failure (docs/architecture.md, "Batched lockstep").
 */
public final class Lockstep implements AutoCloseable {

    /** Commands kept for a divergence report. */
    public static final int HISTORY = 8;

    /*
     * Edges per native call, measured with `mramcim bench` on the 64x64 default (2 cores,
     * docs/architecture.md): the batched engine is fastest with batches that stay in the caches
     * beside the model (2,048 edges, 200 kB of frames and expected outputs); the pipelined one
     * needs long batches to make the hand-over to the RTL thread rare (8,192 edges, 800 kB each).
     * Both divide the progress step (CosimRun.CHECK_EVERY), so that a worker dying inside a batch
     * died within one step of its last progress report.
     */
    private static final int BATCHED_LENGTH = 2048;
    private static final int PIPELINED_LENGTH = 8192;

    /** Edges per native call of {@code engine} (1 for the cycle engine). */
    public static int batchLength(Engine engine) {
        return switch (engine) {
            case CYCLE -> 1;
            case BATCHED -> BATCHED_LENGTH;
            case PIPELINED -> PIPELINED_LENGTH;
        };
    }

    /**
     * The first edge at which a batched run found the RTL failing, with the counts of the run at
     * that edge: a divergence or the netlist halting (exactly one is non-null).
     *
     * @param cycle the edge, counted from 1 (resets included)
     * @param commands commands accepted up to and including it
     * @param resets reset edges up to and including it
     * @param lastCommands the last {@value #HISTORY} commands (and resets) up to it, oldest first
     */
    public record Failure(
            long cycle,
            long commands,
            long resets,
            Divergence divergence,
            RtlHaltedException halt,
            List<String> lastCommands) {}

    private final MacroConfig config;
    private final long seed;
    private final ModelSide model;
    private final VerilatedModel rtl;
    private final Engine engine;
    private final CommandLog log;
    private final HostPins lastHost = new HostPins();

    // the cycle engine: the RTL side's own analog array and the pins it sees
    private final AnalogFrontEnd rtlAnalog;
    private final AnalogPins rtlIn;
    private final DigitalPins rtlPins;

    // the batched engines: the model's edges recorded and checked on the RTL (null: cycle engine)
    private final BatchedChecker checker;
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
    private boolean lastEdgeReset;

    private Lockstep(
            MacroConfig config, long seed, NativeBuild build, java.util.Map<String, Long> pins, Engine requested) {
        this.config = config;
        this.seed = seed;
        this.rows = config.rows();
        this.cols = config.cols();
        this.model = ModelSide.of(config, seed);
        // the commands before any edge not yet checked: up to two batches behind, one entry an edge
        this.log = new CommandLog(HISTORY + 2 * batchLength(requested) + 2);
        this.rtl = openRtl(build, pins);
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
        // The batched argument needs both sides' pins equal before the first edge (the arrays'
        // first tick sees them, and no compare covers edge 0); a netlist that starts elsewhere
        // runs cycle by cycle from the start.
        this.engine = requested != Engine.CYCLE && initialPinsAgree() ? requested : Engine.CYCLE;
        this.rtlAnalog = engine == Engine.CYCLE ? AnalogFrontEnd.of(AnalogArray.fabricate(config, seed)) : null;
        this.checker = engine == Engine.CYCLE
                ? null
                : new BatchedChecker(engine, rtl, model, log, signalPorts, batchLength(engine), seed);
    }

    private boolean initialPinsAgree() {
        for (Signal s : Signal.values()) {
            if (!signalPorts[s.ordinal()].input()
                    && (s.vector() ? !Arrays.equals(model.words(s), rtlPins.inVec) : model.value(s) != rtlValue(s))) {
                return false;
            }
        }
        return true;
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
     * size) against the Java model, both with the array of {@code seed}, on the batched engine.
     */
    public static Lockstep open(MacroConfig config, long seed, NativeBuild build) {
        return open(config, seed, build, Engine.BATCHED);
    }

    /** As {@link #open(MacroConfig, long, NativeBuild)}, run by {@code engine}. */
    public static Lockstep open(MacroConfig config, long seed, NativeBuild build, Engine engine) {
        return new Lockstep(config, seed, build, java.util.Map.of(), engine);
    }

    /**
     * As {@link #open(MacroConfig, long, NativeBuild, Engine)}, with the netlist's extra inputs
     * {@code pins} held at their values from the first edge on.
     */
    public static Lockstep open(
            MacroConfig config, long seed, NativeBuild build, java.util.Map<String, Long> pins, Engine engine) {
        return new Lockstep(config, seed, build, pins, engine);
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

    /**
     * The engine that runs the RTL side: the one asked for, or {@link Engine#CYCLE} for a netlist
     * whose pins before the first edge differ from the model's.
     */
    public Engine engine() {
        return engine;
    }

    /** Clock edges applied so far (resets included); the batched engines' RTL may lag behind. */
    public long cycle() {
        return cycle;
    }

    /** Commands accepted so far. */
    public long commands() {
        return log.commandsUpTo(Long.MAX_VALUE);
    }

    /** Reset edges so far. */
    public long resets() {
        return log.resetsUpTo(Long.MAX_VALUE);
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
        return log.lastUpTo(Long.MAX_VALUE, HISTORY);
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
            log.command(cycle + 1, h.cmdOp, h.cmdAddr, h.cmdData);
        }
        lastHost.copyFrom(h);
        model.step(h);
        if (checker != null) {
            cycle++;
            checker.record(h, cycle);
            return;
        }
        rtlAnalog.tick(rtlPins, rtlIn);
        setHostPins(h);
        rtl.setWords(cmp, rtlIn.cmp);
        rtl.set(rdBit, rtlIn.rdBit ? 1 : 0);
        rtl.step();
        readRtlPins();
        cycle++;
    }

    private void setHostPins(HostPins h) {
        rtl.set(cmdValid, h.cmdValid ? 1 : 0);
        // The pins are OP_WIDTH and ADDR_WIDTH wide; the model decodes the same low bits.
        rtl.set(cmdOp, HostBus.op(h.cmdOp));
        rtl.set(cmdAddr, HostBus.addr(h.cmdAddr));
        rtl.set(cmdData, h.cmdData);
        rtl.set(rspReady, h.rspReady ? 1 : 0);
    }

    /** One clock edge with the synchronous reset asserted on both sides. */
    public void reset() {
        lastEdgeReset = true;
        log.reset(cycle + 1);
        model.reset();
        if (checker != null) {
            cycle++;
            checker.record(null, cycle);
            return;
        }
        rtlAnalog.tick(rtlPins, rtlIn);
        rtl.setWords(cmp, rtlIn.cmp);
        rtl.set(rdBit, rtlIn.rdBit ? 1 : 0);
        rtl.reset(1);
        readRtlPins();
        cycle++;
    }

    /**
     * Runs every recorded edge on the RTL (batched engines; nothing to do in the cycle engine) and
     * returns the first failure found, or null: after it, the RTL has run every edge the model ran.
     */
    public Failure sync() {
        return checker == null ? null : checker.sync(cycle);
    }

    /**
     * Edges the RTL has run and found equal to the model's: {@link #cycle()} in the cycle engine
     * (compared by the caller), the end of the last batch checked in the batched engines.
     */
    public long checked() {
        return checker == null ? cycle : checker.checked();
    }

    /** The first failure found by the batched engines so far (null while none, always null in the cycle engine). */
    public Failure failure() {
        return checker == null ? null : checker.failure();
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
        if (rtlAnalog != null) {
            rtlAnalog.array().injectComparatorOffset(col, volts);
        }
    }

    /** Sets an analog fault on both sides' arrays alike, from the next edge on. */
    public void setAnalogFault(mramcim.model.array.AnalogFault f) {
        if (model.analog().analogFault() != f) {
            model.analog().setAnalogFault(f);
            if (rtlAnalog != null) {
                rtlAnalog.setAnalogFault(f);
            }
        }
    }

    /**
     * The RTL's value of a signal of at most 64 bits (outputs, or the analog answers it was given)
     * after the last edge the RTL ran: in the batched engines that is the last edge checked.
     */
    public long rtlValue(Signal s) {
        return rtl.get(signalPorts[s.ordinal()]);
    }

    /**
     * The design's value of a signal of at most 64 bits after the last edge, as a host or a
     * coverage monitor sees it: the RTL's in the cycle engine; in the batched engines the model's,
     * which the RTL is checked against edge for edge (so equal up to the first failure).
     */
    public long observed(Signal s) {
        return engine == Engine.CYCLE ? rtlValue(s) : model.value(s);
    }

    /**
     * Both sides' values of a signal after the last edge, hexadecimal as a {@link Divergence}
     * gives them: {model, rtl}. The cycle engine only (the batched engines' RTL lags the model).
     */
    public String[] hexValues(Signal s) {
        requireCycleEngine();
        if (s.vector()) {
            int bits = s == Signal.IN_VEC ? rows : cols;
            return new String[] {hex(model.words(s), bits), hex(rtlWords(s), bits)};
        }
        return new String[] {Long.toHexString(model.value(s)), Long.toHexString(rtlValue(s))};
    }

    /** The RTL's value of a vector signal, without allocation. */
    private long[] rtlWords(Signal s) {
        return s == Signal.IN_VEC ? rtlPins.inVec : rtlIn.cmp;
    }

    /**
     * Compares every signal after the last edge; returns the first that differs, or null. The
     * cycle engine only: the batched engines compare in C++ ({@link #sync()}, {@link #failure()}).
     */
    public Divergence compare() {
        requireCycleEngine();
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
        requireCycleEngine();
        List<Divergence> out = new ArrayList<>(0);
        for (Signal s : Signal.values()) {
            if (out.size() < max && differs(s)) {
                out.add(divergence(s));
            }
        }
        return out;
    }

    private void requireCycleEngine() {
        if (engine != Engine.CYCLE) {
            throw new IllegalStateException(
                    "compare() is the cycle engine's; the " + engine + " engine reports through sync()");
        }
    }

    private boolean differs(Signal s) {
        return s.vector() ? !Arrays.equals(model.words(s), rtlWords(s)) : model.value(s) != rtlValue(s);
    }

    private Divergence divergence(Signal s) {
        String[] v = hexValues(s);
        return new Divergence(cycle, s, v[0], v[1], recentCommands());
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
        try {
            if (checker != null) {
                checker.close();
            }
        } finally {
            rtl.close();
        }
    }
}
