package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mramcim.cli.Main;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.rtl.Generator;
import mramcim.verification.coverage.Coverage;
import mramcim.verification.coverage.CoverageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short regression of {@code mvn verify} (small arrays, a few seeds) and the regression
 * runner's contracts: shards merge to the unsharded run, an incomplete set of shards merges to
 * INCOMPLETE, a failing seed's printed replay command reproduces its divergence, a stopped run
 * still writes its report.
 */
class RegressionTest {

    static final String PRESET = "small:8x8";
    static final MacroConfig CONFIG = MacroConfig.preset(PRESET);
    static final WorkerPool.Limits LIMITS = WorkerPool.Limits.defaults(1);

    @TempDir
    Path tmp;

    static Regression.Options options(Shard shard, long cycles, Path verilog) {
        return new Regression.Options(CONFIG, PRESET, shard.seeds(), cycles, 2, verilog, 300, shard, LIMITS);
    }

    static NativeBuild build(Regression.Options o) {
        return CosimRun.library(o.seed(o.seeds().get(0)), System.out::println);
    }

    /** Runs and writes a regression into {@code dir} as the command does. */
    static RegressionSummary runInto(Regression.Options o, NativeBuild b, Path dir) throws Exception {
        OutputDir out = OutputDir.claim(dir, "regress", RegressionReport.FILES, List.of());
        RegressionSummary s = Regression.run(o, b, out.path(), new AtomicBoolean(), n -> {});
        RegressionReport.write(s, out);
        return s;
    }

    @Test
    void shortRegressionPassesAndCoversEveryOpStatusPairAndDotProductBin() throws Exception {
        Regression.Options o = options(Shard.whole(1, 6), 150_000, null);
        AtomicLong progressed = new AtomicLong();
        OutputDir out = OutputDir.claim(tmp, "regress", RegressionReport.FILES, List.of());
        RegressionSummary s = Regression.run(o, build(o), tmp, new AtomicBoolean(), progressed::addAndGet);
        RegressionReport.write(s, out);
        RegressionReport.console(s).forEach(System.out::println);
        assertTrue(s.allPassed());
        assertEquals(Verdict.PASS, s.verdict());
        assertEquals(6 * 150_000L, s.cycles());
        assertEquals(s.cycles(), progressed.get(), "the progress bar sees every cycle once");
        Coverage c = s.totalCoverage();
        assertEquals(List.of(), c.holes(CoverageModel.OP_STATUS));
        assertEquals(List.of(), c.holes(CoverageModel.DP));
        String md = Files.readString(tmp.resolve("report.md"));
        assertTrue(md.startsWith("# Regression PASS: small:8x8 8x8"), md.substring(0, 60));
        String junit = Files.readString(tmp.resolve("junit.xml"));
        assertEquals(6, junit.split("<testcase ", -1).length - 1, "one test case per seed");
        assertTrue(junit.contains("failures=\"0\"") && junit.contains("errors=\"0\""), junit);
        assertTrue(junit.contains("<property name=\"seed\" value=\"4\""), "the seed is a property of its test case");
    }

