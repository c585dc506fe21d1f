package mramcim.cosim.wave;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.Signal;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.AnalogFrontEnd;
import mramcim.model.array.DigitalPins;
import mramcim.model.periphery.Controller;
import mramcim.model.periphery.Hierarchy;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.TdcBank;
import mramcim.model.periphery.WriteVerifySequencer;
import mramcim.spec.Sizes;
import mramcim.spec.WriteVerify;

/**
 * VCD of the Java model's side of a lockstep, with the RTL's hierarchical names: the top's ports
 * under {@code TOP.MramCimMacro} as Verilator writes them, the blocks' state under the same
 * instance names ({@code ctrl}, {@code wvs}, {@code tdc}), and the analog quantities as real
 * signals under {@code analog}: per-column tau (ns) and sense-node voltage (V), and the two MTJ
 * resistances (ohm) of the selected cell. Time is in ps, one clock period per edge, as in the
 * Verilator trace, so both files line up in a viewer.
 */
public final class ModelVcdWriter implements AutoCloseable {

    private final BufferedWriter out;
    private final List<Var> vars = new ArrayList<>();
    private final long periodPs;
    private final double vDrv;
    private final double vRef;
    private final double tClk;
    private final int rows;
    private final int cols;
    private String[] last;

    /** One VCD variable: its id, width (0 = real) and how to read it. */
    private record Var(
            String id, String scope, String name, int width, java.util.function.Function<Lockstep, String> value) {}

