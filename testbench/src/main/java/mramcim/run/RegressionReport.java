package mramcim.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mramcim.coverage.Coverage;
import mramcim.coverage.CoverageModel;

/**
 * The files of a regression: {@code summary.json} (everything, and what {@code mramcim merge}
 * reads back), {@code junit.xml} (one test case per seed, for CI dashboards) and {@code report.md}
 * (for a person: verdict, failures with their replay commands and waveforms, coverage and its holes,
 * the slowest seeds).
 */
public final class RegressionReport {

    /** Slowest seeds listed in the report. */
    public static final int SLOWEST = 5;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegressionReport() {
    }

    /** Writes the three files into {@code out}; returns their paths. */
    public static List<Path> write(RegressionSummary s, Path out) throws IOException {
        Files.createDirectories(out);
        Path json = out.resolve("summary.json");
        Path junit = out.resolve("junit.xml");
        Path md = out.resolve("report.md");
        JSON.writeValue(json.toFile(), s);
        Files.writeString(junit, junit(s));
        Files.writeString(md, markdown(s));
        return List.of(md, json, junit);
    }

    /** Reads a {@code summary.json}, refusing a file that is not one with the reason. */
    public static RegressionSummary read(Path summaryJson) {
        try {
            RegressionSummary s = JSON.readValue(summaryJson.toFile(), RegressionSummary.class);
            if (s.seeds() == null || s.coverage() == null || s.preset() == null) {
                throw new IllegalArgumentException(summaryJson + " is not a regression summary: seeds, coverage or preset missing");
            }
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException(summaryJson + " is not a readable regression summary: " + e.getMessage(), e);
        }
    }

