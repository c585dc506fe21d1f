package mramcim.workloads.wine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mramcim.model.passive.array.PassiveArray;
import mramcim.results.Charts;
import mramcim.results.OutputDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * report.md of {@code mramcim wine}: the figures of seed 004 beside the run's, accuracy and RMS
 * deviation over g_norm (Fig. 5(a, b) / 6(a-d) style: median, quartiles, extremes, the optima as
 * dashed lines), the conductance histograms of the write operation (Fig. 4(c)), the effective
 * switching-voltage map (Fig. 2(e)) and the read-back of one solution (Fig. 4(b)).
 */
public final class WineReport {

    /** Seed 004, 30 nm array: median accuracy at the optimal g_norm, %. */
    public static final double PAPER_MEDIAN_ACCURACY = 95.3;

    /** Seed 004 II.A: minimum and maximum over the 300 solutions at the optimum, %. */
    public static final double PAPER_MIN_ACCURACY = 71.6;

    public static final double PAPER_MAX_ACCURACY = 100;

    /** Seed 004 Fig. 5: accuracy-optimal, RMS-optimal and estimated g_norm, uS. */
    public static final double PAPER_G_ACCURACY = 3.4;

    public static final double PAPER_G_RMS = 5.5;
    public static final double PAPER_G_ESTIMATE = 7;

    /** Seed 004 II.D: median accuracy at the estimate, %. */
    public static final double PAPER_AT_ESTIMATE = 60.8;

    /**
     * Seed 004: g_norm at the estimate over g_norm at the accuracy optimum (7 / 3.4): on the chip
     * the estimate scaled every weight down by this factor from the scale the accuracy preferred.
     */
    public static final double PAPER_ESTIMATE_OVER_OPTIMUM = PAPER_G_ESTIMATE / PAPER_G_ACCURACY;

    /** Seed 004 Fig. 2(d): mean effective switching voltage of the 30 nm array, V. */
    public static final double PAPER_SWITCHING_VOLTAGE = 2.2;

    /** Seed 004 II.B: write accuracy at 30 nm and at 60 nm, %. */
    public static final double PAPER_WRITE_30 = 100;

    public static final double PAPER_WRITE_60 = 85;

    private static final double US = 1e6;

    private WineReport() {}

