package mramcim.calibration.twin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import mramcim.results.Charts;
import mramcim.results.OutputDir;
import mramcim.results.ReportHeader;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What {@code mramcim fit} writes: {@code twin.json} (the fitted die, for {@code --config}), {@code
 * fit.json} (every column's delay scale and high/low ratio with their uncertainties, residuals,
 * the jitter, the held-out prediction), {@code report.md} and two pictures.
 */
public final class FitReport {

    /** The fitted die's configuration file. */
    public static final String TWIN = "twin.json";

    /** The fit's machine-readable summary. */
    public static final String SUMMARY = "fit.json";

    /** Its format identifier. */
    public static final String FORMAT = "mramcim-fit/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Color FIT = new Color(0x1B, 0x9E, 0x77);

    private FitReport() {}

    /** Writes every file into {@code dir}. */
    public static List<Path> write(
            DieFit.Result r, MacroConfig twin, Twin.HeldOut heldOut, Path measured, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(dir.write(TWIN, ConfigJson.toJson(twin) + "\n"));
            files.addAll(delayScales(r, dir));
            files.addAll(heldOutPicture(heldOut, r, dir));
            files.add(dir.write(SUMMARY, JSON.writeValueAsString(summary(r, heldOut, measured)) + "\n"));
            files.add(dir.write("report.md", markdown(r, heldOut, measured, command)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fit report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode summary(DieFit.Result r, Twin.HeldOut h, Path measured) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("measured", measured.toString());
        o.put("die", r.measurement().header().die());
        o.put("design", r.designName());
        o.put("rows", r.design().rows());
        o.put("cols", r.design().cols());
        o.put("uncertaintySigmas", DieFit.UNCERTAINTY_SIGMAS);
        o.put("seconds", r.seconds());
        ObjectNode j = o.putObject("jitter");
        j.put("measured", r.jitter().measured());
        j.put("sigmaSeconds", r.jitter().sigma());
        if (r.jitter().measured()) {
            j.put("uncertaintySeconds", r.jitter().uncertainty());
        }
        j.put("pairs", r.jitter().pairs());
        ArrayNode stuck = o.putArray("mtjsWithoutSwing");
        for (DieFit.ColumnFit f : r.columns()) {
            for (int[] rb : f.withoutSwing()) {
                ObjectNode d = stuck.addObject();
                d.put("row", rb[0]);
                d.put("col", f.col());
                d.put("branch", rb[1] == 0 ? "A" : "B");
            }
        }
        ArrayNode cols = o.putArray("columns");
        for (DieFit.ColumnFit f : r.columns()) {
            ObjectNode c = cols.addObject();
            c.put("col", f.col());
            c.put("delayScale", f.delayScale());
            c.put("delayScaleUncertainty", f.delayScaleUncertainty());
            c.put("highLowRatio", f.highLowRatio());
            c.put("highLowRatioUncertainty", f.highLowRatioUncertainty());
            c.put("observations", f.observations());
            c.put("residualRmsCodes", f.residualRms());
        }
        ObjectNode ho = o.putObject("heldout");
        ho.put("codes", h.codes());
        ho.put("exactFraction", h.exactFraction());
        ho.put("withinOneFraction", h.withinOneFraction());
        ArrayNode d = ho.putArray("difference");
        for (int k = 0; k < h.difference().length; k++) {
            ObjectNode e = d.addObject();
            e.put("predictedMinusMeasured", k - Twin.HeldOut.SPAN);
            e.put("codes", h.difference()[k]);
        }
        return o;
    }

    private static List<Path> delayScales(DieFit.Result r, OutputDir dir) throws IOException {
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(String.format(
                        Locale.ROOT,
                        "Die %s: each column's delay relative to the design, with its %.0f-sigma uncertainty",
                        r.measurement().header().die(),
                        DieFit.UNCERTAINTY_SIGMAS))
                .xAxisTitle("column")
                .yAxisTitle("delay scale (1 = the design's column)")
                .build();
        Charts.style(c.getStyler());
        int n = r.columns().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            DieFit.ColumnFit f = r.columns().get(k);
            x[k] = f.col();
            y[k] = f.delayScale();
            e[k] = f.delayScaleUncertainty();
        }
        XYSeries s = c.addSeries("fitted delay scale", x, y, e);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(FIT);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        return Charts.save(c, dir, "delay-scale");
    }

    private static List<Path> heldOutPicture(Twin.HeldOut h, DieFit.Result r, OutputDir dir) throws IOException {
        CategoryChart c = new CategoryChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(String.format(
                        Locale.ROOT,
                        "Twin of %s on %,d held-out codes: %.1f %% exact, %.2f %% within one",
                        r.measurement().header().die(),
                        h.codes(),
                        100 * h.exactFraction(),
                        100 * h.withinOneFraction()))
                .xAxisTitle("predicted - measured code (the ends collect everything beyond)")
                .yAxisTitle("share of held-out codes (%)")
                .build();
        Charts.style(c.getStyler());
        List<String> labels = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        for (int k = 0; k < h.difference().length; k++) {
            int d = k - Twin.HeldOut.SPAN;
            labels.add(Math.abs(d) == Twin.HeldOut.SPAN ? (d < 0 ? "<=" : ">=") + d : "" + d);
            share.add(h.codes() == 0 ? 0 : 100.0 * h.difference()[k] / h.codes());
        }
        c.addSeries("held-out codes", labels, share).setFillColor(FIT);
        return Charts.save(c, dir, "heldout");
    }

    static String markdown(DieFit.Result r, Twin.HeldOut h, Path measured, String command) {
        StringBuilder md = new StringBuilder(ReportHeader.of(
                "Digital twin of die " + r.measurement().header().die() + " (" + r.designName() + ")", command));
        md.append(String.format(
                Locale.ROOT,
                "Fitted to the measured codes in %s (%s) in %.1f s: %d columns x %d delay contributions each"
                        + " (4 per cell). The twin is `%s`: give it to any command with `--config`. What the codes"
                        + " can and cannot tell apart: docs/measurements.md. Uncertainties are %.0f sigma.%n%n",
                measured,
                r.measurement().header().source(),
                r.seconds(),
                r.design().cols(),
                4 * r.design().rows(),
                TWIN,
                DieFit.UNCERTAINTY_SIGMAS));
        md.append(String.format(
                Locale.ROOT,
                "| held-out codes | predicted exactly | within one code |%n| ---: | ---: | ---: |%n| %,d | %.1f %% | %.2f %% |%n%n",
                h.codes(),
                100 * h.exactFraction(),
                100 * h.withinOneFraction()));
        md.append(
                r.jitter().measured()
                        ? String.format(
                                Locale.ROOT,
                                "Jitter: %.1f +- %.1f ps from %,d pairs of repeated codes.%n%n",
                                r.jitter().sigma() * 1e12,
                                r.jitter().uncertainty() * 1e12,
                                r.jitter().pairs())
                        : String.format(
                                Locale.ROOT,
                                "Jitter: not measured (no repeated patterns); the design's %.1f ps is kept.%n%n",
                                r.jitter().sigma() * 1e12));
        long stuck =
                r.columns().stream().mapToLong(f -> f.withoutSwing().size()).sum();
        md.append(String.format(
                Locale.ROOT,
                "MTJs without a swing (AP - P below %.0f %% of the design's: they look stuck): %d of %d%s.%n%n",
                100 * DieFit.STUCK_FRACTION,
                stuck,
                2L * r.design().rows() * r.design().cols(),
                stuck == 0 ? "" : " (listed in fit.json, mtjsWithoutSwing)"));
        md.append("![delay scale per column](delay-scale.png)\n\n![held-out prediction](heldout.png)\n\n");
        md.append("| column | delay scale | high/low ratio | codes fitted | residual RMS (codes) |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: |\n");
        for (DieFit.ColumnFit f : r.columns()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.4f +- %.4f | %.4f +- %.4f | %,d | %.3f |%n",
                    f.col(),
                    f.delayScale(),
                    f.delayScaleUncertainty(),
                    f.highLowRatio(),
                    f.highLowRatioUncertainty(),
                    f.observations(),
                    f.residualRms()));
        }
        return md.toString();
    }
}
