package mramcim.verification.regression;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.NativeBuilder;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.Hierarchy;
import mramcim.rtl.Generator;
import mramcim.spec.Gain;
import mramcim.verification.coverage.CodeCoverage;
import mramcim.verification.coverage.CodeCoverageFiles;
import mramcim.verification.coverage.Coverage;
import mramcim.verification.coverage.CoverageModel;
import mramcim.verification.stimulus.RandomHost;

/**
 * Many seeds of constrained-random traffic in lockstep, on a pool of supervised worker processes,
 * with functional coverage (issue 7). Every seed is one {@link CosimRun}; a failing seed is run
 * again, bit for bit, with waveforms for the window before its divergence. The result is a {@link
 * RegressionSummary} that {@link RegressionReport} writes and {@code mramcim merge} joins with
 * other shards'.
 */
public final class Regression {

    /**
     * What to run.
     *
     * @param seeds the seeds of this shard, in order
     * @param shard which part of which seed range this run is
     * @param window waveform cycles before a divergence
     * @param limits the per-seed watchdog
     * @param engine how the RTL side of each seed runs ({@code --engine})
     * @param corpus directed trace files run before the seeds ({@code --corpus}); those recorded
     *     on another design are skipped
     */
    public record Options(
            MacroConfig config,
            String preset,
            List<Long> seeds,
            long cycles,
            int jobs,
            List<Path> verilog,
            long window,
            Shard shard,
            WorkerPool.Limits limits,
            boolean codeCoverage,
            Engine engine,
            List<Path> corpus) {
        public Options {
            engine = engine == null ? CosimRun.DEFAULT_ENGINE : engine;
            corpus = corpus == null ? List.of() : List.copyOf(corpus);
            seeds = List.copyOf(seeds);
            verilog = verilog == null ? List.of() : List.copyOf(verilog);
            if (shard == null || limits == null) {
                throw new IllegalArgumentException("shard and limits are required");
            }
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("seeds: none to run");
            }
            if (cycles < 1) {
                throw new IllegalArgumentException(
                        "--cycles = " + cycles + " is out of range: allowed 1.." + Long.MAX_VALUE);
            }
            if (jobs < 1 || jobs > 256) {
                throw new IllegalArgumentException("--jobs = " + jobs + " is out of range: allowed 1..256");
            }
            if (window < 1) {
                throw new IllegalArgumentException(
                        "--window = " + window + " is out of range: allowed 1.." + Long.MAX_VALUE);
            }
        }

        /** Without a corpus. */
        public Options(
                MacroConfig config,
                String preset,
                List<Long> seeds,
                long cycles,
                int jobs,
                List<Path> verilog,
                long window,
                Shard shard,
                WorkerPool.Limits limits,
                boolean codeCoverage,
                Engine engine) {
            this(config, preset, seeds, cycles, jobs, verilog, window, shard, limits, codeCoverage, engine, List.of());
        }

        /** On the default engine. */
        public Options(
                MacroConfig config,
                String preset,
                List<Long> seeds,
                long cycles,
                int jobs,
                List<Path> verilog,
                long window,
                Shard shard,
                WorkerPool.Limits limits,
                boolean codeCoverage) {
            this(config, preset, seeds, cycles, jobs, verilog, window, shard, limits, codeCoverage, null);
        }

        /** The same regression on another engine. */
        public Options withEngine(Engine e) {
            return new Options(
                    config, preset, seeds, cycles, jobs, verilog, window, shard, limits, codeCoverage, e, corpus);
        }

        /** The same regression with the directed traces {@code files} run first. */
        public Options withCorpus(List<Path> files) {
            return new Options(
                    config, preset, seeds, cycles, jobs, verilog, window, shard, limits, codeCoverage, engine, files);
        }

        /** Without code coverage, on the generated top or one netlist file. */
        public Options(
                MacroConfig config,
                String preset,
                List<Long> seeds,
                long cycles,
                int jobs,
                Path verilog,
                long window,
                Shard shard,
                WorkerPool.Limits limits) {
            this(
                    config,
                    preset,
                    seeds,
                    cycles,
                    jobs,
                    verilog == null ? List.of() : List.of(verilog),
                    window,
                    shard,
                    limits,
                    false);
        }

