package mramcim.verification.regression;

import static j2html.TagCreator.a;
import static j2html.TagCreator.body;
import static j2html.TagCreator.code;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.head;
import static j2html.TagCreator.html;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.pre;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.style;
import static j2html.TagCreator.summary;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.title;
import static j2html.TagCreator.tr;

import j2html.tags.DomContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mramcim.verification.coverage.Coverage;

/**
 * The regression as one self-contained HTML page ({@value #FILE}, j2html): the verdict, every
 * failure with its waveform picture inlined, its replay command and last commands, the directed
 * traces, and the coverage tables. Nothing is fetched: the pictures are inline SVG, the style is
 * in the page.
 */
public final class RegressionHtml {

    /** The page's file name in the output directory. */
    public static final String FILE = "report.html";

    /** The class of each inlined waveform picture (tests count them). */
    public static final String PICTURE_CLASS = "waveform";

    private static final String CSS = "body{font-family:sans-serif;margin:24px;color:#202020}"
            + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + "th{background:#f0f0f0}.PASS{color:#1a7f37}.FAIL,.CRASHED,.INCOMPLETE,.RUNNING{color:#c01c28}"
            + "pre,code{background:#f6f6f6;font-size:12px}pre{padding:6px;overflow-x:auto}"
            + ".waveform{overflow-x:auto;border:1px solid #ddd;margin:8px 0}.hole{color:#c01c28;font-weight:bold}";

    private RegressionHtml() {}

    /** The page of {@code s}, whose files (pictures) lie below {@code out}. */
    public static String page(RegressionSummary s, Path out) {
        Coverage c = s.totalCoverage();
        List<DomContent> failures = new ArrayList<>();
        for (DirectedResult d : s.directed()) {
            if (d.failed()) {
                failures.add(failure("trace " + d.name(), d.result(), out));
            }
        }
        for (SeedResult r : s.seeds()) {
            if (r.failed()) {
                failures.add(failure("seed " + r.seed(), r, out));
            }
        }
        if (failures.isEmpty()) {
            failures.add(p(
                    s.verdict() == Verdict.PASS
                            ? "None: both sides agreed on every pin of every cycle of every seed."
                            : "None among the seeds that ran."));
        }
        return "<!DOCTYPE html>\n"
                + html(
                                head(
                                        meta().withCharset("utf-8"),
                                        title("mramcim regress " + s.verdict().id() + ": " + s.preset()),
                                        style(CSS)),
                                body(
                                        h1(
                                                rawHtml("Regression "),
                                                j2html.TagCreator.span(
                                                                s.verdict().id())
                                                        .withClass(s.verdict().id()),
                                                rawHtml(": " + escape(s.preset()) + " " + s.rows() + "x" + s.cols())),
                                        overview(s, c),
                                        directed(s),
                                        h2("Failures"),
                                        div(failures.toArray(DomContent[]::new)),
                                        h2("Coverage"),
                                        coverage(c)))
                        .render()
                + "\n";
    }

