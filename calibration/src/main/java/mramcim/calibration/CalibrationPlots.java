package mramcim.calibration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.results.Charts;
import mramcim.results.OutputDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The calibration report's pictures: error histogram before and after the offsets (seed 000 Fig. 2d
 * and Extended Data Fig. 4), per-column mean and sigma, the per-column transfer, the error
 * distribution at chosen dot products (Extended Data Fig. 7) and the condition sweeps (Extended
 * Data Fig. 5). Each is written as PNG and SVG.
 */
public final class CalibrationPlots {

    static final Color BEFORE = new Color(0xD9, 0x5F, 0x02);
    static final Color AFTER = new Color(0x1B, 0x9E, 0x77);
    static final Color EFFICIENCY = new Color(0x75, 0x70, 0xB3);

    /**
     * Exact values with fewer results than this are left out of the transfer plot (too noisy to
     * read).
     */
    static final int MIN_TRANSFER_SAMPLES = 20;

    private CalibrationPlots() {}

    /** Error histogram before/after: fraction of results per error value. */
    public static List<Path> histogram(Validation v, String what, OutputDir dir, String name) {
        CategoryChart c = new CategoryChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Dot-product error, " + what)
                .xAxisTitle("error = measured - exact dot product (DP units)")
                .yAxisTitle("share of dot products (%)")
                .build();
        Charts.style(c.getStyler()).setOverlapped(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setAvailableSpaceFill(0.9);
        int[] rb = v.before().errorRange();
        int[] ra = v.after().errorRange();
        int lo = Math.min(rb[0], ra[0]);
        int hi = Math.max(rb[1], ra[1]);
        List<Integer> x = new ArrayList<>();
        List<Double> yb = new ArrayList<>();
        List<Double> ya = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            x.add(e);
            yb.add(100.0 * v.before().histogram(e) / v.before().count());
            ya.add(100.0 * v.after().histogram(e) / v.after().count());
        }
        c.addSeries(
                        String.format(
                                Locale.ROOT,
                                "before offsets (MAE %.3f)",
                                v.before().mae()),
                        x,
                        yb)
                .setFillColor(withAlpha(BEFORE, 150));
        c.addSeries(
                        String.format(
                                Locale.ROOT,
                                "after offsets (MAE %.3f)",
                                v.after().mae()),
                        x,
                        ya)
                .setFillColor(withAlpha(AFTER, 170));
        return Charts.save(c, dir, name);
    }

