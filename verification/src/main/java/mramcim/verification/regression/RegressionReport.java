package mramcim.verification.regression;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import mramcim.model.config.StrictJson;
import mramcim.results.OutputDir;
import mramcim.verification.coverage.CodeCoverage;
import mramcim.verification.coverage.Coverage;
import mramcim.verification.coverage.CoverageModel;

/**
 * The files of a regression: {@code summary.json} (everything, and what {@code mramcim merge} reads
 * back), {@code junit.xml} (one test case per seed, for CI dashboards) and {@code report.md} (for a
 * person: verdict, failures with their replay commands and waveforms, coverage and its holes, the
 * slowest seeds). All three are written when a run starts (verdict RUNNING, every seed unfinished)
 * and replaced, each atomically, when it ends.
 */
public final class RegressionReport {

    /** Slowest seeds listed in the report. */
    public static final int SLOWEST = 5;

    /** The files a regression writes, and removes when a new run claims the directory. */
    public static final List<String> FILES = List.of(
            "summary.json",
            "junit.xml",
            "report.md",
            RegressionHtml.FILE,
            "failures",
            Regression.LOG_DIR,
            mramcim.verification.coverage.CodeCoverageFiles.DIR);

    private static final ObjectMapper JSON = StrictJson.mapper();

    private RegressionReport() {}

    /** Writes the three files into {@code out}, each atomically; returns their paths. */
    public static List<Path> write(RegressionSummary s, OutputDir out) throws IOException {
        Path json = out.write("summary.json", JSON.writeValueAsBytes(s));
        Path junit = out.write("junit.xml", junit(s));
        Path md = out.write("report.md", markdown(s));
        Path html = out.write(RegressionHtml.FILE, RegressionHtml.page(s, out.path()));
        return List.of(md, html, json, junit);
    }

    /** Reads a {@code summary.json}, refusing a file that is not one with the reason. */
    public static RegressionSummary read(Path summaryJson) {
        RegressionSummary s;
        try {
            s = StrictJson.readAllowingNulls(
                    java.nio.file.Files.readString(summaryJson), RegressionSummary.class, "summary");
        } catch (IOException e) {
            throw new IllegalArgumentException(summaryJson + " cannot be read (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    summaryJson
                            + " is not a readable regression summary ("
                            + e.getMessage()
                            + "); give the output directory of mramcim regress",
                    e);
        }
        if (s == null || !RegressionSummary.FORMAT.equals(s.format())) {
            throw new IllegalArgumentException(summaryJson
                    + " is a summary of format "
                    + (s == null ? "none" : s.format())
                    + ", not "
                    + RegressionSummary.FORMAT
                    + ": rerun that shard with this mramcim");
        }
        if (s.seeds() == null
                || s.coverage() == null
                || s.preset() == null
                || s.verdict() == null
                || s.netlist() == null) {
            throw new IllegalArgumentException(summaryJson
                    + " is not a regression summary: verdict, seeds, coverage, netlist"
                    + " or preset missing");
        }
        return s;
    }

    /** The few lines printed at the end of a run. */
    public static List<String> console(RegressionSummary s) {
        List<String> lines = new ArrayList<>();
        Coverage c = s.totalCoverage();
        lines.add(String.format(
                Locale.ROOT,
                "%s: %s %dx%d, %d seeds x %,d cycles: %s; %,d cycles in %.1f s",
                s.verdict().id(),
                s.preset(),
                s.rows(),
                s.cols(),
                s.seeds().size(),
                s.cyclesPerSeed(),
                counts(s),
                s.cycles(),
                s.wallSeconds()));
        lines.add(String.format(
                Locale.ROOT, "coverage: %d of %d bins (%.1f %%)", c.hit(), c.bins(), 100.0 * c.hit() / c.bins()));
        if (s.codeCoverage() != null) {
            lines.add(s.codeCoverage().line()
                    + (s.codeCoverage().html() == null
                            ? ""
                            : "; " + s.codeCoverage().html()));
        }
        if (s.verdict() != Verdict.RUNNING) {
            lines.add("mutation score: " + mutationLine(s));
        }
        for (String point : c.points().keySet()) {
            List<String> holes = c.holes(point);
            if (!holes.isEmpty()) {
                lines.add("  holes in " + point + ": " + abbreviate(holes, 6));
            }
        }
        if (!s.directed().isEmpty()) {
            lines.add("directed traces: " + directedCounts(s));
        }
        for (DirectedResult d : s.directed()) {
            if (d.failed()) {
                lines.add(d.result().status().id() + " trace " + d.name() + ": "
                        + d.result().detail());
                lines.add("  replay: " + d.result().replay());
            }
        }
        for (SeedResult r : s.seeds()) {
            if (r.failed()) {
                lines.add(r.status().id() + " seed " + r.seed() + ": " + r.detail());
                lines.add("  replay: " + r.replay());
            }
        }
        List<String> missing = s.seeds().stream()
                .filter(r -> r.cause() == Cause.MISSING_SHARD)
                .map(SeedResult::detail)
                .distinct()
                .toList();
        missing.forEach(m -> lines.add("NOT_RUN: " + m));
        return lines;
    }

