package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mramcim.cli.Main;
import mramcim.cosim.lockstep.ModelSide;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.HostPins;
import mramcim.results.OutputDir;
import mramcim.rtl.Generator;
import mramcim.spec.Op;
import mramcim.verification.stimulus.RandomHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One netlist, eight seeds, three of which take the netlist down three different ways: a {@code
 * $stop}, an evaluation that never returns, and a segmentation fault (through a DPI call of libc's
 * {@code raise}). Each trigger is a 64-bit LOAD_INPUT word that only its seed sends, found by
 * running the Java model alone, so the netlist does exactly what the real RTL does on every other
 * seed. The regression must keep the five good seeds' results and coverage and report each of the
 * three with its cause and replay command, within the watchdog time.
 */
class IsolationTest {

    static final String PRESET = "small:8x8";
    static final MacroConfig CONFIG = MacroConfig.preset(PRESET);
    static final long CYCLES = 60_000;
    static final long STOP_SEED = 2;
    static final long HANG_SEED = 5;
    static final long SEGV_SEED = 7;
    static final Duration STALL = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    /**
     * Every LOAD_INPUT word {@code seed} sends in the whole run, with the cycle it is accepted in.
     */
    static List<long[]> words(long seed) {
        RandomHost host = new RandomHost(CONFIG, seed);
        ModelSide side = ModelSide.of(CONFIG, seed);
        List<long[]> out = new java.util.ArrayList<>();
        for (long c = 1; c <= CYCLES; c++) {
            if (host.resetNow()) {
                side.reset();
                host.onReset();
                continue;
            }
            HostPins h = host.next(side.macro().cmdReady(), side.macro().rspValid());
            if (h.cmdValid && side.macro().cmdReady() && h.cmdOp == Op.LOAD_INPUT.code()) {
                out.add(new long[] {h.cmdData, c});
            }
            side.analog().setAnalogFault(host.analogFault());
            side.step(h);
        }
        return out;
    }