    /** The console summary. */
    public static List<String> summary(WineRun.Result r) {
        int ka = r.accuracyOptimum();
        int kr = r.rmsOptimum();
        double[] med = r.medianAccuracy();
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "wine: %d nm %s array, %d solutions (%d trained), die seed %d",
                r.options().diameterNm(),
                r.options().ideal() ? "ideal" : "fabricated",
                r.solutions().size(),
                r.candidates(),
                r.options().dieSeed()));
        out.add(String.format(
                Locale.ROOT,
                "median accuracy %.1f %% at g_norm %.2f uS (accuracy optimum); RMS minimum at %.2f uS; xi_norm %.2f",
                100 * med[ka],
                r.grid()[ka] * US,
                r.grid()[kr] * US,
                r.xiNorm()));
        out.add(String.format(
                Locale.ROOT,
                "estimate mean(g_on) - mean(g_off) = %.2f uS: median accuracy %.1f %% (seed 004, 30 nm: %.1f %% at %.1f uS, %.1f %% at the estimate %.0f uS, RMS minimum %.1f uS)",
                r.estimate() * US,
                100 * Stats.quantile(r.atEstimate(), 0.5),
                PAPER_MEDIAN_ACCURACY,
                PAPER_G_ACCURACY,
                PAPER_AT_ESTIMATE,
                PAPER_G_ESTIMATE,
                PAPER_G_RMS));
        out.add(String.format(
                Locale.ROOT,
                "programmed pairs: mean W (g_e - g_i) %.2f uS = %.2f x the estimate (seed 004, 30 nm: at most %.1f uS = %.2f x); "
                        + "median accuracy at %.2f x the accuracy optimum %.1f %% (seed 004, 30 nm: %.1f %% at the estimate)",
                r.meanPairDifference() * US,
                r.meanPairDifference() / r.estimate(),
                PAPER_G_RMS,
                PAPER_G_RMS / PAPER_G_ESTIMATE,
                PAPER_ESTIMATE_OVER_OPTIMUM,
                100 * medianAtChipScale(r),
                PAPER_AT_ESTIMATE));
        out.add(String.format(
                Locale.ROOT,
                "write accuracy %.2f %%, training %.1f s, programming and sweep %.1f s",
                100 * r.writeAccuracy(),
                r.trainSeconds(),
                r.programSeconds()));
        return out;
    }

    /**
     * Median accuracy with the weights scaled as the chip's estimate scaled them: at {@link
     * #PAPER_ESTIMATE_OVER_OPTIMUM} times the run's accuracy-optimal g_norm.
     */
    static double medianAtChipScale(WineRun.Result r) {
        return Stats.quantile(r.accuracyAt(PAPER_ESTIMATE_OVER_OPTIMUM * r.grid()[r.accuracyOptimum()]), 0.5);
    }

    /** Writes report.md and its pictures into {@code dir}. */
    public static List<Path> write(WineRun.Result r, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            files.addAll(Charts.save(sweepChart(r, true), dir, "accuracy-vs-gnorm"));
            files.addAll(Charts.save(sweepChart(r, false), dir, "rms-vs-gnorm"));
            files.addAll(Charts.save(histogram(r), dir, "write-conductances"));
            files.addAll(Charts.save(optimumDistribution(r), dir, "accuracy-distribution"));
            files.addAll(Charts.save(map(r, true), dir, "switching-voltage-map"));
            files.addAll(Charts.save(map(r, false), dir, "readback-map"));
            files.add(dir.write("report.md", markdown(r, command)));
            files.add(dir.write("summary.json", WineSummary.of(r).toJson()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the wine report to " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    private static String markdown(WineRun.Result r, String command) {
        int ka = r.accuracyOptimum();
        int kr = r.rmsOptimum();
        double[] grid = r.grid();
        double[] acc =
                r.solutions().stream().mapToDouble(s -> s.trainAccuracy()[ka]).toArray();
        double[] test =
                r.solutions().stream().mapToDouble(s -> s.testAccuracy()[ka]).toArray();
        double[] swTrain = r.solutions().stream()
                .mapToDouble(WineRun.Solution::softwareTrain)
                .toArray();
        double[] swTest = r.solutions().stream()
                .mapToDouble(WineRun.Solution::softwareTest)
                .toArray();
        boolean paper30 = r.options().diameterNm() == 30 && !r.options().ideal();
        PassiveArray die = r.die();
        double vs = 0;
        for (int i = 0; i < die.rows(); i++) {
            for (int j = 0; j < die.cols(); j++) {
                vs += die.effectiveSwitchingVoltage(i, j);
            }
        }
        vs /= die.rows() * die.cols();
        long errors = r.solutions().stream()
                .mapToLong(s -> s.programming().writeErrors())
                .sum();
        long disturbs = r.solutions().stream()
                .mapToLong(s -> s.programming().disturbs())
                .sum();
        StringBuilder sb = new StringBuilder();
        sb.append("# Wine on the passive MTJ array (seed 004)\n\n");
        sb.append("Command: `").append(command).append("`\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "%d nm %s array (15 x 15), die seed %d; %d weight solutions accepted of %d networks trained "
                        + "(each reaches %.0f %% train / %.0f %% test accuracy in software, as all of the paper's did). Each solution is programmed "
                        + "into a fresh copy of the die: clear (all devices off, twice), write, read (seed 004 Fig. 3(c)); accuracy is on the 148 "
                        + "training samples, as in the paper. Training %.1f s, programming and sweep %.1f s.%n%n",
                r.options().diameterNm(),
                r.options().ideal() ? "ideal (no line resistance, no variation)" : "fabricated",
                r.options().dieSeed(),
                r.solutions().size(),
                r.candidates(),
                100 * SolutionSet.MIN_TRAIN_ACCURACY,
                100 * SolutionSet.MIN_TEST_ACCURACY,
                r.trainSeconds(),
                r.programSeconds()));
        sb.append("| quantity | this run | seed 004 |\n| --- | --- | --- |\n");
        row(
                sb,
                "median accuracy at the accuracy-optimal g_norm",
                pct(Stats.quantile(acc, 0.5)),
                paper30 ? PAPER_MEDIAN_ACCURACY + " % (Fig. 5(a))" : "30 nm only");
        row(
                sb,
                "min / max accuracy there",
                pct(min(acc)) + " / " + pct(max(acc)),
                paper30 ? PAPER_MIN_ACCURACY + " % / " + PAPER_MAX_ACCURACY + " % (Fig. 1(e))" : "30 nm only");
        row(sb, "accuracy-optimal g_norm", us(grid[ka]), paper30 ? PAPER_G_ACCURACY + " uS" : "-");
        row(sb, "RMS-optimal g_norm (minimum median Delta_RMS)", us(grid[kr]), paper30 ? PAPER_G_RMS + " uS" : "-");
        row(
                sb,
                "estimate mean(g_on) - mean(g_off), eq. (3)",
                us(r.estimate()),
                paper30 ? PAPER_G_ESTIMATE + " uS" : "-");
        row(
                sb,
                "median accuracy at the estimate",
                pct(Stats.quantile(r.atEstimate(), 0.5)),
                paper30 ? PAPER_AT_ESTIMATE + " %" : "-");
        row(
                sb,
                "mean difference of the programmed pairs, W (g_e - g_i) over the nonzero weights",
                String.format(
                        Locale.ROOT,
                        "%.2f uS = %.2f x the estimate",
                        r.meanPairDifference() * US,
                        r.meanPairDifference() / r.estimate()),
                paper30
                        ? String.format(
                                Locale.ROOT,
                                "at most about %.1f uS = %.2f x the estimate (eq. (4) is smallest at a g_norm no lower than this mean)",
                                PAPER_G_RMS,
                                PAPER_G_RMS / PAPER_G_ESTIMATE)
                        : "-");
        row(
                sb,
                String.format(
                        Locale.ROOT,
                        "median accuracy at %.2f x the accuracy-optimal g_norm (every weight at %.2f of the optimum's scale)",
                        PAPER_ESTIMATE_OVER_OPTIMUM,
                        1 / PAPER_ESTIMATE_OVER_OPTIMUM),
                pct(medianAtChipScale(r)),
                paper30
                        ? String.format(
                                Locale.ROOT,
                                "%.1f %% (the estimate %.0f uS over the optimum %.1f uS)",
                                PAPER_AT_ESTIMATE,
                                PAPER_G_ESTIMATE,
                                PAPER_G_ACCURACY)
                        : "-");
        row(
                sb,
                "xi_norm = g_RMS / g_accuracy",
                String.format(Locale.ROOT, "%.2f", r.xiNorm()),
                paper30
                        ? String.format(
                                Locale.ROOT,
                                "%.2f (5.5 / 3.4); 1 in the ideal model (Fig. 6(f))",
                                PAPER_G_RMS / PAPER_G_ACCURACY)
                        : "1 in the ideal model");
        row(
                sb,
                "median test accuracy at the accuracy optimum (30 samples)",
                pct(Stats.quantile(test, 0.5)),
                "93.3 % for the solution of Fig. 1(d)");
        row(
                sb,
                "software accuracy, min train / min test",
                pct(min(swTrain)) + " / " + pct(min(swTest)),
                "> 96 % / > 95 %");
        row(
                sb,
                "write accuracy (devices in their target state)",
                String.format(
                        Locale.ROOT,
                        "%.2f %% (%d write errors, %d disturbs)",
                        100 * r.writeAccuracy(),
                        errors,
                        disturbs),
                PAPER_WRITE_30 + " % at 30 nm, " + PAPER_WRITE_60 + " % at 60 nm");
        row(
                sb,
                "mean effective switching voltage (array off)",
                String.format(Locale.ROOT, "%.2f V (limit %.2f V)", vs, die.maxWriteVoltage()),
                paper30 ? PAPER_SWITCHING_VOLTAGE + " V (Fig. 2(d))" : "rises with diameter (Fig. S2)");
        sb.append(
                "\nWhy the figures differ: see docs/wine.md, which discusses the default run. In short, the array model is "
                        + "built from the paper's description with assumed routing, contact and device values (`mramcim config --passive "
                        + r.options().diameterNm()
                        + "` lists each with its unit and source), the networks are our own 300 solutions, and the split of 148 / 30 samples is drawn with a fixed seed.\n\n");
        sb.append("## Accuracy and RMS weight deviation over g_norm (seed 004 Figs. 5(a, b), 6(a-d))\n\n");
        sb.append(
                "Median, quartiles and extremes over the solutions; dashed: the accuracy optimum, the RMS optimum and the estimate.\n\n");
        sb.append("![accuracy](accuracy-vs-gnorm.png)\n\n![rms](rms-vs-gnorm.png)\n\n");
        sb.append(
                "## Accuracy of the solutions at the optimum (Fig. 1(e))\n\n![distribution](accuracy-distribution.png)\n\n");
        sb.append(
                "## Conductances read during the write operation (Fig. 4(c))\n\n![histogram](write-conductances.png)\n\n");
        sb.append("## Effective switching voltage (Fig. 2(e)) and the read-back of solution 1 (Fig. 4(b))\n\n");
        sb.append("![switching](switching-voltage-map.png)\n\n![readback](readback-map.png)\n\n");
        sb.append(
                "## Sweep table\n\n| g_norm (uS) | median accuracy | min | max | median Delta_RMS |\n| --- | --- | --- | --- | --- |\n");
        double[] med = r.medianAccuracy();
        double[] lo = r.perPoint(WineRun.Solution::trainAccuracy, 0);
        double[] hi = r.perPoint(WineRun.Solution::trainAccuracy, 1);
        double[] rms = r.medianRms();
        for (int k = 0; k < grid.length; k++) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %.2f | %.1f %% | %.1f %% | %.1f %% | %.3f |%n",
                    grid[k] * US,
                    100 * med[k],
                    100 * lo[k],
                    100 * hi[k],
                    rms[k]));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String q, String ours, String paper) {
        sb.append("| ")
                .append(q)
                .append(" | ")
                .append(ours)
                .append(" | ")
                .append(paper)
                .append(" |\n");
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String us(double g) {
        return String.format(Locale.ROOT, "%.2f uS", g * US);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static XYChart sweepChart(WineRun.Result r, boolean accuracy) {
        java.util.function.Function<WineRun.Solution, double[]> metric =
                accuracy ? WineRun.Solution::trainAccuracy : WineRun.Solution::rmsDeviation;
        double scale = accuracy ? 100 : 1;
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title((accuracy ? "Accuracy" : "RMS weight deviation (eq. 4)")
                        + " vs g_norm, "
                        + r.options().diameterNm()
                        + " nm"
                        + (r.options().ideal() ? " ideal" : ""))
                .xAxisTitle("g_norm (uS)")
                .yAxisTitle(accuracy ? "accuracy on the 148 training samples (%)" : "Delta_RMS")
                .build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        if (!accuracy) {
            c.getStyler().setYAxisLogarithmic(true);
        }
        double[] x = Arrays.stream(r.grid()).map(g -> g * US).toArray();
        String[] names = {"min", "25 %", "median", "75 %", "max"};
        double[] qs = {0, 0.25, 0.5, 0.75, 1};
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < qs.length; q++) {
            double[] y =
                    Arrays.stream(r.perPoint(metric, qs[q])).map(v -> v * scale).toArray();
            yMin = Math.min(yMin, min(y));
            yMax = Math.max(yMax, max(y));
            XYSeries s = c.addSeries(names[q], x, y);
            s.setMarker(q == 2 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineStyle(q == 2 ? SeriesLines.SOLID : q == 0 || q == 4 ? SeriesLines.DOT_DOT : SeriesLines.DASH_DASH);
        }
        vertical(c, "accuracy optimum", r.grid()[r.accuracyOptimum()] * US, yMin, yMax);
        vertical(c, "RMS optimum", r.grid()[r.rmsOptimum()] * US, yMin, yMax);
        vertical(c, "estimate eq. (3)", r.estimate() * US, yMin, yMax);
        return c;
    }

    private static void vertical(XYChart c, String name, double x, double y0, double y1) {
        XYSeries s = c.addSeries(
                String.format(Locale.ROOT, "%s %.2f uS", name, x), new double[] {x, x}, new double[] {y0, y1});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static CategoryChart histogram(WineRun.Result r) {
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (WineRun.Solution s : r.solutions()) {
            Arrays.stream(s.programming().onReads()).forEach(g -> on.add(g * US));
            Arrays.stream(s.programming().offReads()).forEach(g -> off.add(g * US));
        }
        double lo = Math.min(
                on.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                off.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double hi = Math.max(
                on.stream().mapToDouble(Double::doubleValue).max().orElse(1),
                off.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        int bins = 40;
        CategoryChart c = new CategoryChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Conductances read in the write operation (on- and off-pulse reads)")
                .xAxisTitle("read conductance at 0.2 V (uS)")
                .yAxisTitle("reads")
                .build();
        Charts.style(c.getStyler());
        c.getStyler().setOverlapped(true);
        c.getStyler().setXAxisDecimalPattern("0.0");
        c.getStyler().setXAxisLabelRotation(90);
        if (!on.isEmpty()) {
            Histogram hOff = new Histogram(off, bins, lo, hi);
            Histogram hOn = new Histogram(on, bins, lo, hi);
            c.addSeries("off state", hOff.getxAxisData(), hOff.getyAxisData());
            c.addSeries("on state", hOn.getxAxisData(), hOn.getyAxisData());
        }
        return c;
    }

    private static CategoryChart optimumDistribution(WineRun.Result r) {
        int ka = r.accuracyOptimum();
        List<Double> acc =
                r.solutions().stream().map(s -> 100 * s.trainAccuracy()[ka]).toList();
        CategoryChart c = new CategoryChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(String.format(
                        Locale.ROOT, "Accuracy of the %d solutions at g_norm = %.2f uS", acc.size(), r.grid()[ka] * US))
                .xAxisTitle("accuracy on the 148 training samples (%)")
                .yAxisTitle("solutions")
                .build();
        Charts.style(c.getStyler());
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setLegendVisible(false);
        Histogram h = new Histogram(acc, 15, 40, 100);
        c.addSeries("solutions", h.getxAxisData(), h.getyAxisData());
        return c;
    }

    private static HeatMapChart map(WineRun.Result r, boolean switching) {
        PassiveArray die = r.die();
        double[][] g = r.solutions().get(0).programming().readBack();
        HeatMapChart c = new HeatMapChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(
                        switching
                                ? "Effective switching voltage at the pads (V), array off"
                                : "Read-back conductance of solution 1 (uS)")
                .xAxisTitle("column")
                .yAxisTitle("row (row 1 at the bottom)")
                .build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setShowValue(true);
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int j = 0; j < die.cols(); j++) {
            xs.add(j + 1);
        }
        for (int i = 0; i < die.rows(); i++) {
            ys.add(i + 1);
        }
        List<Number[]> data = new ArrayList<>();
        for (int i = 0; i < die.rows(); i++) {
            for (int j = 0; j < die.cols(); j++) {
                double v = switching ? die.effectiveSwitchingVoltage(i, j) : g[i][j] * US;
                data.add(new Number[] {j, i, Math.round(v * 100) / 100.0});
            }
        }
        c.addSeries("map", xs, ys, data);
        return c;
    }
}
