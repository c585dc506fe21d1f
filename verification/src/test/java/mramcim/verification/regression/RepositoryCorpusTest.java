package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.verification.trace.Corpus;
import mramcim.verification.trace.TraceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus in the repository ({@value Corpus#DEFAULT_DIR}), which {@code regress} replays before
 * its seeds: every trace passes on the generated RTL, is named after a bug of {@link MutationBugs},
 * and the offset-sign trace still fails on that bug, on the pin its comment names.
 */
class RepositoryCorpusTest {

    /** The corpus, from this module's directory. */
    static final Path CORPUS = Path.of("src/test/resources/traces");

    @TempDir
    Path tmp;

    /** The traces docs/timing.md's pictures are drawn from (scripts/timing-pictures). */
    static final Path TIMING_TRACES = Path.of("../docs/timing");

    @Test
    void theTimingPicturesTracesPassOnTheGeneratedRtl() throws Exception {
        List<Path> traces = Corpus.traces(TIMING_TRACES);
        assertEquals(2, traces.size(), "the COMPUTE and four-pulse write traces: " + traces);
        for (Path f : traces) {
            CosimRun.Options o = CosimRun.ofTrace(TraceFile.read(f), List.of(), Map.of(), Engine.CYCLE);
            CosimRun.Result r = CosimRun.run(o, CosimRun.library(o, System.out::println), null);
            assertTrue(r.passed(), f + ": the picture says RTL = model on every edge: " + CosimRun.describe(o, r));
            Path svg = TIMING_TRACES.resolve(SeedJob.traceName(f) + ".svg");
            assertTrue(Files.isRegularFile(svg), svg + " is drawn (scripts/timing-pictures)");
        }
    }

    @Test
    void everyRepositoryTracePassesOnTheGeneratedRtlAndOneFailsOnItsBug() throws Exception {
        List<Path> traces = Corpus.traces(CORPUS);
        assertEquals(MutationBugs.BUGS.size(), traces.size(), "one shrunk trace per bug: " + traces);
        NativeBuild generated = null;
        for (Path f : traces) {
            TraceFile t = TraceFile.read(f);
            String name = SeedJob.traceName(f);
            assertTrue(MutationBugs.BUGS.stream().anyMatch(b -> b.name().equals(name)), name + " is a bug's name");
            CosimRun.Options o = CosimRun.ofTrace(t, List.of(), Map.of(), Engine.BATCHED);
            if (generated == null) {
                generated = CosimRun.library(o, System.out::println);
            }
            CosimRun.Result r = CosimRun.run(o, generated, null);
            assertTrue(r.passed(), name + " passes on the generated RTL: " + CosimRun.describe(o, r));
            assertTrue(t.trace().commands() <= 10, name + ": " + t.trace().commands() + " commands");
        }
        MutationBugs.Bug bug = MutationBugs.BUGS.stream()
                .filter(b -> b.name().equals("offset-sign"))
                .findFirst()
                .orElseThrow();
        Path file = CORPUS.resolve("offset-sign" + Corpus.SUFFIX);
        TraceFile t = TraceFile.read(file);
        var design = CosimRun.traceDesign(t.trace());
        Path mutant = bug.write(tmp, design.rows(), design.cols());
        CosimRun.Options o = CosimRun.ofTrace(t, List.of(mutant), Map.of(), Engine.BATCHED);
        CosimRun.Result r = CosimRun.run(o, CosimRun.library(o, System.out::println), null);
        assertFalse(r.passed(), "offset-sign fails on its bug");
        String comment = Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("# fails there at "))
                .findFirst()
                .orElseThrow();
        assertTrue(
                comment.contains(r.first().summary()),
                comment + " vs " + r.first().summary());
    }
}
