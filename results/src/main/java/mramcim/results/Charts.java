package mramcim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Writes XChart charts as PNG (for the Markdown report and README) and SVG (for slides and papers),
 * with one house style: white background, legend inside, readable fonts. Runs headless.
 */
public final class Charts {

    /** Default size of a report chart, pixels. */
    public static final int WIDTH = 900;

    public static final int HEIGHT = 540;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Applies the house style. */
    public static <S extends Styler> S style(S s) {
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        s.setPlotBackgroundColor(java.awt.Color.WHITE);
        s.setLegendBorderColor(java.awt.Color.LIGHT_GRAY);
        s.setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16));
        s.setLegendFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        s.setAntiAlias(true);
        return s;
    }

    /**
     * Writes {@code name}.png and {@code name}.svg into {@code dir}, each atomically.
     *
     * @return the two files
     */
    public static List<Path> save(Chart<?, ?> chart, OutputDir dir, String name) {
        try {
            // XChart appends the extension to the name it is given: hand it the temporary name
            // without it.
            Path png = dir.writeWith(
                    name + ".png",
                    tmp -> BitmapEncoder.saveBitmap(chart, withoutExtension(tmp), BitmapEncoder.BitmapFormat.PNG));
            Path svg = dir.writeWith(
                    name + ".svg",
                    tmp -> VectorGraphicsEncoder.saveVectorGraphic(
                            chart, withoutExtension(tmp), VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
            return List.of(png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + dir.resolve(name), e);
        }
    }

    private static String withoutExtension(Path p) {
        String s = p.toString();
        return s.substring(0, s.lastIndexOf('.'));
    }
}
