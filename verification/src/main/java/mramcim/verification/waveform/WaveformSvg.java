package mramcim.verification.waveform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link Waveform} as SVG (JFreeSVG): one row per signal, one column per clock edge, bits
 * as high/low traces, buses as boxes with their value in hex, reals as line plots, the failing
 * signal's rows in red and the failing edge marked. The text stays text, so a reader can search
 * the picture for a pin's name.
 */
public final class WaveformSvg {

    static final int LABEL_WIDTH = 190;

    /** Width of one edge's column, px: wide for a few edges (values readable), narrow for many. */
    static final int MIN_EDGE_WIDTH = 26;

    static final int MAX_EDGE_WIDTH = 90;

    /** The width the columns share when there are few of them, px. */
    static final int PLOT_WIDTH = 900;

    static final int ROW_HEIGHT = 22;
    static final int REAL_ROW_HEIGHT = 44;
    static final int TITLE_HEIGHT = 46;
    static final int MARGIN = 8;

    /** Every this many columns a cycle number on the ruler. */
    static final int RULER_EVERY = 4;

    static final Color FAIL = new Color(0xC0, 0x1C, 0x28);
    static final Color FAIL_BAND = new Color(0xFD, 0xE8, 0xEA);
    static final Color TRACE = new Color(0x1A, 0x5F, 0xB4);
    static final Color GRID = new Color(0xE0, 0xE0, 0xE0);
    static final Color TEXT = new Color(0x20, 0x20, 0x20);

    /** Width of this picture's edge columns, px. */
    private final int edgeWidth;

    private WaveformSvg(int edges) {
        this.edgeWidth = Math.max(MIN_EDGE_WIDTH, Math.min(MAX_EDGE_WIDTH, PLOT_WIDTH / Math.max(1, edges)));
    }

    /** The picture as an SVG element (no XML declaration: fit to embed in HTML). */
    public static String svg(Waveform w) {
        return new WaveformSvg(w.cycles().length).draw(w);
    }

    private String draw(Waveform w) {
        int n = w.cycles().length;
        int height = TITLE_HEIGHT + MARGIN;
        for (Waveform.Row r : w.rows()) {
            height += r.kind() == Waveform.Kind.REAL ? REAL_ROW_HEIGHT : ROW_HEIGHT;
        }
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        int titleWidth = new SVGGraphics2D(1, 1).getFontMetrics(titleFont).stringWidth(w.title());
        int width = Math.max(LABEL_WIDTH + Math.max(1, n) * edgeWidth, titleWidth) + 2 * MARGIN;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font mono = new Font(Font.MONOSPACED, Font.PLAIN, 11);
        Font bold = new Font(Font.MONOSPACED, Font.BOLD, 11);
        g.setFont(titleFont);
        g.setColor(TEXT);
        g.drawString(w.title(), MARGIN, 18);
        g.setFont(mono);
        int x0 = LABEL_WIDTH + MARGIN;
        int failCol = -1;
        for (int i = 0; i < n; i++) {
            if (w.cycles()[i] == w.failureCycle()) {
                failCol = i;
            }
            if (i % RULER_EVERY == 0 || i == n - 1) {
                g.setColor(TEXT);
                g.drawString(Long.toString(w.cycles()[i]), x0 + i * edgeWidth, TITLE_HEIGHT - 10);
            }
            g.setColor(GRID);
            g.drawLine(x0 + i * edgeWidth, TITLE_HEIGHT - 6, x0 + i * edgeWidth, height - MARGIN);
        }
        int y = TITLE_HEIGHT;
        for (Waveform.Row r : w.rows()) {
            int h = r.kind() == Waveform.Kind.REAL ? REAL_ROW_HEIGHT : ROW_HEIGHT;
            if (r.highlight()) {
                g.setColor(FAIL_BAND);
                g.fillRect(0, y, width, h);
            }
            g.setFont(r.highlight() ? bold : mono);
            g.setColor(r.highlight() ? FAIL : TEXT);
            g.drawString(r.name(), MARGIN, y + h / 2 + 4);
            Color c = r.highlight() ? FAIL : TRACE;
            switch (r.kind()) {
                case BIT -> drawBit(g, r, x0, y, h, c);
                case BUS -> drawBus(g, r, x0, y, h, c, mono);
                case REAL -> drawReal(g, r, x0, y, h, c, mono);
            }
            y += h;
        }
        if (failCol >= 0) {
            g.setColor(FAIL);
            g.setStroke(new BasicStroke(2f));
            int fx = x0 + failCol * edgeWidth;
            g.drawLine(fx, TITLE_HEIGHT - 6, fx, height - MARGIN);
            g.drawString("failure", fx + 3, 32);
        }
        return g.getSVGElement();
    }