    @Test
    void twoShardsMergedEqualTheUnshardedRun() throws Exception {
        long cycles = 40_000;
        Regression.Options whole = options(Shard.whole(11, 5), cycles, null);
        NativeBuild b = build(whole);
        RegressionSummary all = Regression.run(whole, b, tmp.resolve("all"), new AtomicBoolean(), n -> {});
        List<ShardMerge.Part> parts = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i <= 2; i++) {
            Shard shard = new Shard(11, 5, i, 2);
            shard.seeds().forEach(sd -> assertTrue(seen.add(sd), "seed " + sd + " in two shards"));
            Path dir = tmp.resolve("shard" + i);
            runInto(options(shard, cycles, null), b, dir);
            // through the file, as merge reads it
            parts.add(new ShardMerge.Part(dir, RegressionReport.read(dir.resolve("summary.json"))));
        }
        assertEquals(Set.of(11L, 12L, 13L, 14L, 15L), seen);
        RegressionSummary merged = ShardMerge.merge(parts);
        assertEquals(Verdict.PASS, merged.verdict());
        assertEquals(all.seedsRun(), merged.seedsRun());
        assertEquals(all.passed(), merged.passed());
        assertEquals(all.cycles(), merged.cycles());
        assertEquals(
                all.seeds().stream()
                        .map(r -> r.seed() + ":" + r.commands() + ":" + r.resets())
                        .toList(),
                merged.seeds().stream()
                        .map(r -> r.seed() + ":" + r.commands() + ":" + r.resets())
                        .toList());
        assertEquals(all.totalCoverage(), merged.totalCoverage(), "the same coverage counts, bin by bin");

        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class, () -> ShardMerge.merge(List.of(parts.get(0), parts.get(0))));
        assertTrue(twice.getMessage().contains("shard 1/2 is given twice"), twice.getMessage());

        // One shard alone: its seeds pass, but the other shard's are not run, so the merge is no
        // PASS.
        RegressionSummary half = ShardMerge.merge(List.of(parts.get(1)));
        assertEquals(Verdict.INCOMPLETE, half.verdict());
        assertEquals(3, half.notRun(), "shard 1/2's seeds 11, 13, 15 are missing");
        assertTrue(half.seeds().stream()
                .filter(r -> r.status() == SeedStatus.NOT_RUN)
                .allMatch(r -> r.cause() == Cause.MISSING_SHARD && r.detail().contains("shard 1/2 is missing")));
        assertEquals(1, half.verdict().exitCode());
    }

    @Test
    void shardsOfDifferentSplitsAreNotMerged() throws Exception {
        Regression.Options half = options(new Shard(1, 4, 1, 2), 5_000, null);
        NativeBuild b = build(half);
        runInto(half, b, tmp.resolve("a"));
        runInto(options(new Shard(1, 6, 2, 3), 5_000, null), b, tmp.resolve("b"));
        List<ShardMerge.Part> parts = List.of(
                new ShardMerge.Part(tmp.resolve("a"), RegressionReport.read(tmp.resolve("a/summary.json"))),
                new ShardMerge.Part(tmp.resolve("b"), RegressionReport.read(tmp.resolve("b/summary.json"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(parts));
        assertTrue(e.getMessage().contains("only shards of one regression can be merged"), e.getMessage());
    }

    @Test
    void aFailingSeedIsReportedWithAReplayThatReproducesIt() throws Exception {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        String original = "+ {{20{io_offset[7]}}, io_offset};";
        assertTrue(sv.contains(original));
        Path mutant = tmp.resolve("offset_sign.sv");
        Files.writeString(mutant, sv.replace(original, "- {{20{io_offset[7]}}, io_offset};"), StandardCharsets.UTF_8);
        Regression.Options o = options(Shard.whole(1, 3), 30_000, mutant);
        Path out = tmp.resolve("fail");
        RegressionSummary s = runInto(o, build(o), out);
        assertTrue(s.failed() > 0, "the mutant is caught");
        assertEquals(Verdict.FAIL, s.verdict());
        SeedResult f = s.seeds().stream().filter(SeedResult::failed).findFirst().orElseThrow();
        assertEquals(Cause.DIVERGENCE, f.cause());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("`" + f.replay() + "`"), "the report prints the replay command");
        assertTrue(md.contains("## Failures") && md.contains("### seed " + f.seed()));
        assertFalse(f.waves().isEmpty());
        f.waves().forEach(w -> assertTrue(Files.exists(out.resolve(w)), w));

        // Replay exactly as printed, through the command line.
        List<String> args = new ArrayList<>(
                List.of(f.replay().replaceFirst("^scripts/mramcim ", "").split(" ")));
        args.addAll(List.of("--wave", "never", "--out", tmp.resolve("replay").toString()));
        int rc = Main.commandLine().execute(args.toArray(String[]::new));
        assertEquals(1, rc, "the replay fails too");
        JsonNode j = new ObjectMapper()
                .readTree(tmp.resolve("replay").resolve("summary.json").toFile())
                .get("result")
                .get("mismatch");
        assertEquals(f.mismatch().cycle(), j.get("cycle").asLong());
        assertEquals(f.mismatch().pin(), j.get("pin").asText());
        assertEquals(f.mismatch().model(), j.get("model").asText());
        assertEquals(f.mismatch().rtl(), j.get("rtl").asText());
    }

    @Test
    void aStoppedRunStillWritesItsReport() throws Exception {
        Shard shard = Shard.whole(1, 8);
        Regression.Options o =
                new Regression.Options(CONFIG, PRESET, shard.seeds(), 200_000, 1, null, 300, shard, LIMITS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong cycles = new AtomicLong();
        OutputDir out = OutputDir.claim(tmp, "regress", RegressionReport.FILES, List.of());
        RegressionSummary s = Regression.run(o, build(o), tmp, stop, n -> {
            if (cycles.addAndGet(n) > 250_000) {
                stop.set(true); // what Ctrl-C's hook does
            }
        });
        RegressionReport.write(s, out);
        assertTrue(s.interrupted());
        assertTrue(s.notRun() >= 6, "seeds after the stop are not run: " + s.notRun());
        assertEquals(0, s.failed());
        assertFalse(s.allPassed(), "an incomplete run is not a pass");
        assertEquals(Verdict.INCOMPLETE, s.verdict());
        assertTrue(Files.readString(tmp.resolve("report.md")).startsWith("# Regression INCOMPLETE"));
        assertTrue(Files.readString(tmp.resolve("junit.xml")).contains("<skipped"));
    }
}
