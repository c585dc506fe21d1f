package mramcim.verification.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mramcim.cli.CliRun;
import mramcim.verification.regression.RegressionReport;
import mramcim.verification.regression.RegressionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTL code coverage ({@code --code-coverage}): per-seed Verilator coverage files merged across
 * seeds and across shards to the same point counts, the lcov .info and HTML report produced, and
 * the figures true to what the RTL can and cannot do.
 */
class CodeCoverageTest {

    @TempDir
    static Path tmp;

    static final String[] RUN = {
        "regress",
        "--preset",
        "small:8x8",
        "--seeds",
        "4",
        "--cycles",
        "30000",
        "--jobs",
        "2",
        "--code-coverage",
        "--no-progress"
    };

    static RegressionSummary whole;

    static CliRun regress(String out, String... extra) {
        String[] args = new String[RUN.length + extra.length + 2];
        System.arraycopy(RUN, 0, args, 0, RUN.length);
        System.arraycopy(extra, 0, args, RUN.length, extra.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = tmp.resolve(out).toString();
        return CliRun.of(args);
    }

    @BeforeAll
    static void runUnsharded() {
        CliRun r = regress("whole");
        assertEquals(0, r.code(), r.out() + r.err());
        whole = RegressionReport.read(tmp.resolve("whole/summary.json"));
    }

    /** Every point of a coverage file with its count, keyed by what it is and where. */
    static Map<String, Long> points(Path dat) {
        Map<String, Long> m = new TreeMap<>();
        CodeCoverage.read(dat)
                .forEach(p ->
                        m.merge(p.type() + " " + p.block() + " " + p.line() + " " + p.what(), p.count(), Long::sum));
        return m;
    }

    @Test
    void twoShardsMergedGiveTheSameCountsAsTheUnshardedRun() {
        assertEquals(0, regress("s1", "--shard", "1/2").code());
        assertEquals(0, regress("s2", "--shard", "2/2").code());
        CliRun m = CliRun.of(
                "merge",
                tmp.resolve("s1").toString(),
                tmp.resolve("s2").toString(),
                "--out",
                tmp.resolve("merged").toString());
        assertEquals(0, m.code(), m.out() + m.err());
        RegressionSummary merged = RegressionReport.read(tmp.resolve("merged/summary.json"));
        CodeCoverage.Summary a = whole.codeCoverage();
        CodeCoverage.Summary b = merged.codeCoverage();
        assertEquals(
                a.lineHit() + "/" + a.lineTotal() + " " + a.toggleHit() + "/" + a.toggleTotal(),
                b.lineHit() + "/" + b.lineTotal() + " " + b.toggleHit() + "/" + b.toggleTotal());
        assertEquals(
                points(tmp.resolve("whole").resolve(CodeCoverageFiles.DATA)),
                points(tmp.resolve("merged").resolve(CodeCoverageFiles.DATA)),
                "every point's count, summed over the shards");
        assertTrue(
                Files.isRegularFile(tmp.resolve("merged").resolve(b.html())), "the merge writes its HTML report too");
    }

    @Test
    void theReportHasPerBlockFiguresTheHtmlAndTheHolesWhereTheRtlCannotGo() throws Exception {
        CodeCoverage.Summary c = whole.codeCoverage();
        assertTrue(Files.isRegularFile(tmp.resolve("whole").resolve(c.html())), "genhtml wrote " + c.html());
        assertTrue(
                Files.readString(tmp.resolve("whole/code-coverage/coverage.info"))
                        .contains("DA:"),
                "an lcov .info");
        assertEquals(
                java.util.Set.of("MramCimMacro", "conv", "ctrl", "host", "inputs", "offsets", "regs", "tdc", "wvs"),
                new java.util.HashSet<>(
                        c.blocks().stream().map(CodeCoverage.Block::block).toList()),
                "one row per block");
        assertEquals(
                c.lineTotal(),
                c.blocks().stream().mapToInt(CodeCoverage.Block::lineTotal).sum());
        // The host handshake toggles in every run.
        assertFalse(
                c.uncovered().stream().anyMatch(h -> h.contains("cmd_valid") || h.contains("io_cmdValid")),
                c.uncovered().toString());
        String md = Files.readString(tmp.resolve("whole/report.md"));
        assertTrue(
                md.contains("## RTL code coverage") && md.contains("| tdc |") && md.contains("### Points never hit"),
                md);
    }

    /**
     * A line and a register that no stimulus reaches, planted in a copy of the netlist: the report
     * must list both as holes, with their lines, and nothing the copy shares with the original that
     * the original run hit.
     */
    @Test
    void aPlantedUnreachableBranchIsListedAsAHoleWithItsLine() throws Exception {
        String sv = mramcim.rtl.Generator.emit("MramCimMacro", 8, 8);
        int end = sv.lastIndexOf("endmodule");
        // An unknown op with one 80-bit address and data pattern: the random host's odds are 2^-80
        // a command.
        String planted = "  reg planted_never;\n  always @(posedge clock)\n"
                + "    if (cmd_valid && cmd_op == 4'hF && cmd_addr == 16'hBEEF && cmd_data == 64'h0123456789ABCDEF)\n"
                + "      planted_never <= ~planted_never;\n";
        String text = sv.substring(0, end) + planted + sv.substring(end);
        Path file = tmp.resolve("planted.sv");
        Files.writeString(file, text);
        int first = (int) sv.substring(0, end).lines().count() + 1;
        int last = first + (int) planted.lines().count() - 1;
        CliRun r = regress("planted", "--verilog", file.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        CodeCoverage.Summary c =
                RegressionReport.read(tmp.resolve("planted/summary.json")).codeCoverage();
        // The same seeds hit the same points of the shared lines (same line numbers: the plant is
        // at the end).
        // The build names the first netlist file MramCimMacro.sv (its copy is in
        // code-coverage/src).
        java.util.Set<String> before =
                new java.util.HashSet<>(whole.codeCoverage().uncovered());
        List<String> extra =
                c.uncovered().stream().filter(h -> !before.contains(h)).toList();
        java.util.regex.Pattern at = java.util.regex.Pattern.compile("MramCimMacro\\.sv:(\\d+) ");
        for (String h : extra) {
            java.util.regex.Matcher m = at.matcher(h);
            assertTrue(
                    m.find() && Integer.parseInt(m.group(1)) >= first && Integer.parseInt(m.group(1)) <= last,
                    "a new hole is in the planted lines " + first + ".." + last + ": " + h);
        }
        assertTrue(extra.stream().anyMatch(h -> h.startsWith("line ")), "the planted branch is a line hole: " + extra);
        assertTrue(
                extra.stream().anyMatch(h -> h.startsWith("toggle ") && h.endsWith("planted_never")),
                "the planted register is a toggle hole: " + extra);
    }
}