    /**
     * Opens {@code file} for a lockstep of {@code ls}'s configuration.
     *
     * @param periodPs clock period in the trace, ps (the Verilator trace uses the same)
     */
    public ModelVcdWriter(Path file, Lockstep ls, long periodPs) {
        this.periodPs = periodPs;
        this.rows = ls.config().rows();
        this.cols = ls.config().cols();
        this.vDrv = ls.config().column().vDrv();
        this.vRef = ls.config().column().vRef();
        this.tClk = ls.config().timing().tClk();
        define();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
            header();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void add(String scope, String name, int width, java.util.function.Function<Lockstep, String> v) {
        vars.add(new Var(id(vars.size()), scope, name, width, v));
    }

    private static String id(int n) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('!' + n % 94));
            n /= 94;
        } while (n > 0);
        return sb.toString();
    }

    private void define() {
        String top = Hierarchy.TOP;
        for (Hierarchy.PortDecl p : Hierarchy.ports(rows, cols)) {
            add(top, p.name(), p.width(), ls -> bits(port(ls, p.name()), p.width()));
        }
        // Widths as the RTL derives them: enum states in ceil(log2 n) bits, counters in CODE_WIDTH.
        int ctrlBits = Sizes.indexBits(Controller.State.values().length);
        int wvsBits = Sizes.indexBits(WriteVerifySequencer.State.values().length);
        int code = TdcBank.CODE_WIDTH;
        int amp = WriteVerify.AMP_WIDTH;
        add(
                top + ".ctrl",
                "state",
                ctrlBits,
                ls -> bits(new long[] {ls.model().ctrl().state().ordinal()}, ctrlBits));
        add(
                top + ".ctrl",
                "frameCnt",
                code,
                ls -> bits(new long[] {ls.model().ctrl().frameCnt()}, code));
        add(
                top + ".wvs",
                "state",
                wvsBits,
                ls -> bits(new long[] {ls.model().wvs().state().ordinal()}, wvsBits));
        add(top + ".wvs", "amp", amp, ls -> bits(new long[] {ls.model().wvs().amp()}, amp));
        add(top + ".wvs", "tries", amp, ls -> bits(new long[] {ls.model().wvs().tries()}, amp));
        for (int j = 0; j < cols; j++) {
            int col = j;
            add(
                    top + ".tdc",
                    "count_" + j,
                    code,
                    ls -> bits(new long[] {ls.model().tdc().count(col)}, code));
        }
        for (int j = 0; j < cols; j++) {
            int col = j;
            add(
                    top + ".analog",
                    "tau_ns_" + j,
                    0,
                    ls -> real(ls.modelSide().analog().tau()[col] * 1e9));
            add(
                    top + ".analog",
                    "v_sense_" + j,
                    0,
                    ls -> real(vSense(ls.modelSide().analog(), col)));
        }
        add(top + ".analog", "r_mtj_a_ohm", 0, ls -> real(selectedResistance(ls, 0)));
        add(top + ".analog", "r_mtj_b_ohm", 0, ls -> real(selectedResistance(ls, 1)));
    }

    /**
     * Sense-node voltage of a charging column in the lumped picture of SPEC section 3: the node
     * crosses V_ref at tau, so V(t) = V_drv * (1 - exp(-t/RC)) with RC = tau / ln(V_drv / (V_drv -
     * V_ref)).
     */
    private double vSense(AnalogFrontEnd a, int col) {
        return senseVoltage(a, col, vDrv, vRef, tClk);
    }

    /**
     * The model's sense-node voltage of column {@code col} now, V (the lumped picture above), for
     * the waveform pictures of a divergence as for this VCD.
     */
    public static double senseVoltage(Lockstep ls, int col) {
        return senseVoltage(
                ls.modelSide().analog(),
                col,
                ls.config().column().vDrv(),
                ls.config().column().vRef(),
                ls.config().timing().tClk());
    }

    private static double senseVoltage(AnalogFrontEnd a, int col, double vDrv, double vRef, double tClk) {
        double tau = a.tau()[col];
        if (a.elapsed() == 0 || !(tau > 0)) {
            return 0;
        }
        double rc = tau / Math.log(vDrv / (vDrv - vRef));
        return vDrv * (1 - Math.exp(-a.elapsed() * tClk / rc));
    }

    private static double selectedResistance(Lockstep ls, int branch) {
        DigitalPins d = ls.model().pins();
        AnalogArray a = ls.modelSide().analog().array();
        if (!d.accEn || d.accRow >= a.rows() || d.accCol >= a.cols()) {
            return 0;
        }
        return a.cell(d.accRow, d.accCol).mtj(branch).resistance(0);
    }

    /**
     * The model's value of top port {@code name}: a compared signal, or a host input (same on both
     * sides).
     */
    private static long[] port(Lockstep ls, String name) {
        Signal s = Signal.byPort(name);
        if (s != null) {
            return ls.modelSide().words(s);
        }
        HostPins h = ls.lastHost();
        return switch (name) {
            case "cmd_valid" -> new long[] {h.cmdValid ? 1 : 0};
            case "cmd_op" -> new long[] {h.cmdOp};
            case "cmd_addr" -> new long[] {h.cmdAddr};
            case "cmd_data" -> new long[] {h.cmdData};
            case "rsp_ready" -> new long[] {h.rspReady ? 1 : 0};
            default -> throw new IllegalArgumentException("no model value for port " + name);
        };
    }

    private static String bits(long[] words, int width) {
        StringBuilder sb = new StringBuilder(width);
        for (int i = width - 1; i >= 0; i--) {
            int w = i >>> 6;
            sb.append(w < words.length && ((words[w] >>> (i & 63)) & 1) == 1 ? '1' : '0');
        }
        return sb.toString();
    }

    private static String real(double v) {
        return Double.toString(v);
    }

    private void header() throws IOException {
        out.write("$date mramcim Java model $end\n$version mramcim ModelVcdWriter $end\n$timescale 1ps $end\n");
        out.write("$scope module TOP $end\n");
        List<String> open = List.of();
        for (Var v : vars) {
            List<String> want = List.of(v.scope().split("\\."));
            if (!want.equals(open)) {
                // Close down to the common prefix, open the rest: MramCimMacro stays open once.
                int common = 0;
                while (common < open.size()
                        && common < want.size()
                        && open.get(common).equals(want.get(common))) {
                    common++;
                }
                for (int i = open.size(); i > common; i--) {
                    out.write("$upscope $end\n");
                }
                for (String sc : want.subList(common, want.size())) {
                    out.write("$scope module " + sc + " $end\n");
                }
                open = want;
            }
            if (v.width() == 0) {
                out.write("$var real 64 " + v.id() + " " + v.name() + " $end\n");
            } else {
                out.write("$var wire "
                        + v.width()
                        + " "
                        + v.id()
                        + " "
                        + v.name()
                        + (v.width() > 1 ? " [" + (v.width() - 1) + ":0]" : "")
                        + " $end\n");
            }
        }
        for (int i = 0; i < open.size(); i++) {
            out.write("$upscope $end\n");
        }
        out.write("$upscope $end\n$enddefinitions $end\n");
        last = new String[vars.size()];
    }

    /** Writes the values after clock edge {@code cycle} (counted from 1) where they changed. */
    public void sample(Lockstep ls, long cycle) {
        try {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < vars.size(); i++) {
                Var v = vars.get(i);
                String val = v.value().apply(ls);
                if (!val.equals(last[i])) {
                    last[i] = val;
                    if (v.width() == 0) {
                        sb.append('r').append(val).append(' ').append(v.id()).append('\n');
                    } else if (v.width() == 1) {
                        sb.append(val).append(v.id()).append('\n');
                    } else {
                        sb.append('b').append(val).append(' ').append(v.id()).append('\n');
                    }
                }
            }
            if (sb.length() > 0) {
                // Verilator dumps edge k at k * period - period / 2 (a low half, then the rising
                // edge).
                out.write("#" + (cycle * periodPs - periodPs / 2) + "\n");
                out.write(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
