package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mramcim.verification.regression.Regression;
import mramcim.verification.slurm.SlurmCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23 against a real one-node Slurm (Debian's slurm-wlm and munge, started by
 * scripts/slurm-local in a temporary directory and stopped by PID after the tests, even when one
 * fails): {@code regress --scheduler slurm} gives the local regression's summary seed by seed and
 * bin by bin, a cancelled shard comes out NOT_RUN (exit 1), and {@code --rerun-missing} completes
 * it.
 */
class SlurmTest {

    static final String PRESET = "small:8x8";

    static final Path SCRIPT =
            Path.of("../scripts/slurm-local").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    static Path cluster;

    static void slurmLocal(String what) throws Exception {
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), what, cluster.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "slurm-local " + what + " took over 10 minutes");
        assertEquals(0, p.exitValue(), "slurm-local " + what + ": " + out);
    }

    @BeforeAll
    static void startSlurm() throws Exception {
        cluster = Files.createTempDirectory("mramcim-slurm");
        // stopped after the tests; and if the JVM goes down before that, still stopped
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                slurmLocal("stop");
            } catch (Exception | AssertionError e) {
                // best effort at exit
            }
        }));
        slurmLocal("start");
        System.setProperty(
                SlurmCommands.CONF_PROPERTY, cluster.resolve("slurm.conf").toString());
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        System.clearProperty(SlurmCommands.CONF_PROPERTY);
        slurmLocal("stop");
        for (String daemon : new String[] {"slurmctld", "slurmd", "munged"}) {
            assertTrue(!Files.exists(cluster.resolve(daemon + ".pid")), daemon + " stopped");
        }
    }

    static JsonNode summary(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }

    /** The same regression, seed by seed (status, cycles, commands, resets, first mismatch) and bin by bin. */
    static void sameRegression(JsonNode local, JsonNode slurm) {
        assertEquals(local.get("verdict"), slurm.get("verdict"));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        local.get("seeds").forEach(s -> a.add(seedLine(s)));
        slurm.get("seeds").forEach(s -> b.add(seedLine(s)));
        assertEquals(a, b, "seed by seed");
        assertEquals(local.get("coverage"), slurm.get("coverage"), "bin by bin");
        assertEquals(local.get("cycles"), slurm.get("cycles"));
    }

    static String seedLine(JsonNode s) {
        return s.get("seed") + " " + s.get("status") + " " + s.get("cycles") + " " + s.get("commands") + " "
                + s.get("resets") + " " + s.get("mismatch");
    }

    static String[] regress(String... extra) {
        List<String> a =
                new ArrayList<>(List.of("regress", "--preset", PRESET, "--seeds", "8", "--no-corpus", "--no-progress"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void fourShardsOnSlurmGiveTheLocalRegression() throws Exception {
        CliRun local = CliRun.of(
                regress("--cycles", "20000", "--out", tmp.resolve("local").toString()));
        assertEquals(0, local.code(), local.out());
        CliRun slurm = CliRun.of(regress(
                "--cycles",
                "20000",
                "--scheduler",
                "slurm",
                "--shards",
                "4",
                "--out",
                tmp.resolve("slurm").toString()));
        System.out.println(slurm.out());
        assertEquals(0, slurm.code(), slurm.out() + slurm.err());
        assertTrue(slurm.out().contains("slurm: shards pending "), "progress: " + slurm.out());
        sameRegression(summary(tmp.resolve("local")), summary(tmp.resolve("slurm")));
        assertTrue(Files.isRegularFile(tmp.resolve("slurm").resolve("slurm").resolve("array.sh")), "scripts kept");
        assertTrue(Files.readString(tmp.resolve("slurm").resolve("slurm").resolve("array.sh"))
                .contains("--shard \"$i/4\""));
    }

    @Test
    void aCancelledShardIsNotRunAndRerunMissingCompletesIt() throws Exception {
        Path out = tmp.resolve("cancel");
        String cycles = "300000";
        int[] code = {-1};
        Thread run = new Thread(() -> code[0] = CliRun.of(
                        regress("--cycles", cycles, "--scheduler", "slurm", "--shards", "4", "--out", out.toString()))
                .code());
        run.start();
        // the first task seen running is cancelled
        String cancelled = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (cancelled == null && System.nanoTime() < deadline) {
            SlurmCommands.Output q =
                    SlurmCommands.run(List.of("squeue", "-h", "-r", "-n", "mramcim-regress", "-o", "%i %T"));
            for (String line : q.out().split("\n")) {
                if (line.endsWith(" RUNNING") && line.matches("\\d+_\\d+ .*")) {
                    cancelled = line.substring(0, line.indexOf(' '));
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(cancelled != null, "a task ran");
        assertEquals(0, SlurmCommands.run(List.of("scancel", cancelled)).exit(), "scancel " + cancelled);
        run.join(TimeUnit.MINUTES.toMillis(5));
        assertEquals(1, code[0], "a cancelled shard: INCOMPLETE, exit 1");
        int shard = Integer.parseInt(cancelled.substring(cancelled.indexOf('_') + 1));
        List<Long> itsSeeds = Regression.shardSeeds(1, 8, shard, 4);
        JsonNode merged = summary(out);
        assertEquals("INCOMPLETE", merged.get("verdict").asText());
        for (JsonNode s : merged.get("seeds")) {
            if (itsSeeds.contains(s.get("seed").asLong())) {
                assertEquals("NOT_RUN", s.get("status").asText(), "seed " + s.get("seed") + " of shard " + shard);
            } else {
                assertEquals("PASS", s.get("status").asText(), "seed " + s.get("seed"));
            }
        }
        assertEquals(8, merged.get("seeds").size(), "no seed missing from the report");

        CliRun rerun = CliRun.of("regress", "--scheduler", "slurm", "--rerun-missing", out.toString(), "--no-progress");
        System.out.println(rerun.out());
        assertEquals(0, rerun.code(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains("(shards [" + shard + "] of 4)"), "only the missing shard: " + rerun.out());
        CliRun local = CliRun.of(
                regress("--cycles", cycles, "--out", tmp.resolve("local-long").toString()));
        assertEquals(0, local.code(), local.out());
        sameRegression(summary(tmp.resolve("local-long")), summary(out));
    }
}
