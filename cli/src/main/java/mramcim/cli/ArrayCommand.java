package mramcim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Conversion;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.Check;
import mramcim.model.config.MacroConfig;
import mramcim.model.io.BinaryCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mramcim array}: programs weights into a fabricated die (ideal programming, no write
 * physics) and converts input vectors, reporting per column resistance, tau, TDC code and the exact
 * dot product.
 */
@Command(
        name = "array",
        mixinStandardHelpOptions = true,
        description = "Convert input vectors on a fabricated analog array: per column R, tau, code, exact DP.")
public final class ArrayCommand implements Callable<Integer> {

    /** How the delay is computed. */
    enum SolverChoice {
        exact,
        fast,
        both
    }

    @Mixin
    ConfigOptions options;

    @Option(names = "--weights", required = true, description = "CSV of ROWS lines x COLS values, +1/-1")
    Path weights;

    @Option(names = "--inputs", required = true, description = "CSV, one input vector of ROWS values (+1/-1) per line")
    Path inputs;

    @Option(
            names = "--solver",
            defaultValue = "fast",
            description = "exact, fast (default) or both (reports their difference)")
    SolverChoice solver;

    @Option(names = "--seed", defaultValue = "1", description = "fabrication and noise seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "JSON output (the default is a table)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MacroConfig cfg = options.resolve();
        int[][] w = BinaryCsv.read(weights, cfg.rows(), cfg.cols());
        int[][] in = BinaryCsv.read(inputs, -1, cfg.rows());
        AnalogArray array = AnalogArray.fabricate(cfg, seed);
        array.program(w);
        Readout primary = Readout.of(array, solver == SolverChoice.exact ? Solver.EXACT : Solver.FAST);
        Readout second = solver == SolverChoice.both ? Readout.of(array, Solver.EXACT) : null;
        List<Map<String, Object>> conversions = new ArrayList<>();
        double worst = 0;
        for (int k = 0; k < in.length; k++) {
            long[] bits = BinaryCsv.toBits(in[k]);
            Conversion conv = primary.convert(bits, k);
            Conversion exact = second != null ? second.convert(bits, k) : null;
            List<Map<String, Object>> cols = new ArrayList<>();
            for (int c = 0; c < cfg.cols(); c++) {
                int dp = 0;
                for (int i = 0; i < cfg.rows(); i++) {
                    dp += in[k][i] * w[i][c];
                }
                Map<String, Object> col = new LinkedHashMap<>();
                col.put("column", c);
                col.put(
                        "resistanceOhm",
                        array.cellChainResistance(c, bits)
                                + cfg.rows() * cfg.column().rSeg());
                Check.finite("tau of column " + c + " for vector " + k, conv.tau()[c]);
                col.put("tauSeconds", conv.tau()[c]);
                col.put("code", conv.code()[c]);
                col.put("overflow", conv.overflow()[c]);
                col.put("exactDotProduct", dp);
                if (exact != null) {
                    col.put("tauExactSeconds", exact.tau()[c]);
                    col.put("codeExact", exact.code()[c]);
                    worst = Math.max(worst, Math.abs(conv.tau()[c] - exact.tau()[c]) / exact.tau()[c]);
                }
                cols.add(col);
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("vector", k);
            one.put("columns", cols);
            conversions.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("preset", options.name());
        out.put("seed", seed);
        out.put("rows", cfg.rows());
        out.put("cols", cfg.cols());
        out.put("solver", solver.name());
        out.put("tClkSeconds", cfg.timing().tClk());
        out.put("frameCycles", cfg.timing().frameCycles());
        if (second != null) {
            out.put("fastVsExactMaxRelativeTauDifference", worst);
        }
        out.put("conversions", conversions);
        if (json) {
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
        } else {
            printTable(conversions, second != null);
            if (second != null) {
                System.out.printf(Locale.ROOT, "fast vs exact: largest relative tau difference %.3e%n", worst);
            }
        }
        return 0;
    }

    private static void printTable(List<Map<String, Object>> conversions, boolean both) {
        for (Map<String, Object> conv : conversions) {
            System.out.println("vector " + conv.get("vector"));
            System.out.printf(
                    Locale.ROOT,
                    "  %6s %12s %12s %6s %8s %5s%s%n",
                    "column",
                    "R [Ohm]",
                    "tau [ns]",
                    "code",
                    "overflow",
                    "DP",
                    both ? "  tau exact [ns]" : "");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cols = (List<Map<String, Object>>) conv.get("columns");
            for (Map<String, Object> c : cols) {
                System.out.printf(
                        Locale.ROOT,
                        "  %6d %12.1f %12.4f %6d %8s %5d%s%n",
                        (Integer) c.get("column"),
                        (Double) c.get("resistanceOhm"),
                        (Double) c.get("tauSeconds") * 1e9,
                        (Integer) c.get("code"),
                        c.get("overflow"),
                        (Integer) c.get("exactDotProduct"),
                        both ? String.format(Locale.ROOT, "  %.4f", (Double) c.get("tauExactSeconds") * 1e9) : "");
            }
        }
    }
}