    /**
     * The first LOAD_INPUT word of {@code seed} after cycle 1,000 that no other of the 8 seeds
     * sends ({@code owner}: word -> the one seed sending it, or -1), and its cycle.
     */
    static long[] trigger(long seed, Map<Long, Long> owner) {
        return words(seed).stream()
                .filter(w -> w[1] > 1_000 && owner.get(w[0]) == seed)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("seed " + seed + " sends no word of its own"));
    }

    static Path hostileNetlist(Path dir, long stopWord, long hangWord, long segvWord) throws Exception {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        int top = sv.indexOf("module MramCimMacro(");
        int end = sv.indexOf("endmodule", top);
        String accept = "cmd_valid && cmd_ready && cmd_op == 4'd" + Op.LOAD_INPUT.code() + " && cmd_data == 64'h";
        String hostile = String.join(
                "\n",
                "  import \"DPI-C\" function int raise(input int sig);",
                "  integer hostile_rc;",
                "  reg [31:0] hostile_spin = 0;",
                "  always @(posedge clock) begin",
                "    if (" + accept + Long.toHexString(stopWord) + ") $stop;",
                "    if ("
                        + accept
                        + Long.toHexString(hangWord)
                        + ") while (cmd_addr != 16'hffff) hostile_spin = hostile_spin + 1;",
                "    if (" + accept + Long.toHexString(segvWord) + ") hostile_rc = raise(11);",
                "  end",
                "");
        Path file = dir.resolve("hostile.sv");
        Files.writeString(file, sv.substring(0, end) + hostile + sv.substring(end), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aRegressionKeepsEverySeedWhenOneAbortsOneHangsAndOneSegfaults() throws Exception {
        Map<Long, Long> owner = new HashMap<>();
        for (long s = 1; s <= 8; s++) {
            for (long[] w : words(s)) {
                owner.merge(w[0], s, (a, b) -> a.equals(b) ? a : -1L);
            }
        }
        long[] stop = trigger(STOP_SEED, owner);
        long[] hang = trigger(HANG_SEED, owner);
        long[] segv = trigger(SEGV_SEED, owner);
        assertEquals(STOP_SEED, owner.get(stop[0]), "only its seed sends the $stop word");
        assertEquals(HANG_SEED, owner.get(hang[0]), "only its seed sends the hang word");
        assertEquals(SEGV_SEED, owner.get(segv[0]), "only its seed sends the crash word");
        Path netlist = hostileNetlist(tmp, stop[0], hang[0], segv[0]);

        Shard all = Shard.whole(1, 8);
        WorkerPool.Limits limits = new WorkerPool.Limits(Duration.ofSeconds(120), STALL);
        Regression.Options o =
                new Regression.Options(CONFIG, PRESET, all.seeds(), CYCLES, 2, netlist, 300, all, limits);
        NativeBuild build = CosimRun.library(o.seed(1), System.out::println);
        Path out = tmp.resolve("out");
        OutputDir dir = OutputDir.claim(out, "regress", RegressionReport.FILES, List.of(netlist));
        long t0 = System.nanoTime();
        RegressionSummary s = Regression.run(o, build, out, new AtomicBoolean(), n -> {});
        double seconds = (System.nanoTime() - t0) / 1e9;
        RegressionReport.write(s, dir);
        RegressionReport.console(s).forEach(System.out::println);

        assertEquals(Verdict.FAIL, s.verdict());
        assertEquals(1, s.verdict().exitCode());
        assertEquals(5, s.passed());
        Map<Long, SeedResult> by = new HashMap<>();
        s.seeds().forEach(r -> by.put(r.seed(), r));
        SeedResult stopped = by.get(STOP_SEED);
        assertEquals(SeedStatus.FAIL, stopped.status());
        assertEquals(Cause.RTL_STOP, stopped.cause());
        assertEquals(stop[1], stopped.cycles(), "the $stop is reported in the very cycle its word was accepted");
        assertTrue(stopped.detail().contains("hostile.sv:"), "the netlist's own file and line: " + stopped.detail());
        SeedResult hung = by.get(HANG_SEED);
        assertEquals(SeedStatus.TIMEOUT, hung.status());
        assertEquals(Cause.STALLED, hung.cause());
        SeedResult crashed = by.get(SEGV_SEED);
        assertEquals(SeedStatus.CRASHED, crashed.status());
        assertEquals(Cause.PROCESS_DIED, crashed.cause());
        assertTrue(crashed.detail().contains("SIGSEGV"), crashed.detail());
        assertTrue(
                crashed.cycles() <= segv[1] && segv[1] <= crashed.cycles() + CosimRun.CHECK_EVERY,
                "the crash is placed within one progress interval: " + crashed.detail());
        for (SeedResult r : List.of(stopped, hung, crashed)) {
            assertTrue(
                    r.replay().contains("--seed " + r.seed()) && r.replay().contains("--verilog " + netlist),
                    r.replay());
        }
        for (long seed : List.of(1L, 3L, 4L, 6L, 8L)) {
            assertEquals(SeedStatus.PASS, by.get(seed).status(), "seed " + seed);
            assertEquals(CYCLES, by.get(seed).cycles());
        }
        assertTrue(seconds < STALL.toSeconds() + 90, "ended within the watchdog time: " + seconds + " s");

        // The five good seeds' coverage is all there: the same as those seeds alone on the
        // generated RTL,
        // plus what the $stop seed covered before its halt (the two seeds that died keep none).
        List<Long> good = List.of(1L, 3L, 4L, 6L, 8L);
        Regression.Options clean = new Regression.Options(CONFIG, PRESET, good, CYCLES, 2, null, 300, all, limits);
        NativeBuild generated = CosimRun.library(clean.seed(1), System.out::println);
        RegressionSummary reference =
                Regression.run(clean, generated, tmp.resolve("clean"), new AtomicBoolean(), n -> {});
        Regression.Options beforeStop =
                new Regression.Options(CONFIG, PRESET, List.of(STOP_SEED), stop[1] - 1, 1, null, 300, all, limits);
        mramcim.verification.coverage.Coverage expected =
                reference.totalCoverage().copy();
        expected.merge(Regression.run(beforeStop, generated, tmp.resolve("clean2"), new AtomicBoolean(), n -> {})
                .totalCoverage());
        assertEquals(expected, s.totalCoverage(), "coverage of the seeds that ran, bin by bin");

        String junit = Files.readString(out.resolve("junit.xml"));
        assertTrue(junit.contains("failures=\"1\"") && junit.contains("errors=\"2\""), junit.substring(0, 300));

        // The printed replays reproduce each failure through the command line.
        int rc = Main.commandLine()
                .execute((stopped.replay().replaceFirst("^scripts/mramcim ", "")
                                + " --wave never --out "
                                + tmp.resolve("replay-stop"))
                        .split(" "));
        assertEquals(1, rc);
        assertTrue(Files.readString(tmp.resolve("replay-stop/summary.txt")).contains("$stop"));
        rc = Main.commandLine()
                .execute((crashed.replay().replaceFirst("^scripts/mramcim ", "")
                                + " --wave never --out "
                                + tmp.resolve("replay-segv"))
                        .split(" "));
        assertEquals(1, rc);
        assertTrue(Files.readString(tmp.resolve("replay-segv/summary.txt")).contains("SIGSEGV"));
    }
}