    /**
     * Joins the summaries of shards of one regression: same preset, size, cycles per seed and
     * netlist, disjoint seeds. Totals are recounted from the seeds and coverage counts added.
     */
    public static RegressionSummary merge(List<RegressionSummary> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("merge: no summaries given");
        }
        RegressionSummary a = parts.get(0);
        List<RegressionSummary.SeedResult> seeds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Coverage total = Coverage.of(a.coverage()).copy();
        double wall = 0;
        boolean interrupted = false;
        for (int k = 0; k < parts.size(); k++) {
            RegressionSummary p = parts.get(k);
            if (!p.preset().equals(a.preset()) || p.rows() != a.rows() || p.cols() != a.cols()
                    || p.cyclesPerSeed() != a.cyclesPerSeed() || !p.netlist().equals(a.netlist())) {
                throw new IllegalArgumentException("merge: part " + (k + 1) + " ran " + describe(p) + " but part 1 ran "
                        + describe(a) + ": only shards of one regression can be merged");
            }
            for (RegressionSummary.SeedResult r : p.seeds()) {
                if (!seen.add(r.seed())) {
                    throw new IllegalArgumentException("merge: seed " + r.seed() + " appears in more than one part");
                }
                seeds.add(r);
            }
            if (k > 0) {
                total.merge(Coverage.of(p.coverage()));
            }
            wall = Math.max(wall, p.wallSeconds());
            interrupted |= p.interrupted();
        }
        seeds.sort(Comparator.comparingLong(RegressionSummary.SeedResult::seed));
        return RegressionSummary.build(a.preset(), a.rows(), a.cols(), a.cyclesPerSeed(), a.netlist(), "merged of " + parts.size(),
                parts.stream().mapToInt(RegressionSummary::jobs).sum(), interrupted, wall, seeds, total);
    }

    private static String describe(RegressionSummary s) {
        return s.preset() + " " + s.rows() + "x" + s.cols() + ", " + s.cyclesPerSeed() + " cycles per seed, netlist " + s.netlist();
    }

    /** The few lines printed at the end of a run. */
    public static List<String> console(RegressionSummary s) {
        List<String> lines = new ArrayList<>();
        Coverage c = s.totalCoverage();
        lines.add(String.format(Locale.ROOT, "%s: %s %dx%d, %d seeds x %,d cycles: %d passed, %d failed%s; %,d cycles in %.1f s",
                verdict(s), s.preset(), s.rows(), s.cols(), s.seeds().size(), s.cyclesPerSeed(), s.passed(), s.failed(),
                s.notRun() > 0 ? ", " + s.notRun() + " not run (stopped)" : "", s.cycles(), s.wallSeconds()));
        lines.add(String.format(Locale.ROOT, "coverage: %d of %d bins (%.1f %%)", c.hit(), c.bins(), 100.0 * c.hit() / c.bins()));
        for (String point : c.points().keySet()) {
            List<String> holes = c.holes(point);
            if (!holes.isEmpty()) {
                lines.add("  holes in " + point + ": " + abbreviate(holes, 6));
            }
        }
        for (RegressionSummary.SeedResult r : s.seeds()) {
            if (r.failed()) {
                lines.add("FAIL seed " + r.seed() + ": " + r.divergence());
                lines.add("  replay: " + r.replay());
            }
        }
        return lines;
    }

    private static String verdict(RegressionSummary s) {
        return s.failed() > 0 ? "FAIL" : s.notRun() > 0 ? "INCOMPLETE" : "PASS";
    }

    private static String abbreviate(List<String> items, int max) {
        return items.size() <= max ? String.join(", ", items)
                : String.join(", ", items.subList(0, max)) + " ... (" + items.size() + " in all)";
    }

    static String markdown(RegressionSummary s) {
        StringBuilder md = new StringBuilder();
        Coverage c = s.totalCoverage();
        md.append("# Regression ").append(verdict(s)).append(": ").append(s.preset()).append(' ').append(s.rows()).append('x')
                .append(s.cols()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| verdict | **%s** |%n", verdict(s)));
        md.append(String.format(Locale.ROOT, "| seeds | %d passed, %d failed, %d not run, of %d |%n", s.passed(), s.failed(),
                s.notRun(), s.seeds().size()));
        md.append(String.format(Locale.ROOT, "| cycles | %,d (%,d per seed) |%n", s.cycles(), s.cyclesPerSeed()));
        md.append(String.format(Locale.ROOT, "| coverage | %d of %d bins (%.1f %%) |%n", c.hit(), c.bins(), 100.0 * c.hit() / c.bins()));
        md.append(String.format(Locale.ROOT, "| wall time | %.1f s on %d workers (shard %s) |%n", s.wallSeconds(), s.jobs(), s.shard()));
        md.append("| netlist | ").append(s.netlist()).append(" |\n\n");

        md.append("## Failures\n\n");
        List<RegressionSummary.SeedResult> failed = s.seeds().stream().filter(RegressionSummary.SeedResult::failed).toList();
        if (failed.isEmpty()) {
            md.append("None: both sides agreed on every pin of every cycle of every seed that ran.\n\n");
        }
        for (RegressionSummary.SeedResult r : failed) {
            md.append("### seed ").append(r.seed()).append("\n\n");
            md.append("First divergence at ").append(r.divergence()).append("\n\n");
            md.append("Replay (same cycle, same values): `").append(r.replay()).append("`\n\n");
            md.append("Last commands before it:\n\n```\n");
            r.lastCommands().forEach(l -> md.append(l).append('\n'));
            md.append("```\n\n");
            if (!r.waves().isEmpty()) {
                md.append("Waveforms of the window before it: ");
                md.append(String.join(", ", r.waves().stream().map(w -> "[" + Path.of(w).getFileName() + "](" + w + ")").toList()));
                md.append(" (open the `.gtkw` files with `gtkwave`)\n\n");
            }
        }

        md.append("## Coverage\n\n| coverpoint | bins hit | holes |\n|---|---|---|\n");
        for (String point : c.points().keySet()) {
            List<String> holes = c.holes(point);
            md.append(String.format(Locale.ROOT, "| %s | %d / %d | %s |%n", point, c.hit(point), c.points().get(point).size(),
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
            c.points().get(point).forEach((bin, n) -> md.append("| ").append(bin).append(" | ")
                    .append(n == 0 ? "**0 (hole)**" : String.format(Locale.ROOT, "%,d", n)).append(" |\n"));
            md.append('\n');
        }

        md.append("## Slowest seeds\n\n| seed | seconds | cycles/s |\n|---|---|---|\n");
        s.seeds().stream().filter(r -> r.seconds() > 0).sorted(Comparator.comparingDouble(RegressionSummary.SeedResult::seconds).reversed())
                .limit(SLOWEST).forEach(r -> md.append(String.format(Locale.ROOT, "| %d | %.2f | %,.0f |%n", r.seed(), r.seconds(),
                        r.cycles() / r.seconds())));
        md.append("\n## Every seed\n\n| seed | result | cycles | commands | resets | seconds |\n|---|---|---|---|---|---|\n");
        for (RegressionSummary.SeedResult r : s.seeds()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %d | %.2f |%n", r.seed(), r.status(), r.cycles(),
                    r.commands(), r.resets(), r.seconds()));
        }
        return md.toString();
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
                md.append(' ').append(n == null ? "-" : n == 0 ? "**0**" : String.format(Locale.ROOT, "%,d", n)).append(" |");
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

    static String junit(RegressionSummary s) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String suite = "mramcim.regress." + s.preset().replace(':', '_');
        double time = s.seeds().stream().mapToDouble(RegressionSummary.SeedResult::seconds).sum();
        x.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" errors=\"0\" time=\"%.3f\">%n",
                xml(suite), s.seeds().size(), s.failed(), s.notRun(), time));
        for (RegressionSummary.SeedResult r : s.seeds()) {
            x.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"seed %d\" time=\"%.3f\"", xml(suite), r.seed(), r.seconds()));
            if (r.failed()) {
                x.append(">\n    <failure message=\"").append(xml(r.divergence())).append("\">")
                        .append(xml("replay: " + r.replay() + "\n" + String.join("\n", r.lastCommands())))
                        .append("</failure>\n  </testcase>\n");
            } else if (r.status().equals("NOT_RUN")) {
                x.append(">\n    <skipped message=\"stopped before the seed completed\"/>\n  </testcase>\n");
            } else {
                x.append("/>\n");
            }
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