        /** The lockstep run of one seed. */
        public CosimRun.Options seed(long seed) {
            return new CosimRun.Options(
                    config, preset, seed, cycles, verilog, false, codeCoverage, java.util.Map.of(), engine);
        }
    }

    private Regression() {}

    /** Workers' logs and JVM crash files, below the output directory. */
    public static final String LOG_DIR = "logs";

    /** The seeds of shard {@code index} (1-based) of {@code count}; see {@link Shard#seeds()}. */
    public static List<Long> shardSeeds(long first, long n, int index, int count) {
        return new Shard(first, n, index, count).seeds();
    }

    /** What the files of a run say until it ends: verdict RUNNING, every seed unfinished. */
    public static RegressionSummary placeholder(Options o) {
        return RegressionSummary.running(o, coverageModel(o.config()).declare());
    }

    /**
     * The coverage model of a configuration (its bins follow the die-independent nominal codes of
     * seed 0).
     */
    public static CoverageModel coverageModel(MacroConfig config) {
        int[] global = RandomHost.globalCalibration(config, 0);
        int cMis = global[0] + (int) Math.round((double) Gain.ONE * 2 * config.rows() / global[1]);
        return new CoverageModel(config, global[0], cMis);
    }

    /**
     * Runs every seed of {@code o} on {@code build}, each in a supervised worker process (see
     * {@link WorkerPool}). {@code stop} ends the run early (seeds in flight or not started are
     * NOT_RUN); {@code progress} receives cycles as they run. Results land in {@code out}: the
     * waveforms of failures, and the workers' logs in {@code out/logs}.
     */
    public static RegressionSummary run(
            Options o, NativeBuild build, Path out, AtomicBoolean stop, LongConsumer progress)
            throws InterruptedException {
        long t0 = System.nanoTime();
        CoverageModel model = coverageModel(o.config());
        Coverage empty = model.declare();
        SeedJob job = SeedJob.of(o.seed(o.seeds().get(0)), WaveMode.ON_FAIL, o.window(), out, true, true, build);
        WorkerPool pool = new WorkerPool(
                job,
                o.limits(),
                out.toAbsolutePath(),
                out.toAbsolutePath().resolve(LOG_DIR),
                stop,
                progress,
                empty.points());
        List<DirectedResult> directed = corpus(o, job, out, stop, empty);
        List<SeedResult> results = pool.run(o.seeds(), o.jobs());
        Coverage total = model.declare();
        for (SeedResult r : results) {
            total.merge(Coverage.of(r.coverage()));
        }
        for (DirectedResult d : directed) {
            if (d.result() != null && d.result().coverage() != null) {
                total.merge(Coverage.of(d.result().coverage()));
            }
        }
        CodeCoverage.Summary code = null;
        if (o.codeCoverage()) {
            List<Path> dats = results.stream()
                    .filter(r -> r.codeCoverage() != null)
                    .map(r -> out.resolve(r.codeCoverage()))
                    .toList();
            code = dats.isEmpty() ? null : CodeCoverageFiles.write(dats, out, Hierarchy.TOP, sources(o));
        }
        return RegressionSummary.of(
                o,
                results,
                directed.stream()
                        .map(d -> d.result() == null
                                ? d
                                : new DirectedResult(
                                        d.name(), d.file(), d.result().withoutCoverage(), null))
                        .toList(),
                total,
                code,
                stop.get(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Runs the corpus's traces recorded on this regression's design, each in a worker as a seed
     * is; the others are skipped with the reason. Only the first shard runs them, so that a merge
     * holds each once.
     */
    private static List<DirectedResult> corpus(Options o, SeedJob job, Path out, AtomicBoolean stop, Coverage empty)
            throws InterruptedException {
        if (o.corpus().isEmpty() || o.shard().index() != 1) {
            return List.of();
        }
        List<Path> run = new java.util.ArrayList<>();
        java.util.Map<Path, String> skipped = new java.util.LinkedHashMap<>();
        for (Path f : o.corpus()) {
            String design = readDesign(f);
            if (design.equals(o.preset())) {
                run.add(f);
            } else {
                skipped.put(f, "recorded on " + design + "; this regression runs " + o.preset());
            }
        }
        List<DirectedResult> out2 = new java.util.ArrayList<>();
        if (!run.isEmpty()) {
            WorkerPool pool = new WorkerPool(
                    job.withCorpus(run),
                    o.limits(),
                    out.toAbsolutePath(),
                    out.toAbsolutePath().resolve(LOG_DIR),
                    stop,
                    n -> {},
                    empty.points());
            List<Long> indices =
                    java.util.stream.LongStream.range(0, run.size()).boxed().toList();
            List<SeedResult> results = pool.run(indices, Math.min(o.jobs(), run.size()));
            for (int k = 0; k < run.size(); k++) {
                out2.add(new DirectedResult(
                        SeedJob.traceName(run.get(k)), run.get(k).toString(), results.get(k), null));
            }
        }
        skipped.forEach((f, why) -> out2.add(new DirectedResult(SeedJob.traceName(f), f.toString(), null, why)));
        return out2;
    }

    /** The design a trace file names (the file was checked when the regression was set up). */
    private static String readDesign(Path f) {
        try {
            return mramcim.verification.trace.TraceFormat.read(f).design();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The netlist the run compiled: the generated top, or the --verilog files. */
    static List<NativeBuilder.Source> sources(Options o) {
        return sources(o.seed(o.seeds().get(0)));
    }

    /** The netlist a lockstep run compiles: the generated top, or the --verilog files. */
    public static List<NativeBuilder.Source> sources(CosimRun.Options o) {
        return o.verilog().isEmpty()
                ? List.of(new NativeBuilder.Source(
                        Hierarchy.TOP + ".sv",
                        Generator.emit(
                                Hierarchy.TOP, o.config().rows(), o.config().cols())))
                : RtlLibraries.readSources(o.verilog());
    }
}