    /** Mean error of each column with its sigma as error bars, before and after. */
    public static List<Path> columns(Validation v, OutputDir dir, String name) {
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Per-column error: mean ± sigma over "
                        + String.format(Locale.ROOT, "%,d", v.after().columnCount(0))
                        + " dot products per column")
                .xAxisTitle("column")
                .yAxisTitle("error (DP units)")
                .build();
        Charts.style(c.getStyler()).setLegendPosition(Styler.LegendPosition.InsideNE);
        int cols = v.before().cols();
        double[] x = new double[cols];
        double[] xa = new double[cols];
        double[][] b = new double[2][cols];
        double[][] a = new double[2][cols];
        for (int j = 0; j < cols; j++) {
            x[j] = j - 0.15;
            xa[j] = j + 0.15;
            b[0][j] = v.before().columnMean(j);
            b[1][j] = v.before().columnSigma(j);
            a[0][j] = v.after().columnMean(j);
            a[1][j] = v.after().columnSigma(j);
        }
        scatter(c.addSeries("before offsets", x, b[0], b[1]), BEFORE);
        scatter(c.addSeries("after offsets", xa, a[0], a[1]), AFTER);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        return Charts.save(c, dir, name);
    }

    /**
     * Mean measured dot product against the exact one, one line per column, after offsets; the
     * ideal line dashed.
     */
    public static List<Path> transfer(Validation v, OutputDir dir, String name) {
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Dot-product transfer per column (after offsets)")
                .xAxisTitle("exact dot product")
                .yAxisTitle("measured dot product, mean")
                .build();
        Charts.style(c.getStyler()).setLegendPosition(Styler.LegendPosition.InsideNW);
        ErrorStats s = v.after();
        int rows = s.rows();
        boolean first = true;
        for (int j = 0; j < s.cols(); j++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int e = -rows; e <= rows; e++) {
                if (s.countAtExact(e) >= MIN_TRANSFER_SAMPLES * s.cols() && !Double.isNaN(s.transfer(j, e))) {
                    x.add((double) e);
                    y.add(s.transfer(j, e));
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries ser = c.addSeries("column " + j, x, y);
            ser.setMarker(SeriesMarkers.NONE);
            ser.setLineColor(withAlpha(AFTER, 90));
            ser.setLineWidth(1f);
            ser.setShowInLegend(first);
            if (first) {
                ser.setLabel("columns 0.." + (s.cols() - 1) + ", one line each");
            }
            first = false;
        }
        int lo = -rows;
        int hi = rows;
        XYSeries ideal = c.addSeries("ideal: measured = exact", new double[] {lo, hi}, new double[] {lo, hi});
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineColor(Color.BLACK);
        ideal.setLineStyle(SeriesLines.DASH_DASH);
        return Charts.save(c, dir, name);
    }

    /**
     * Error distribution of the results whose exact dot product was {@code exact} (Extended Data
     * Fig. 7 style).
     */
    public static List<Path> errorsAt(Validation v, int exact, OutputDir dir, String name) {
        long nb = v.before().countAtExact(exact);
        CategoryChart c = new CategoryChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(String.format(Locale.ROOT, "Errors of the %,d dot products with exact value %+d", nb, exact))
                .xAxisTitle("error = measured - exact dot product (DP units)")
                .yAxisTitle("share of these dot products (%)")
                .build();
        Charts.style(c.getStyler()).setOverlapped(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        int rows = v.before().rows();
        int lo = 0;
        int hi = 0;
        for (int e = -2 * rows; e <= 2 * rows; e++) {
            if (v.before().atExact(exact, e) > 0 || v.after().atExact(exact, e) > 0) {
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        List<Integer> x = new ArrayList<>();
        List<Double> yb = new ArrayList<>();
        List<Double> ya = new ArrayList<>();
        long na = v.after().countAtExact(exact);
        for (int e = lo; e <= hi; e++) {
            x.add(e);
            yb.add(nb == 0 ? 0 : 100.0 * v.before().atExact(exact, e) / nb);
            ya.add(na == 0 ? 0 : 100.0 * v.after().atExact(exact, e) / na);
        }
        c.addSeries("before offsets", x, yb).setFillColor(withAlpha(BEFORE, 150));
        c.addSeries("after offsets", x, ya).setFillColor(withAlpha(AFTER, 170));
        return Charts.save(c, dir, name);
    }

    /**
     * MAE (left axis) and TOPS/W (right axis) against the swept condition; infeasible points left
     * out.
     */
    public static List<Path> sweep(
            ConditionSweep.Axis axis, List<ConditionSweep.Point> points, String fixed, OutputDir dir, String name) {
        XYChart c = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title("Mean absolute error and efficiency vs " + axis.title() + " (" + fixed + ")")
                .xAxisTitle(axis.title() + " (" + axis.unit() + ")")
                .yAxisTitle("mean absolute error (DP units)")
                .build();
        Charts.style(c.getStyler()).setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Double> x = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> eff = new ArrayList<>();
        for (ConditionSweep.Point p : points) {
            if (p.feasible()) {
                x.add(p.value());
                before.add(p.maeBefore());
                after.add(p.maeAfter());
                eff.add(p.topsPerWatt());
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("no feasible point to plot on the " + axis.title() + " sweep");
        }
        line(c.addSeries("MAE before offsets", x, before), BEFORE, SeriesMarkers.CIRCLE);
        line(c.addSeries("MAE after offsets", x, after), AFTER, SeriesMarkers.DIAMOND);
        XYSeries e = c.addSeries("efficiency (TOPS/W, right axis)", x, eff);
        line(e, EFFICIENCY, SeriesMarkers.SQUARE);
        e.setLineStyle(SeriesLines.DASH_DASH);
        e.setYAxisGroup(1);
        c.setYAxisGroupTitle(1, "efficiency (TOPS/W)");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(0, 0.0);
        return Charts.save(c, dir, name);
    }

    private static void scatter(XYSeries s, Color color) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        s.setLineColor(color);
    }

    private static void line(XYSeries s, Color color, org.knowm.xchart.style.markers.Marker marker) {
        s.setMarker(marker);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(2f));
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
