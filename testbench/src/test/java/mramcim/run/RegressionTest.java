package mramcim.run;

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
import mramcim.coverage.Coverage;
import mramcim.coverage.CoverageModel;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short regression of {@code mvn verify} (small arrays, a few seeds) and the regression
 * runner's contracts: shards merge to the unsharded run, a failing seed's printed replay command
 * reproduces its divergence, a stopped run still writes its report.
 */
class RegressionTest {

    static final String PRESET = "small:8x8";
    static final MacroConfig CONFIG = MacroConfig.preset(PRESET);

    @TempDir
    Path tmp;

    static Regression.Options options(List<Long> seeds, long cycles, Path verilog, String shard) {
        return new Regression.Options(CONFIG, PRESET, seeds, cycles, 2, verilog, 300, shard);
    }

    static NativeBuild build(Regression.Options o) {
        return CosimRun.library(o.seed(o.seeds().get(0)), System.out::println);
    }

    @Test
    void shortRegressionPassesAndCoversEveryOpStatusPairAndDotProductBin() throws Exception {
        Regression.Options o = options(Regression.shardSeeds(1, 6, 1, 1), 150_000, null, "1/1");
        AtomicLong progressed = new AtomicLong();
        RegressionSummary s = Regression.run(o, build(o), tmp, new AtomicBoolean(), progressed::addAndGet);
        RegressionReport.write(s, tmp);
        RegressionReport.console(s).forEach(System.out::println);
        assertTrue(s.allPassed());
        assertEquals(6 * 150_000L, s.cycles());
        assertEquals(s.cycles(), progressed.get(), "the progress bar sees every cycle once");
        Coverage c = s.totalCoverage();
        assertEquals(List.of(), c.holes(CoverageModel.OP_STATUS));
        assertEquals(List.of(), c.holes(CoverageModel.DP));
        String md = Files.readString(tmp.resolve("report.md"));
        assertTrue(md.startsWith("# Regression PASS: small:8x8 8x8"), md.substring(0, 60));
        String junit = Files.readString(tmp.resolve("junit.xml"));
        assertEquals(6, junit.split("<testcase ", -1).length - 1, "one test case per seed");
        assertTrue(junit.contains("failures=\"0\""));
    }

    @Test
    void twoShardsMergedEqualTheUnshardedRun() throws Exception {
        long cycles = 40_000;
        Regression.Options whole = options(Regression.shardSeeds(11, 5, 1, 1), cycles, null, "1/1");
        NativeBuild b = build(whole);
        RegressionSummary all = Regression.run(whole, b, tmp.resolve("all"), new AtomicBoolean(), n -> { });
        List<RegressionSummary> parts = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i <= 2; i++) {
            List<Long> seeds = Regression.shardSeeds(11, 5, i, 2);
            seeds.forEach(sd -> assertTrue(seen.add(sd), "seed " + sd + " in two shards"));
            Path dir = tmp.resolve("shard" + i);
            RegressionSummary part = Regression.run(options(seeds, cycles, null, i + "/2"), b, dir, new AtomicBoolean(), n -> { });
            RegressionReport.write(part, dir);
            parts.add(RegressionReport.read(dir.resolve("summary.json"))); // through the file, as merge reads it
        }
        assertEquals(Set.of(11L, 12L, 13L, 14L, 15L), seen);
        RegressionSummary merged = RegressionReport.merge(parts);
        assertEquals(all.seedsRun(), merged.seedsRun());
        assertEquals(all.passed(), merged.passed());
        assertEquals(all.cycles(), merged.cycles());
        assertEquals(all.seeds().stream().map(r -> r.seed() + ":" + r.commands() + ":" + r.resets()).toList(),
                merged.seeds().stream().map(r -> r.seed() + ":" + r.commands() + ":" + r.resets()).toList());
        assertEquals(all.totalCoverage(), merged.totalCoverage(), "the same coverage counts, bin by bin");

        assertThrows(IllegalArgumentException.class, () -> RegressionReport.merge(List.of(parts.get(0), parts.get(0))),
                "a seed merged twice is refused");
        assertThrows(IllegalArgumentException.class, () -> Regression.shardSeeds(1, 5, 3, 2));
    }

    @Test
    void aFailingSeedIsReportedWithAReplayThatReproducesIt() throws Exception {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        String original = "+ {{20{io_offset[7]}}, io_offset};";
        assertTrue(sv.contains(original));
        Path mutant = tmp.resolve("offset_sign.sv");
        Files.writeString(mutant, sv.replace(original, "- {{20{io_offset[7]}}, io_offset};"), StandardCharsets.UTF_8);
        Regression.Options o = options(Regression.shardSeeds(1, 3, 1, 1), 30_000, mutant, "1/1");
        Path out = tmp.resolve("fail");
        RegressionSummary s = Regression.run(o, build(o), out, new AtomicBoolean(), n -> { });
        RegressionReport.write(s, out);
        assertTrue(s.failed() > 0, "the mutant is caught");
        RegressionSummary.SeedResult f = s.seeds().stream().filter(RegressionSummary.SeedResult::failed).findFirst().orElseThrow();
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("`" + f.replay() + "`"), "the report prints the replay command");
        assertTrue(md.contains("## Failures") && md.contains("### seed " + f.seed()));
        assertFalse(f.waves().isEmpty());
        f.waves().forEach(w -> assertTrue(Files.exists(out.resolve(w)), w));

        // Replay exactly as printed, through the command line.
        List<String> args = new ArrayList<>(List.of(f.replay().replaceFirst("^scripts/mramcim ", "").split(" ")));
        args.addAll(List.of("--wave", "never", "--out", tmp.resolve("replay").toString()));
        int rc = Main.commandLine().execute(args.toArray(String[]::new));
        assertEquals(1, rc, "the replay fails too");
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("replay").resolve("summary.json").toFile());
        String replayed = "cycle " + j.get("divergence").get("cycle").asLong() + ": " + j.get("divergence").get("signal").asText();
        assertTrue(f.divergence().startsWith(replayed), "replayed " + replayed + ", reported " + f.divergence());
        assertTrue(f.divergence().contains("model=" + j.get("divergence").get("model").asText())
                && f.divergence().contains("rtl=" + j.get("divergence").get("rtl").asText()), f.divergence() + " vs " + j);
    }

    @Test
    void aStoppedRunStillWritesItsReport() throws Exception {
        Regression.Options o = new Regression.Options(CONFIG, PRESET, Regression.shardSeeds(1, 8, 1, 1), 200_000, 1, null,
                300, "1/1");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong cycles = new AtomicLong();
        RegressionSummary s = Regression.run(o, build(o), tmp, stop, n -> {
            if (cycles.addAndGet(n) > 250_000) {
                stop.set(true); // what Ctrl-C's hook does
            }
        });
        RegressionReport.write(s, tmp);
        assertTrue(s.interrupted());
        assertTrue(s.notRun() >= 6, "seeds after the stop are not run: " + s.notRun());
        assertEquals(0, s.failed());
        assertFalse(s.allPassed(), "an incomplete run is not a pass");
        assertTrue(Files.readString(tmp.resolve("report.md")).startsWith("# Regression INCOMPLETE"));
        assertTrue(Files.readString(tmp.resolve("junit.xml")).contains("<skipped"));
    }
}
