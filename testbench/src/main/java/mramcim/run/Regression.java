package mramcim.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import mramcim.coverage.Coverage;
import mramcim.coverage.CoverageCollector;
import mramcim.coverage.CoverageModel;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.RegisterMap;
import mramcim.stimulus.RandomHost;

/**
 * Many seeds of constrained-random traffic in lockstep, on a pool of workers, with functional
 * coverage (issue 7). Every seed is one {@link CosimRun}; a failing seed is run again, bit for bit,
 * with waveforms for the window before its divergence. The result is a {@link RegressionSummary}
 * that {@link RegressionReport} writes and {@code mramcim merge} joins with other shards'.
 */
public final class Regression {

    /**
     * What to run.
     *
     * @param seeds  the seeds of this shard, in order
     * @param shard  "I/N" when this is part I of N, or "1/1"
     * @param window waveform cycles before a divergence
     */
    public record Options(MacroConfig config, String preset, List<Long> seeds, long cycles, int jobs, Path verilog,
                          long window, String shard) {
        public Options {
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("seeds: none to run");
            }
            if (cycles < 1) {
                throw new IllegalArgumentException("--cycles = " + cycles + " is out of range: allowed 1.." + Long.MAX_VALUE);
            }
            if (jobs < 1 || jobs > 256) {
                throw new IllegalArgumentException("--jobs = " + jobs + " is out of range: allowed 1..256");
            }
            if (window < 1) {
                throw new IllegalArgumentException("--window = " + window + " is out of range: allowed 1.." + Long.MAX_VALUE);
            }
        }

        /** The lockstep run of one seed. */
        public CosimRun.Options seed(long seed) {
            return new CosimRun.Options(config, preset, seed, cycles, verilog, false);
        }
    }

    private Regression() {
    }

    /**
     * The seeds of shard {@code index} (1-based) of {@code count}: seed s belongs to shard
     * {@code (s - first) mod count + 1}, so shards are disjoint, cover every seed, and stay balanced.
     */
    public static List<Long> shardSeeds(long first, long n, int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard = " + index + "/" + count + " is out of range: allowed I/N with 1 <= I <= N");
        }
        List<Long> seeds = new ArrayList<>();
        for (long k = index - 1; k < n; k += count) {
            seeds.add(first + k);
        }
        return seeds;
    }

    /** The coverage model of a configuration (its bins follow the die-independent nominal codes of seed 0). */
    public static CoverageModel coverageModel(MacroConfig config) {
        int[] global = RandomHost.globalCalibration(config, 0);
        int cMis = global[0] + (int) Math.round((double) RegisterMap.GAIN_ONE * 2 * config.rows() / global[1]);
        return new CoverageModel(config, global[0], cMis);
    }

    /**
     * Runs every seed of {@code o} on {@code build}. {@code stop} ends the workers early (their seeds
     * are reported as interrupted); {@code progress} receives cycles as they run.
     */
    public static RegressionSummary run(Options o, NativeBuild build, Path out, AtomicBoolean stop, LongConsumer progress)
            throws InterruptedException {
        long t0 = System.nanoTime();
        CoverageModel model = coverageModel(o.config());
        CosimRun.Control control = new CosimRun.Control() {
            @Override
            public boolean stopRequested() {
                return stop.get();
            }

            @Override
            public void advanced(long cycles) {
                progress.accept(cycles);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs(), r -> {
            Thread t = new Thread(r, "regress-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<RegressionSummary.SeedResult>> futures = new ArrayList<>();
        for (long seed : o.seeds()) {
            futures.add(pool.submit(() -> runSeed(o, seed, build, model, out, stop, control)));
        }
        pool.shutdown();
        List<RegressionSummary.SeedResult> results = new ArrayList<>();
        Coverage total = model.declare();
        for (Future<RegressionSummary.SeedResult> f : futures) {
            try {
                RegressionSummary.SeedResult r = f.get();
                results.add(r);
                total.merge(Coverage.of(r.coverage()));
            } catch (ExecutionException e) {
                throw new IllegalStateException("a regression worker failed: " + e.getCause(), e.getCause());
            }
        }
        results.sort(Comparator.comparingLong(RegressionSummary.SeedResult::seed));
        return RegressionSummary.of(o, results, total, stop.get(), (System.nanoTime() - t0) / 1e9);
    }

    private static RegressionSummary.SeedResult runSeed(Options o, long seed, NativeBuild build, CoverageModel model,
                                                        Path out, AtomicBoolean stop, CosimRun.Control control)
            throws Exception {
        CosimRun.Options so = o.seed(seed);
        if (stop.get()) {
            return RegressionSummary.SeedResult.notRun(seed, model.declare());
        }
        CoverageCollector cov = new CoverageCollector(model, o.config().cols());
        CosimRun.Result r = CosimRun.run(so, build, cov, control);
        List<String> waves = new ArrayList<>();
        if (!r.passed()) {
            Divergence d = r.first();
            Path dir = out.resolve("failures").resolve("seed-" + seed).resolve("wave");
            Waves w = new Waves(dir, d.cycle() - o.window() + 1);
            CosimRun.run(new CosimRun.Options(o.config(), o.preset(), seed, d.cycle(), o.verilog(), false), build, w);
            for (Path f : w.finish(o.config().rows(), o.config().cols())) {
                waves.add(out.relativize(f).toString());
            }
        }
        return RegressionSummary.SeedResult.of(seed, so, r, waves, cov.coverage());
    }
}
