package mramcim.verification.waveform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.Signal;
import mramcim.cosim.wave.ModelVcdWriter;
import mramcim.model.periphery.Hierarchy;
import mramcim.model.periphery.HostPins;
import mramcim.spec.Op;

/**
 * Keeps the last {@code edges} edges of a cycle-engine lockstep: the host's pins, both sides' value
 * of every compared pin, and the model's sense-node voltages and tau of the first columns, for
 * {@link WaveformSvg}.
 */
public final class WindowCapture implements CycleListener {

    /** Columns whose sense-node voltage is plotted. */
    static final int SENSE_COLUMNS = 2;

    private final int edges;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private int rows;
    private int cols;

    private record Sample(
            long cycle,
            boolean reset,
            HostPins host,
            String[] model,
            String[] rtl,
            double[] vSense,
            double tauNs,
            String ctrl,
            String wvs,
            int amp,
            int count0) {}

    private final long from;

    /** Keeps the last {@code edges} edges. */
    public WindowCapture(int edges) {
        this(edges, 1);
    }

    /** Keeps the last {@code edges} edges from edge {@code from} on. */
    public WindowCapture(int edges, long from) {
        if (edges < 1) {
            throw new IllegalArgumentException("edges = " + edges + ": allowed 1 or more");
        }
        this.edges = edges;
        this.from = from;
    }

    @Override
    public void afterEdge(Lockstep ls, long cycle) {
        if (cycle < from) {
            return;
        }
        rows = ls.config().rows();
        cols = ls.config().cols();
        Signal[] signals = Signal.values();
        String[] m = new String[signals.length];
        String[] r = new String[signals.length];
        for (Signal s : signals) {
            String[] v = ls.hexValues(s);
            m[s.ordinal()] = v[0];
            r[s.ordinal()] = v[1];
        }
        HostPins h = new HostPins();
        h.copyFrom(ls.lastHost());
        double[] v = new double[Math.min(SENSE_COLUMNS, cols)];
        for (int c = 0; c < v.length; c++) {
            v[c] = ModelVcdWriter.senseVoltage(ls, c);
        }
        double tau = ls.modelSide().analog().tau()[0] * 1e9;
        var model = ls.model();
        samples.addLast(new Sample(
                cycle,
                ls.lastEdgeReset(),
                h,
                m,
                r,
                v,
                tau,
                model.ctrl().state().name(),
                model.wvs().state().name(),
                model.wvs().amp(),
                model.tdc().count(0)));
        if (samples.size() > edges) {
            samples.removeFirst();
        }
    }

    /** Waveforms need the RTL's values every edge: the cycle engine. */
    @Override
    public boolean needsLiveRtl() {
        return true;
    }

    /** Edges kept. */
    public int size() {
        return samples.size();
    }

    /**
     * The picture's rows; {@code failing} (may be null) is highlighted on both sides.
     *
     * @param title the line over it
     * @param failureCycle the failure's edge, or -1
     */
    public Waveform waveform(String title, Signal failing, long failureCycle) {
        List<Sample> s = new ArrayList<>(samples);
        int n = s.size();
        long[] cycles = s.stream().mapToLong(Sample::cycle).toArray();
        List<Waveform.Row> out = new ArrayList<>();
        out.add(bit("reset", s, x -> x.reset(), false));
        out.add(bit("cmd_valid", s, x -> x.host().cmdValid, false));
        out.add(bus("cmd_op", s, x -> opName(x.host().cmdOp), false));
        out.add(bus("cmd_addr", s, x -> Integer.toHexString(x.host().cmdAddr), false));
        out.add(bus("cmd_data", s, x -> Long.toHexString(x.host().cmdData), false));
        out.add(bit("rsp_ready", s, x -> x.host().rspReady, false));
        for (Signal sig : Signal.values()) {
            int k = sig.ordinal();
            boolean same = s.stream().allMatch(x -> x.model()[k].equals(x.rtl()[k]));
            boolean hi = sig == failing;
            boolean oneBit = width(sig.port()) == 1;
            if (same) {
                out.add(
                        oneBit
                                ? bit(sig.port(), s, x -> "1".equals(x.model()[k]), hi)
                                : bus(sig.port(), s, x -> x.model()[k], hi));
            } else {
                for (boolean model : new boolean[] {true, false}) {
                    String name = sig.port() + (model ? " (model)" : " (rtl)");
                    out.add(
                            oneBit
                                    ? bit(name, s, x -> "1".equals(model ? x.model()[k] : x.rtl()[k]), hi)
                                    : bus(name, s, x -> model ? x.model()[k] : x.rtl()[k], hi));
                }
            }
        }
        out.add(bus("ctrl.state (model)", s, Sample::ctrl, false));
        out.add(bus("wvs.state (model)", s, Sample::wvs, false));
        out.add(bus("wvs.amp (model)", s, x -> Integer.toString(x.amp()), false));
        out.add(bus("tdc.count[0] (model)", s, x -> Integer.toString(x.count0()), false));
        int senseCols = n == 0 ? 0 : s.get(0).vSense().length;
        for (int c = 0; c < senseCols; c++) {
            int col = c;
            out.add(new Waveform.Row(
                    "v_sense[" + c + "] (model)",
                    Waveform.Kind.REAL,
                    null,
                    s.stream().mapToDouble(x -> x.vSense()[col]).toArray(),
                    "V",
                    false));
        }
        out.add(new Waveform.Row(
                "tau[0] (model)",
                Waveform.Kind.REAL,
                null,
                s.stream().mapToDouble(Sample::tauNs).toArray(),
                "ns",
                false));
        return new Waveform(title, cycles, failureCycle, out);
    }

    private int width(String port) {
        return Hierarchy.ports(rows, cols).stream()
                .filter(p -> p.name().equals(port))
                .mapToInt(Hierarchy.PortDecl::width)
                .findFirst()
                .orElse(1);
    }

    private static String opName(int code) {
        Op op = Op.of(code);
        return op != null ? op.name() : "0x" + Integer.toHexString(code);
    }

    private static Waveform.Row bit(
            String name, List<Sample> s, java.util.function.Predicate<Sample> f, boolean highlight) {
        return new Waveform.Row(
                name,
                Waveform.Kind.BIT,
                s.stream().map(x -> f.test(x) ? "1" : "0").toArray(String[]::new),
                null,
                "",
                highlight);
    }

    private static Waveform.Row bus(
            String name, List<Sample> s, java.util.function.Function<Sample, String> f, boolean highlight) {
        return new Waveform.Row(name, Waveform.Kind.BUS, s.stream().map(f).toArray(String[]::new), null, "", highlight);
    }
}