    /** Writes the picture as a standalone SVG file. */
    public static void write(Waveform w, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(w) + "\n", StandardCharsets.UTF_8);
    }

    private void drawBit(SVGGraphics2D g, Waveform.Row r, int x0, int y, int h, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(1.5f));
        Path2D p = new Path2D.Double();
        int hi = y + 4;
        int lo = y + h - 4;
        for (int i = 0; i < r.values().length; i++) {
            int level = "1".equals(r.values()[i]) ? hi : lo;
            int x = x0 + i * edgeWidth;
            if (i == 0) {
                p.moveTo(x, level);
            } else {
                p.lineTo(x, level);
            }
            p.lineTo(x + edgeWidth, level);
        }
        g.draw(p);
    }

    private void drawBus(SVGGraphics2D g, Waveform.Row r, int x0, int y, int h, Color c, Font font) {
        g.setStroke(new BasicStroke(1f));
        FontMetrics fm = g.getFontMetrics(font);
        String[] v = r.values();
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[j + 1].equals(v[i])) {
                j++;
            }
            int xa = x0 + i * edgeWidth;
            int xb = x0 + (j + 1) * edgeWidth;
            Path2D box = new Path2D.Double();
            int top = y + 4;
            int bot = y + h - 4;
            int mid = y + h / 2;
            box.moveTo(xa, mid);
            box.lineTo(xa + 3, top);
            box.lineTo(xb - 3, top);
            box.lineTo(xb, mid);
            box.lineTo(xb - 3, bot);
            box.lineTo(xa + 3, bot);
            box.closePath();
            g.setColor(c);
            g.draw(box);
            String text = fit(v[i], xb - xa - 8, fm);
            g.setColor(TEXT);
            g.drawString(text, xa + 5, mid + 4);
            i = j + 1;
        }
    }

    private void drawReal(SVGGraphics2D g, Waveform.Row r, int x0, int y, int h, Color c, Font font) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : r.reals()) {
            if (Double.isFinite(d)) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        if (!(min <= max)) {
            return;
        }
        double span = max > min ? max - min : 1;
        g.setFont(font.deriveFont(9f));
        g.setColor(TEXT);
        g.drawString(String.format(Locale.ROOT, "%.3g %s", max, r.unit()), LABEL_WIDTH - 70, y + 12);
        g.drawString(String.format(Locale.ROOT, "%.3g %s", min, r.unit()), LABEL_WIDTH - 70, y + h - 4);
        g.setFont(font);
        g.setColor(c);
        g.setStroke(new BasicStroke(1.5f));
        Path2D p = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < r.reals().length; i++) {
            double d = r.reals()[i];
            if (!Double.isFinite(d)) {
                continue;
            }
            double py = y + h - 5 - (d - min) / span * (h - 10);
            double px = x0 + (i + 0.5) * edgeWidth;
            if (!started) {
                p.moveTo(px, py);
                started = true;
            } else {
                p.lineTo(px, py);
            }
        }
        g.draw(p);
    }

    /** The text cut to {@code width} pixels, with "~" for what was cut. */
    private static String fit(String s, int width, FontMetrics fm) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        for (int k = s.length() - 1; k > 0; k--) {
            String t = s.substring(0, k) + "~";
            if (fm.stringWidth(t) <= width) {
                return t;
            }
        }
        return "";
    }
}
