package mramcim.workloads.vgg8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.results.Charts;
import mramcim.results.OutputDir;
import mramcim.results.ReportHeader;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * What {@code mramcim vgg8} writes: report.md (the three modes beside seed 000's figures, the
 * mapping, the calibration, the co-simulated subset), summary.json ({@link #FORMAT}) and pictures:
 * the accuracies, the confusion matrix of the fast path, the accuracy against device variation.
 */
public final class Vgg8Report {

    /** summary.json's format identifier. */
    public static final String FORMAT = "mramcim-vgg8-summary/1";

    private Vgg8Report() {}

    public static List<Path> write(Vgg8Run.Result r, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            files.addAll(Charts.save(accuracyChart(r), dir, "accuracy"));
            int[] shown = r.fastpath() != null ? r.fastpath() : r.emulated() != null ? r.emulated() : r.software();
            files.addAll(Charts.save(confusion(r, shown), dir, "confusion"));
            if (!r.variation().isEmpty()) {
                files.addAll(Charts.save(variationChart(r), dir, "accuracy-variation"));
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            files.add(dir.write("summary.json", json.writeValueAsString(summary(r, json)) + "\n"));
            files.add(dir.write("report.md", markdown(r, command)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the VGG-8 report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode summary(Vgg8Run.Result r, ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        Vgg8Run.Options opt = r.options();
        o.put("format", FORMAT);
        o.put("preset", opt.preset());
        o.put("seed", opt.seed());
        o.put("network", opt.network().toString());
        o.put("shape", r.net().shape().toString());
        o.put("trained", r.trained());
        o.put("heldOutDigits", r.test().size());
        o.put("softwareAccuracy", r.accuracy(r.software()));
        putAccuracy(o, "emulatedAccuracy", r.accuracy(r.emulated()));
        putAccuracy(o, "fastpathAccuracy", r.accuracy(r.fastpath()));
        o.put("paperSoftware", Vgg8Run.PAPER_SOFTWARE);
        o.put("paperEmulated", Vgg8Run.PAPER_EMULATED);
        o.put("tilePasses", r.passes());
        o.put("conversionsPerDigit", r.conversionsPerDigit());
        o.put("c0", r.calibration().global().c0());
        o.put("gain", r.calibration().global().gain());
        o.put("errorTableDotProducts", r.errors() == null ? 0 : r.errors().samples());
        o.put("cosimDigits", r.cosimImages());
        o.put("cosimColumns", r.cosimColumns());
        o.put("cosimMismatches", r.cosimMismatches());
        o.put("cosimCycles", r.cosimCycles());
        o.put("trainSeconds", r.trainSeconds());
        o.put("emulatedSeconds", r.emulatedSeconds());
        o.put("fastpathSeconds", r.fastpathSeconds());
        ArrayNode le = o.putArray("layerErrors");
        for (Vgg8Run.LayerPoint p : r.layerErrors()) {
            ObjectNode e = le.addObject();
            e.put("layer", p.name());
            e.put("accuracy", p.accuracy());
        }
        ArrayNode v = o.putArray("variation");
        for (Vgg8Run.SweepPoint p : r.variation()) {
            ObjectNode e = v.addObject();
            e.put("factor", p.factor());
            e.put("accuracy", p.accuracy());
        }
        return o;
    }

    private static void putAccuracy(ObjectNode o, String field, double a) {
        if (Double.isNaN(a)) {
            o.putNull(field);
        } else {
            o.put(field, a);
        }
    }

    private static CategoryChart accuracyChart(Vgg8Run.Result r) {
        CategoryChart c = new CategoryChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Binary VGG-8 on " + r.test().size() + " held-out digits, beside seed 000")
                .xAxisTitle("")
                .yAxisTitle("accuracy (%)")
                .build();
        Charts.style(c.getStyler());
        c.getStyler().setYAxisMin(90.0).setYAxisMax(100.0);
        List<String> x = List.of("software", "emulated, measured errors", "fast path of the die");
        List<Double> ours = new ArrayList<>();
        for (int[] pred : new int[][] {r.software(), r.emulated(), r.fastpath()}) {
            double a = r.accuracy(pred);
            ours.add(Double.isNaN(a) ? 0 : 100 * a);
        }
        c.addSeries("this project", x, ours);
        c.addSeries("seed 000", x, List.of(100 * Vgg8Run.PAPER_SOFTWARE, 100 * Vgg8Run.PAPER_EMULATED, 0.0));
        return c;
    }

    private static HeatMapChart confusion(Vgg8Run.Result r, int[] pred) {
        int k = Vgg8Shape.CLASSES;
        HeatMapChart c = new HeatMapChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Confusion matrix ("
                        + (pred == r.fastpath() ? "fast path" : pred == r.emulated() ? "emulated" : "software")
                        + "): digits per true and predicted class")
                .xAxisTitle("predicted")
                .yAxisTitle("true")
                .build();
        c.getStyler().setShowValue(true);
        int[][] m = new int[k][k];
        for (int i = 0; i < pred.length; i++) {
            m[r.test().get(i).label()][pred[i]]++;
        }
        List<Integer> axis = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            axis.add(i);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[] {p, t, m[t][p]});
            }
        }
        c.addSeries("digits", axis, axis, cells);
        return c;
    }

    private static XYChart variationChart(Vgg8Run.Result r) {
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Fast-path accuracy vs device variation (" + Vgg8Run.SWEEP_DIGITS + " held-out digits)")
                .xAxisTitle("MTJ and FET variation (x the preset's sigmas)")
                .yAxisTitle("accuracy (%)")
                .build();
        Charts.style(c.getStyler());
        double[] x = new double[r.variation().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.variation().get(i).factor();
            y[i] = 100 * r.variation().get(i).accuracy();
        }
        c.addSeries("fast path, recalibrated at each point", x, y);
        return c;
    }

    static String markdown(Vgg8Run.Result r, String command) {
        Vgg8Run.Options o = r.options();
        StringBuilder md = new StringBuilder(ReportHeader.of("Binary VGG-8 on " + o.preset(), o.seed(), command));
        md.append(String.format(
                Locale.ROOT,
                "Network %s (%s), %s. Mapping on the %d x %d array: %d tile passes (each programmed once"
                        + " for all digits), %,d conversions per digit. Calibration (SPEC 6): C0 = %d, GAIN = %d,"
                        + " %d columns offset.%n%n",
                r.net().shape(),
                o.network(),
                r.trained() ? String.format(Locale.ROOT, "trained here in %.0f s", r.trainSeconds()) : "loaded",
                o.config().rows(),
                o.config().cols(),
                r.passes(),
                r.conversionsPerDigit(),
                r.calibration().global().c0(),
                r.calibration().global().gain(),
                r.calibration().correctedColumns().size()));
        md.append("| | this project | seed 000 |\n| --- | ---: | ---: |\n");
        md.append(row("software (exact dot products)", r.accuracy(r.software()), Vgg8Run.PAPER_SOFTWARE));
        md.append(row(
                "emulated with the die's measured errors"
                        + (r.errors() == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (%,d measured dot products, MAE %.3f)",
                                        r.errors().samples(),
                                        r.errors().mae())),
                r.accuracy(r.emulated()),
                Vgg8Run.PAPER_EMULATED));
        md.append(row("on the die's fast path", r.accuracy(r.fastpath()), Double.NaN));
        md.append(String.format(
                Locale.ROOT,
                "%nTimes: emulation %.1f s, fast path %.1f s. The drop and what causes it: docs/vgg8.md.%n%n",
                r.emulatedSeconds(),
                r.fastpathSeconds()));
        if (!r.layerErrors().isEmpty()) {
            md.append("The die's measured errors in one layer at a time (the others exact):\n\n| layer | ");
            md.append(String.join(
                    " | ",
                    r.layerErrors().stream().map(Vgg8Run.LayerPoint::name).toList()));
            md.append(" |\n| --- |");
            md.append(" ---: |".repeat(r.layerErrors().size()));
            md.append("\n| accuracy |");
            for (Vgg8Run.LayerPoint p : r.layerErrors()) {
                md.append(String.format(Locale.ROOT, " %.2f %% |", 100 * p.accuracy()));
            }
            md.append("\n\n");
        }
        if (r.cosimImages() > 0) {
            md.append(String.format(
                    Locale.ROOT,
                    "Co-simulation: %d digits through host commands on the RTL in lockstep with the model, %,d"
                            + " cycles in %.1f s; %,d column results compared with the fast path, %d differ;"
                            + " %d failed writes.%n%n",
                    r.cosimImages(),
                    r.cosimCycles(),
                    r.cosimSeconds(),
                    r.cosimColumns(),
                    r.cosimMismatches(),
                    r.cosimFailedCells()));
        }
        md.append("![accuracies](accuracy.png)\n\n![confusion matrix](confusion.png)\n");
        if (!r.variation().isEmpty()) {
            md.append("\n![accuracy vs device variation](accuracy-variation.png)\n");
        }
        return md.toString();
    }

    private static String row(String what, double ours, double paper) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s |%n",
                what,
                Double.isNaN(ours) ? "not run" : String.format(Locale.ROOT, "%.2f %%", 100 * ours),
                Double.isNaN(paper) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * paper));
    }
}