    private static DomContent overview(RegressionSummary s, Coverage c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"verdict", s.verdict().id()});
        rows.add(new String[] {
            "seeds",
            s.passed() + " passed, " + s.failed() + " failed, " + s.crashed() + " crashed, " + s.timedOut()
                    + " timed out, " + s.notRun() + " not run, of " + s.seeds().size()
        });
        if (!s.directed().isEmpty()) {
            rows.add(new String[] {"directed traces", RegressionReport.directedCounts(s)});
        }
        rows.add(new String[] {"cycles", String.format(Locale.ROOT, "%,d (%,d per seed)", s.cycles(), s.cyclesPerSeed())
        });
        rows.add(new String[] {
            "coverage",
            String.format(Locale.ROOT, "%d of %d bins (%.1f %%)", c.hit(), c.bins(), 100.0 * c.hit() / c.bins())
        });
        if (s.codeCoverage() != null) {
            rows.add(new String[] {"RTL code coverage", s.codeCoverage().line()});
        }
        rows.add(new String[] {
            "wall time",
            String.format(Locale.ROOT, "%.1f s on %d workers (shard %s)", s.wallSeconds(), s.jobs(), s.shard())
        });
        rows.add(new String[] {"netlist", s.netlist()});
        return table(tbody(each(rows, r -> tr(th(r[0]), td(r[1])))));
    }

    private static DomContent directed(RegressionSummary s) {
        if (s.directed().isEmpty()) {
            return div();
        }
        return div(
                h2("Directed traces"),
                table(
                        thead(tr(th("trace"), th("verdict"), th("detail"))),
                        tbody(each(
                                s.directed(),
                                d -> tr(
                                        td(d.name()),
                                        td(d.result() == null
                                                        ? "skipped"
                                                        : d.result().status().id())
                                                .withClass(
                                                        d.result() == null
                                                                ? ""
                                                                : d.result()
                                                                        .status()
                                                                        .id()),
                                        td(
                                                d.result() == null
                                                        ? d.skipped()
                                                        : d.result().detail() == null
                                                                ? ""
                                                                : d.result().detail()))))));
    }

    private static DomContent failure(String what, SeedResult r, Path out) {
        List<DomContent> parts = new ArrayList<>();
        parts.add(h3(what + ": " + r.status().id() + " (" + r.cause().id() + ")"));
        parts.add(p(r.detail()));
        if (r.replay() != null) {
            parts.add(p(rawHtml("Replay: "), code(r.replay())));
        }
        if (r.trace() != null) {
            parts.add(p(
                    rawHtml("Command trace: "),
                    a(r.trace()).withHref(r.trace()),
                    rawHtml(" (shrink it: "),
                    code("scripts/mramcim shrink --trace " + out.resolve(r.trace())),
                    rawHtml(")")));
        }
        for (String w : r.waves()) {
            if (w.endsWith(".svg")) {
                parts.add(div(rawHtml(inlineSvg(out.resolve(w)))).withClass(PICTURE_CLASS));
            }
        }
        if (!r.lastCommands().isEmpty()) {
            parts.add(p("Last commands before it:"));
            parts.add(pre(String.join("\n", r.lastCommands())));
        }
        List<String> files = r.waves().stream().filter(w -> !w.endsWith(".svg")).toList();
        if (!files.isEmpty()) {
            parts.add(p(
                    rawHtml("Waveforms: "),
                    each(
                            files,
                            f -> j2html.TagCreator.span(
                                    a(Path.of(f).getFileName().toString()).withHref(f), rawHtml(" ")))));
        }
        return div(parts.toArray(DomContent[]::new));
    }

    /** An SVG file's element, for inlining (its XML declaration dropped); a missing file says so. */
    private static String inlineSvg(Path file) {
        try {
            String svg = Files.readString(file, StandardCharsets.UTF_8);
            int start = svg.indexOf("<svg");
            return start < 0 ? "" : svg.substring(start);
        } catch (IOException e) {
            return "<p>(picture " + escape(file.toString()) + " missing: " + escape(e.getMessage()) + ")</p>";
        }
    }

    private static DomContent coverage(Coverage c) {
        List<DomContent> parts = new ArrayList<>();
        parts.add(table(
                thead(tr(th("coverpoint"), th("bins hit"), th("holes"))),
                tbody(each(
                        new ArrayList<>(c.points().keySet()),
                        point -> tr(
                                td(point),
                                td(c.hit(point) + " / " + c.points().get(point).size()),
                                td(c.holes(point).isEmpty() ? "none" : String.join(", ", c.holes(point))))))));
        for (Map.Entry<String, Map<String, Long>> e : c.points().entrySet()) {
            parts.add(details(
                    summary(e.getKey() + ": " + c.hit(e.getKey()) + " / "
                            + e.getValue().size() + " bins"),
                    table(
                            thead(tr(th("bin"), th("hits"))),
                            tbody(each(
                                    new ArrayList<>(e.getValue().entrySet()),
                                    b -> tr(
                                            td(b.getKey()),
                                            b.getValue() == 0
                                                    ? td("0 (hole)").withClass("hole")
                                                    : td(String.format(Locale.ROOT, "%,d", b.getValue()))))))));
        }
        return div(parts.toArray(DomContent[]::new));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
