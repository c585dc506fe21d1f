package mramcim.verification.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * RTL code coverage of a Verilated coverage build ({@code --coverage-line --coverage-toggle
 * --coverage-user}): the points of Verilator's coverage files, merged with {@code
 * verilator_coverage}, turned into lcov {@code .info} and an HTML report with Debian's {@code
 * genhtml}, and summarised per block (line and toggle, hit / total) with the list of every point
 * never hit.
 *
 * <p>A Verilator coverage file holds one point per line: {@code C '<fields>' <count>}, the fields a
 * sequence of {@code \001 key \002 value}; among the keys {@code f} (file), {@code l} (line),
 * {@code page} ({@code v_line/Module}, {@code v_toggle/Module}, {@code v_user/Module}), {@code o}
 * (the point's comment: a signal and bit for a toggle point, a block kind for a line point) and
 * {@code h} (the instance, {@code TOP.MramCimMacro.tdc}).
 */
public final class CodeCoverage {

    /** One coverage point. */
    public record Point(String type, String block, String file, int line, String what, long count) {
        /** One line for a person: where and what. */
        public String describe() {
            return type + " " + block + " " + file + ":" + line + " " + what;
        }
    }

    /**
     * The figures of one block (an instance below the top, or the top itself).
     *
     * @param uncovered the points never hit, described
     */
    public record Block(
            String block, int lineHit, int lineTotal, int toggleHit, int toggleTotal, List<String> uncovered) {
        public double linePercent() {
            return lineTotal == 0 ? 100 : 100.0 * lineHit / lineTotal;
        }

        public double togglePercent() {
            return toggleTotal == 0 ? 100 : 100.0 * toggleHit / toggleTotal;
        }
    }

    /**
     * A whole coverage file in summary: per block and in total.
     *
     * @param data the merged coverage file, relative to the output directory
     * @param html the HTML report's index, relative to the output directory, or null when genhtml
     *     is not installed
     */
    public record Summary(
            String data, String html, int lineHit, int lineTotal, int toggleHit, int toggleTotal, List<Block> blocks) {
        public double linePercent() {
            return lineTotal == 0 ? 100 : 100.0 * lineHit / lineTotal;
        }

        public double togglePercent() {
            return toggleTotal == 0 ? 100 : 100.0 * toggleHit / toggleTotal;
        }

        /** Every point never hit, described. */
        public List<String> uncovered() {
            return blocks.stream().flatMap(b -> b.uncovered().stream()).toList();
        }

        /** One line: line and toggle coverage. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "RTL code coverage: lines %d of %d (%.1f %%), toggles %d of %d (%.1f %%)",
                    lineHit,
                    lineTotal,
                    linePercent(),
                    toggleHit,
                    toggleTotal,
                    togglePercent());
        }
    }

    private CodeCoverage() {}

    /** Reads the points of a Verilator coverage file. */
    public static List<Point> read(Path dat) {
        List<Point> points = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(dat, StandardCharsets.ISO_8859_1)) {
                if (!l.startsWith("C '")) {
                    continue;
                }
                int end = l.lastIndexOf('\'');
                Map<String, String> f = fields(l.substring(3, end));
                long count = Long.parseLong(l.substring(end + 1).trim());
                String page = f.getOrDefault("page", "");
                String type = page.startsWith("v_toggle") ? "toggle" : page.startsWith("v_user") ? "user" : "line";
                String block = f.getOrDefault("h", "");
                points.add(new Point(
                        type,
                        block,
                        f.getOrDefault("f", ""),
                        Integer.parseInt(f.getOrDefault("l", "0")),
                        f.getOrDefault("o", ""),
                        count));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read coverage file " + dat, e);
        }
        return points;
    }

    private static Map<String, String> fields(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : s.split("\u0001")) {
            int sep = kv.indexOf('\u0002');
            if (sep > 0) {
                m.put(kv.substring(0, sep), kv.substring(sep + 1));
            }
        }
        return m;
    }

    /**
     * Per-block figures of {@code dat}; {@code top} is the hierarchy prefix of the macro's instance
     * (TOP.MramCimMacro), whose direct children are the blocks.
     */
    public static Summary summarize(Path dat, String data, String html, String top) {
        Map<String, List<Point>> byBlock = new TreeMap<>();
        for (Point p : read(dat)) {
            if (p.type().equals("user")) {
                continue;
            }
            byBlock.computeIfAbsent(blockOf(p.block(), top), k -> new ArrayList<>())
                    .add(p);
        }
        List<Block> blocks = new ArrayList<>();
        int lh = 0;
        int lt = 0;
        int th = 0;
        int tt = 0;
        for (Map.Entry<String, List<Point>> e : byBlock.entrySet()) {
            int blh = 0;
            int blt = 0;
            int bth = 0;
            int btt = 0;
            List<String> holes = new ArrayList<>();
            for (Point p : e.getValue()) {
                boolean hit = p.count() > 0;
                if (p.type().equals("line")) {
                    blt++;
                    blh += hit ? 1 : 0;
                } else {
                    btt++;
                    bth += hit ? 1 : 0;
                }
                if (!hit) {
                    holes.add(p.describe());
                }
            }
            blocks.add(new Block(e.getKey(), blh, blt, bth, btt, holes));
            lh += blh;
            lt += blt;
            th += bth;
            tt += btt;
        }
        return new Summary(data, html, lh, lt, th, tt, blocks);
    }

    /** "tdc" for TOP.MramCimMacro.tdc.counter, the top's own name for its own points. */
    static String blockOf(String hierarchy, String top) {
        if (!hierarchy.startsWith(top)) {
            return hierarchy;
        }
        String rest = hierarchy.substring(top.length());
        if (rest.isEmpty()) {
            return top.substring(top.lastIndexOf('.') + 1);
        }
        rest = rest.startsWith(".") ? rest.substring(1) : rest;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Merges coverage files into one ({@code verilator_coverage --write}). */
    public static void merge(List<Path> inputs, Path out) {
        List<String> cmd = new ArrayList<>(List.of("verilator_coverage", "--write", out.toString()));
        inputs.forEach(p -> cmd.add(p.toString()));
        run(cmd, out.getParent(), "verilator_coverage");
    }

    /** Writes lcov's .info of a coverage file ({@code verilator_coverage --write-info}). */
    public static void info(Path dat, Path info) {
        run(
                List.of("verilator_coverage", "--write-info", info.toString(), dat.toString()),
                info.getParent(),
                "verilator_coverage");
    }

    /**
     * Writes the HTML report of an .info file with genhtml; the sources the .info names are looked
     * up in {@code sources}. Returns false when genhtml is not installed.
     */
    public static boolean html(Path info, Path sources, Path htmlDir) {
        try {
            new ProcessBuilder("genhtml", "--version")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        run(
                List.of(
                        "genhtml",
                        "--quiet",
                        "--output-directory",
                        htmlDir.toAbsolutePath().toString(),
                        "--title",
                        "mramcim RTL code coverage",
                        info.toAbsolutePath().toString()),
                sources,
                "genhtml");
        return true;
    }

    private static void run(List<String> cmd, Path dir, String tool) {
        try {
            Path log = Files.createTempFile("mramcim-" + tool, ".log");
            try {
                Process p = new ProcessBuilder(cmd)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException(tool
                            + " failed running "
                            + String.join(" ", cmd)
                            + ":\n"
                            + Files.readString(log, StandardCharsets.ISO_8859_1));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    tool + " cannot be run (" + e.getMessage() + "): scripts/setup installs it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(tool + " interrupted", e);
        }
    }
}
