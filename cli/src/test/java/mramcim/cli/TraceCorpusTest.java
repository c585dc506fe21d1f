package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mramcim.rtl.Generator;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, point 2, through the command line: a failing seed's recorded trace, shrunk and added
 * to the corpus, fails {@code regress} on its mutant as a named JUnit test case and passes on the
 * generated RTL; a trace of another design is skipped, a malformed one refused with its place.
 */
class TraceCorpusTest {

    static final String PRESET = "small:8x8";

    /** A rounding bug: the converter drops the rounding bit (toward zero instead of to nearest). */
    static final String ORIGINAL = "+ {26'h0, _magnitude_T_3[7]};";

    static final String MUTANT = "+ 27'h0;";

    @TempDir
    Path tmp;

    @Test
    void aShrunkFailureInTheCorpusFailsItsMutantAndPassesTheGeneratedRtl() throws Exception {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        assertTrue(sv.contains(ORIGINAL), "the generated Verilog still holds the line the bug edits");
        Path mutant = tmp.resolve("rounding.sv");
        Files.writeString(mutant, sv.replace(ORIGINAL, MUTANT), StandardCharsets.UTF_8);

        Path recorded = tmp.resolve("recorded.trace");
        int seed = 1;
        CliRun cosim;
        do {
            cosim = CliRun.of(
                    "cosim",
                    "--preset",
                    PRESET,
                    "--seed",
                    Integer.toString(seed),
                    "--cycles",
                    "80000",
                    "--verilog",
                    mutant.toString(),
                    "--wave",
                    "never",
                    "--record",
                    recorded.toString(),
                    "--out",
                    tmp.resolve("cosim").toString());
            seed++;
        } while (cosim.code() == 0 && seed <= 20);
        assertEquals(1, cosim.code(), "a seed fails on the mutant: " + cosim.out() + cosim.err());

        // the recorded trace fails alike when replayed
        CliRun replay = CliRun.of(
                "cosim",
                "--trace",
                recorded.toString(),
                "--verilog",
                mutant.toString(),
                "--wave",
                "never",
                "--out",
                tmp.resolve("replay").toString());
        assertEquals(1, replay.code());
        String first = cosim.out()
                .lines()
                .filter(l -> l.startsWith("first divergence"))
                .findFirst()
                .orElseThrow();
        assertTrue(replay.out().contains(first), "the trace replays the seed's first divergence: " + first);

        CliRun shrink = CliRun.of(
                "shrink",
                "--trace",
                recorded.toString(),
                "--verilog",
                mutant.toString(),
                "--same-pin",
                "--out",
                tmp.resolve("shrink").toString());
        assertEquals(0, shrink.code(), shrink.out() + shrink.err());
        Path minimal = tmp.resolve("shrink").resolve("minimal.trace");
        Trace m = TraceFormat.read(minimal);
        assertTrue(m.commands() <= 10, "shrunk to " + m.commands() + " commands");

        Path corpus = tmp.resolve("corpus");
        assertEquals(
                0,
                CliRun.of("corpus", "add", minimal.toString(), "--name", "rounding", "--corpus", corpus.toString())
                        .code());
        assertEquals(
                2,
                CliRun.of("corpus", "add", minimal.toString(), "--name", "rounding", "--corpus", corpus.toString())
                        .code(),
                "a name already taken is refused");
        // a trace of the 64x64 default: skipped on an 8x8 regression
        Files.writeString(
                corpus.resolve("other-design.trace"),
                Files.readString(minimal).replace("design=" + PRESET, "design=jung2022"));

        // one cycle per seed: the seed passes, and the corpus trace still runs to its end
        CliRun onMutant = regress(corpus, "1", tmp.resolve("r-mutant"), "--verilog", mutant.toString());
        assertEquals(1, onMutant.code(), onMutant.out());
        assertTrue(onMutant.out().contains("FAIL trace rounding: "), onMutant.out());
        assertTrue(onMutant.out().contains("1 passed, 0 failed"), "the one-cycle seed passes: " + onMutant.out());
        String junit = Files.readString(tmp.resolve("r-mutant").resolve("junit.xml"));
        assertTrue(junit.matches("(?s).*<testcase [^>]*name=\"trace rounding\"[^>]*>.*?<failure .*"), junit);
        assertTrue(junit.matches("(?s).*<testcase [^>]*name=\"trace other-design\"[^>]*>.*?<skipped .*"), junit);

        CliRun onGenerated = regress(corpus, "2000", tmp.resolve("r-generated"));
        assertEquals(0, onGenerated.code(), onGenerated.out());
        String junit2 = Files.readString(tmp.resolve("r-generated").resolve("junit.xml"));
        assertTrue(junit2.contains("name=\"trace rounding\""), junit2);
        assertFalse(junit2.contains("<failure"), junit2);
        assertTrue(onGenerated.out().contains("directed traces: 1 passed, 0 failed, 1 skipped"), onGenerated.out());
    }

    /** One seed of {@code cycles} cycles after the corpus's traces, into {@code out}. */
    static CliRun regress(Path corpus, String cycles, Path out, String... extra) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(
                "regress",
                "--preset",
                PRESET,
                "--seeds",
                "1",
                "--cycles",
                cycles,
                "--corpus",
                corpus.toString(),
                "--no-progress",
                "--out",
                out.toString()));
        a.addAll(java.util.List.of(extra));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void aMalformedTraceIsRefusedWithItsLineAndColumn() throws Exception {
        Path bad = tmp.resolve("corpus").resolve("bad.trace");
        Files.createDirectories(bad.getParent());
        Files.writeString(
                bad, "trace 1 seed=1 design=" + PRESET + "\n+0 WRITE_REG addr=0x2 data=0x40\n+x COMPUTE\nend +0\n");
        CliRun r = CliRun.of(
                "regress",
                "--preset",
                PRESET,
                "--seeds",
                "1",
                "--cycles",
                "100",
                "--corpus",
                bad.getParent().toString(),
                "--out",
                tmp.resolve("r").toString());
        assertEquals(2, r.code());
        assertTrue(r.firstErrorLine().contains("bad.trace:3:1: offset 'x' is not a number"), r.err());
        CliRun c = CliRun.of(
                "cosim", "--trace", bad.toString(), "--out", tmp.resolve("c").toString());
        assertEquals(2, c.code());
        assertTrue(c.firstErrorLine().contains("bad.trace:3:1:"), c.err());
        CliRun missing = CliRun.of("cosim", "--trace", tmp.resolve("none.trace").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.firstErrorLine().contains("--trace"), missing.err());
    }
}