    /** The last mutation campaign's score as quoted, or how to get one. */
    private static String mutationLine(RegressionSummary s) {
        if (s.verdict() == Verdict.RUNNING) {
            return "looked up when the run ends";
        }
        return s.mutation() == null
                ? "no campaign found (`scripts/mramcim mutate` measures one; docs/mutation.md)"
                : s.mutation().describe("generated".equals(s.netlist()));
    }

    /** "3 passed, 1 failed, 2 skipped (other design)" over the corpus's traces. */
    static String directedCounts(RegressionSummary s) {
        long passed = s.directed().stream()
                .filter(d -> d.result() != null && d.result().status() == SeedStatus.PASS)
                .count();
        long failed = s.directed().stream().filter(DirectedResult::failed).count();
        long skipped = s.directed().stream().filter(d -> d.result() == null).count();
        return passed + " passed, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped (other design)" : "");
    }

    private static String counts(RegressionSummary s) {
        StringBuilder b = new StringBuilder(s.passed() + " passed, " + s.failed() + " failed");
        if (s.crashed() > 0) {
            b.append(", ").append(s.crashed()).append(" crashed");
        }
        if (s.timedOut() > 0) {
            b.append(", ").append(s.timedOut()).append(" timed out");
        }
        if (s.notRun() > 0) {
            b.append(", ").append(s.notRun()).append(" not run");
        }
        return b.toString();
    }

    private static String abbreviate(List<String> items, int max) {
        return items.size() <= max
                ? String.join(", ", items)
                : String.join(", ", items.subList(0, max)) + " ... (" + items.size() + " in all)";
    }

    static String markdown(RegressionSummary s) {
        StringBuilder md = new StringBuilder();
        Coverage c = s.totalCoverage();
        md.append("# Regression ")
                .append(s.verdict().id())
                .append(": ")
                .append(s.preset())
                .append(' ')
                .append(s.rows())
                .append('x')
                .append(s.cols())
                .append("\n\n");
        if (s.verdict() == Verdict.RUNNING) {
            md.append("The run has not finished. If no mramcim process is running any more, it was killed or crashed:"
                    + " nothing here is a result.\n\n");
        }
        md.append("| | |\n|---|---|\n");
        md.append(
                String.format(Locale.ROOT, "| verdict | **%s** |%n", s.verdict().id()));
        md.append(String.format(
                Locale.ROOT, "| seeds | %s, of %d |%n", counts(s), s.seeds().size()));
        md.append(String.format(Locale.ROOT, "| cycles | %,d (%,d per seed) |%n", s.cycles(), s.cyclesPerSeed()));
        md.append(String.format(
                Locale.ROOT,
                "| coverage | %d of %d bins (%.1f %%) |%n",
                c.hit(),
                c.bins(),
                100.0 * c.hit() / c.bins()));
        md.append(String.format(
                Locale.ROOT,
                "| wall time | %.1f s on %d workers (shard %s) |%n",
                s.wallSeconds(),
                s.jobs(),
                s.shard()));
        md.append("| netlist | ").append(s.netlist()).append(" |\n");
        if (s.codeCoverage() != null) {
            CodeCoverage.Summary cc = s.codeCoverage();
            md.append(String.format(
                    Locale.ROOT,
                    "| RTL code coverage | lines %d / %d (%.1f %%), toggles %d / %d (%.1f %%) |%n",
                    cc.lineHit(),
                    cc.lineTotal(),
                    cc.linePercent(),
                    cc.toggleHit(),
                    cc.toggleTotal(),
                    cc.togglePercent()));
        }
        md.append(
                s.codeCoverage() == null
                        ? "| RTL code coverage | not measured in this run (`--code-coverage`) |\n"
                        : "");
        md.append("| mutation score | ").append(mutationLine(s)).append(" |\n");
        md.append('\n');

        if (!s.directed().isEmpty()) {
            md.append("## Directed traces\n\n")
                    .append(directedCounts(s))
                    .append(", run before the seeds.\n\n| trace | verdict | detail |\n|---|---|---|\n");
            for (DirectedResult d : s.directed()) {
                md.append("| ")
                        .append(d.name())
                        .append(" | ")
                        .append(
                                d.result() == null
                                        ? "skipped"
                                        : d.result().status().id())
                        .append(" | ")
                        .append(
                                d.result() == null
                                        ? d.skipped()
                                        : d.result().detail() == null
                                                ? ""
                                                : d.result().detail())
                        .append(" |\n");
            }
            md.append('\n');
            for (DirectedResult d : s.directed()) {
                if (d.failed()) {
                    SeedResult r = d.result();
                    md.append("### trace ")
                            .append(d.name())
                            .append(": ")
                            .append(r.status().id())
                            .append("\n\n");
                    md.append(r.detail()).append("\n\n");
                    md.append("Replay: `").append(r.replay()).append("`\n\n");
                    links(
                            md,
                            "Waveforms of the window before it",
                            r.waves(),
                            " (open the `.gtkw` files with `gtkwave`)");
                }
            }
        }
        md.append("## Failures\n\n");
        List<SeedResult> failed = s.seeds().stream().filter(SeedResult::failed).toList();
        if (failed.isEmpty()) {
            md.append(
                    s.verdict() == Verdict.PASS
                            ? "None: both sides agreed on every pin of every cycle of every seed.\n\n"
                            : "None among the seeds that ran.\n\n");
        }
        for (SeedResult r : failed) {
            md.append("### seed ")
                    .append(r.seed())
                    .append(": ")
                    .append(r.status().id())
                    .append(" (")
                    .append(r.cause().id())
                    .append(")\n\n");
            md.append(r.cause() == Cause.DIVERGENCE ? "First divergence at " : "")
                    .append(r.detail())
                    .append("\n\n");
            md.append("Replay (same cycle, same values): `").append(r.replay()).append("`\n\n");
            if (!r.lastCommands().isEmpty()) {
                md.append("Last commands before it:\n\n```\n");
                r.lastCommands().forEach(l -> md.append(l).append('\n'));
                md.append("```\n\n");
            }
            links(md, "Waveforms of the window before it", r.waves(), " (open the `.gtkw` files with `gtkwave`)");
            links(md, "Worker log and crash report", r.logs(), "");
        }
        List<SeedResult> notRun =
                s.seeds().stream().filter(r -> r.status() == SeedStatus.NOT_RUN).toList();
        if (!notRun.isEmpty()) {
            md.append("## Not run\n\n| seed | why |\n|---|---|\n");
            notRun.forEach(r -> md.append("| ")
                    .append(r.seed())
                    .append(" | ")
                    .append(r.detail())
                    .append(" |\n"));
            md.append('\n');
        }

        md.append("## Coverage\n\n| coverpoint | bins hit | holes |\n|---|---|---|\n");
        for (String point : c.points().keySet()) {
            List<String> holes = c.holes(point);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d / %d | %s |%n",
                    point,
                    c.hit(point),
                    c.points().get(point).size(),
                    holes.isEmpty() ? "none" : abbreviate(holes, 8)));
        }
        md.append('\n');
        opStatusTable(md, c);
        dpTable(md, c, s.cols());
        for (String point : c.points().keySet()) {
            if (point.equals(CoverageModel.OP_STATUS) || point.equals(CoverageModel.DP)) {
                continue;
            }
            md.append("### ").append(point).append("\n\n| bin | hits |\n|---|---|\n");
            c.points()
                    .get(point)
                    .forEach((bin, n) -> md.append("| ")
                            .append(bin)
                            .append(" | ")
                            .append(n == 0 ? "**0 (hole)**" : String.format(Locale.ROOT, "%,d", n))
                            .append(" |\n"));
            md.append('\n');
        }

        if (s.codeCoverage() != null) {
            codeCoverage(md, s.codeCoverage());
        }

        md.append("## Slowest seeds\n\n| seed | seconds | cycles/s |\n|---|---|---|\n");
        s.seeds().stream()
                .filter(r -> r.seconds() > 0)
                .sorted(Comparator.comparingDouble(SeedResult::seconds).reversed())
                .limit(SLOWEST)
                .forEach(r -> md.append(String.format(
                        Locale.ROOT, "| %d | %.2f | %,.0f |%n", r.seed(), r.seconds(), r.cycles() / r.seconds())));
        md.append(
                "\n## Every seed\n\n| seed | result | cycles | commands | resets | seconds |\n|---|---|---|---|---|---|\n");
        for (SeedResult r : s.seeds()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %,d | %,d | %d | %.2f |%n",
                    r.seed(),
                    r.status().id(),
                    r.cycles(),
                    r.commands(),
                    r.resets(),
                    r.seconds()));
        }
        return md.toString();
    }

    private static void links(StringBuilder md, String title, List<String> files, String note) {
        if (files.isEmpty()) {
            return;
        }
        files.stream()
                .filter(f -> f.endsWith(".svg"))
                .forEach(f -> md.append("![waveforms of the last edges before it](")
                        .append(f)
                        .append(")\n\n"));
        md.append(title).append(": ");
        md.append(String.join(
                ", ",
                files.stream()
                        .map(w -> "[" + Path.of(w).getFileName() + "](" + w + ")")
                        .toList()));
        md.append(note).append("\n\n");
    }

    /** Per-block line and toggle coverage and every point never hit. */
    private static void codeCoverage(StringBuilder md, CodeCoverage.Summary cc) {
        md.append("## RTL code coverage\n\n");
        md.append(cc.html() == null ? "" : "HTML report: [" + cc.html() + "](" + cc.html() + "); ");
        md.append("merged coverage file: `").append(cc.data()).append("`.\n\n");
        md.append("| block | lines | toggles |\n|---|---|---|\n");
        for (CodeCoverage.Block b : cc.blocks()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d / %d (%.1f %%) | %d / %d (%.1f %%) |%n",
                    b.block(),
                    b.lineHit(),
                    b.lineTotal(),
                    b.linePercent(),
                    b.toggleHit(),
                    b.toggleTotal(),
                    b.togglePercent()));
        }
        md.append(String.format(
                Locale.ROOT,
                "| **all** | %d / %d (%.1f %%) | %d / %d (%.1f %%) |%n%n",
                cc.lineHit(),
                cc.lineTotal(),
                cc.linePercent(),
                cc.toggleHit(),
                cc.toggleTotal(),
                cc.togglePercent()));
        List<String> holes = cc.uncovered();
        md.append("### Points never hit (").append(holes.size()).append(")\n\n");
        if (holes.isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("```\n");
            holes.forEach(h -> md.append(h).append('\n'));
            md.append("```\n\n");
        }
    }

    /** Op rows by status columns; a dash for a pair SPEC 5 rules out. */
    private static void opStatusTable(StringBuilder md, Coverage c) {
        Map<String, Long> bins = c.points().get(CoverageModel.OP_STATUS);
        List<String> statuses = List.of("OK", "CELL_FAIL", "BAD_CMD", "OVERFLOW");
        md.append("### ").append(CoverageModel.OP_STATUS).append(" (responses; - : not a legal pair)\n\n| op |");
        statuses.forEach(st -> md.append(' ').append(st).append(" |"));
        md.append("\n|---|").append("---|".repeat(statuses.size())).append('\n');
        List<String> ops = new ArrayList<>();
        bins.keySet().forEach(k -> {
            String op = k.substring(0, k.indexOf(" / "));
            if (!ops.contains(op)) {
                ops.add(op);
            }
        });
        for (String op : ops) {
            md.append("| ").append(op).append(" |");
            for (String st : statuses) {
                Long n = bins.get(op + " / " + st);
                md.append(' ')
                        .append(n == null ? "-" : n == 0 ? "**0**" : String.format(Locale.ROOT, "%,d", n))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Columns by dot-product bins, hits per cell; a bold 0 is a hole. */
    private static void dpTable(StringBuilder md, Coverage c, int cols) {
        Map<String, Long> bins = c.points().get(CoverageModel.DP);
        List<String> names = new ArrayList<>(bins.keySet());
        int perCol = names.size() / cols;
        md.append("### ").append(CoverageModel.DP).append(" (READ_RESULT values per column)\n\n| column |");
        for (int b = 0; b < perCol; b++) {
            String n = names.get(b);
            md.append(' ').append(n.substring(n.indexOf('['))).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(perCol)).append('\n');
        for (int j = 0; j < cols; j++) {
            md.append("| ").append(j).append(" |");
            for (int b = 0; b < perCol; b++) {
                long n = bins.get(names.get(j * perCol + b));
                md.append(' ').append(n == 0 ? "**0**" : Long.toString(n)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /**
     * JUnit XML through the JDK's StAX writer: one test case per seed with the seed as a property;
     * FAIL is a {@code <failure>}, CRASHED and TIMEOUT an {@code <error>}, a seed stopped by the
     * user {@code <skipped>}, and a seed whose run never finished (or whose shard is missing) an
     * {@code <error>}, so that a dashboard never shows such a run green.
     */
    static String junit(RegressionSummary s) {
        String suite = "mramcim.regress." + s.preset().replace(':', '_');
        double time = s.seeds().stream().mapToDouble(SeedResult::seconds).sum();
        long failures =
                s.seeds().stream().filter(r -> r.status() == SeedStatus.FAIL).count();
        long skipped =
                s.seeds().stream().filter(r -> r.cause() == Cause.STOPPED).count();
        long errors = s.seeds().size() - s.passed() - failures - skipped;
        failures += s.directed().stream().filter(DirectedResult::failed).count();
        skipped += s.directed().stream().filter(d -> d.result() == null).count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute(
                    "tests", Integer.toString(s.seeds().size() + s.directed().size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", Long.toString(errors));
            x.writeAttribute("skipped", Long.toString(skipped));
            x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", time));
            x.writeCharacters("\n  ");
            x.writeStartElement("properties");
            property(x, "verdict", s.verdict().id(), "    ");
            property(x, "netlist", s.netlist(), "    ");
            property(x, "shard", s.shard(), "    ");
            x.writeCharacters("\n  ");
            x.writeEndElement();
            for (DirectedResult d : s.directed()) {
                directedCase(x, suite, d);
            }
            for (SeedResult r : s.seeds()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", suite);
                x.writeAttribute("name", "seed " + r.seed());
                x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", r.seconds()));
                x.writeCharacters("\n    ");
                x.writeStartElement("properties");
                property(x, "seed", Long.toString(r.seed()), "      ");
                x.writeCharacters("\n    ");
                x.writeEndElement();
                if (r.status() != SeedStatus.PASS) {
                    String element = r.status() == SeedStatus.FAIL
                            ? "failure"
                            : r.cause() == Cause.STOPPED ? "skipped" : "error";
                    x.writeCharacters("\n    ");
                    x.writeStartElement(element);
                    x.writeAttribute("message", xmlSafe("seed " + r.seed() + ": " + r.detail()));
                    x.writeAttribute("type", r.cause().id());
                    if (r.replay() != null) {
                        x.writeCharacters(
                                xmlSafe("replay: " + r.replay() + "\n" + String.join("\n", r.lastCommands())));
                    }
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    /**
     * One directed trace as a test case named after it (class {@code SUITE.directed}): a trace that
     * failed is a {@code <failure>}, one of another design {@code <skipped>}.
     */
    private static void directedCase(XMLStreamWriter x, String suite, DirectedResult d) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite + ".directed");
        x.writeAttribute("name", xmlSafe("trace " + d.name()));
        x.writeAttribute(
                "time",
                String.format(
                        Locale.ROOT,
                        "%.3f",
                        d.result() == null ? 0.0 : d.result().seconds()));
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        property(x, "trace", d.file(), "      ");
        x.writeCharacters("\n    ");
        x.writeEndElement();
        if (d.result() == null) {
            x.writeCharacters("\n    ");
            x.writeStartElement("skipped");
            x.writeAttribute("message", xmlSafe(d.skipped()));
            x.writeEndElement();
        } else if (d.result().status() != SeedStatus.PASS) {
            SeedResult r = d.result();
            x.writeCharacters("\n    ");
            x.writeStartElement(r.status() == SeedStatus.FAIL ? "failure" : "error");
            x.writeAttribute("message", xmlSafe("trace " + d.name() + ": " + r.detail()));
            x.writeAttribute("type", r.cause().id());
            if (r.replay() != null) {
                x.writeCharacters(xmlSafe("replay: " + r.replay() + "\n" + String.join("\n", r.lastCommands())));
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value, String indent)
            throws XMLStreamException {
        x.writeCharacters("\n" + indent);
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", xmlSafe(value));
    }

    /**
     * Characters XML 1.0 cannot carry (controls but tab and line ends, as a file name may hold)
     * become '?'.
     */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints()
                .forEach(c -> b.appendCodePoint(
                        c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '?' : c));
        return b.toString();
    }
}
