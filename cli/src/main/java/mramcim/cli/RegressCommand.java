package mramcim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.regression.Regression;
import mramcim.verification.regression.RegressionReport;
import mramcim.verification.regression.RegressionSummary;
import mramcim.verification.regression.Shard;
import mramcim.verification.regression.WorkerPool;
import mramcim.verification.trace.Corpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim regress}: the nightly job, many seeds in lockstep with coverage and a report. */
@Command(
        name = "regress",
        mixinStandardHelpOptions = true,
        description = "Run many seeds of constrained-random traffic in lockstep, with coverage and a report.")
public final class RegressCommand implements Callable<Integer> {

    /** The default regression: what README's main job runs. */
    static final int DEFAULT_SEEDS = 32;

    static final long DEFAULT_CYCLES = 2_000_000;

    /** Largest --seeds. */
    static final long MAX_SEEDS = 1_000_000;

    /** Largest --jobs. */
    static final int MAX_JOBS = 256;

    @picocli.CommandLine.Mixin
    ConfigOptions design;

    @Option(names = "--seeds", description = "run seeds 1..N (default " + DEFAULT_SEEDS + ")")
    Long seeds;

    @Option(names = "--seed", description = "run this one seed only")
    Long seed;

    @Option(
            names = "--cycles",
            defaultValue = "" + DEFAULT_CYCLES,
            description = "cycles per seed (default ${DEFAULT-VALUE})")
    long cycles;

    @Option(names = "--jobs", description = "parallel worker processes (default: one per core)")
    Integer jobs;

    @Option(
            names = "--shard",
            defaultValue = "1/1",
            description = "run part I of N of the seeds, for N machines (default ${DEFAULT-VALUE})")
    String shard;

    @picocli.CommandLine.Mixin
    NetlistOptions netlist;

    @picocli.CommandLine.Mixin
    EngineOptions engine;

    @Option(
            names = "--window",
            defaultValue = "2000",
            description = "waveform cycles before a divergence (default ${DEFAULT-VALUE})")
    long window;

    @Option(
            names = "--seed-timeout",
            description = "wall-time budget of one seed in seconds (default: 600, or cycles / 2000 if longer)")
    Long seedTimeout;

    @Option(
            names = "--stall-timeout",
            defaultValue = "60",
            description = "seconds without progress after which a seed counts as hung (default ${DEFAULT-VALUE})")
    long stallTimeout;

    @Option(
            names = "--code-coverage",
            description = "RTL line and toggle coverage: run the coverage build of the library"
                    + " (slower), write OUT/code-coverage (coverage.dat, coverage.info, html/) and report it per block")
    boolean codeCoverage;

    @CommandLine.Mixin
    MutationSummaryOption mutation = new MutationSummaryOption();

    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Option(names = "--out", defaultValue = "out/regress", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "directed command traces (DIR/*.trace) replayed before the seeds, each a JUnit test case;"
                    + " traces of another design are skipped (default: the repository's "
                    + Corpus.DEFAULT_DIR
                    + ", when it exists)")
    Path corpus;

    @Option(names = "--no-corpus", description = "run no directed traces, only the seeds")
    boolean noCorpus;

    @picocli.CommandLine.Mixin
    SchedulerOptions scheduler;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seeds != null && seed != null) {
            throw new IllegalArgumentException("--seeds and --seed exclude each other: give one");
        }
        if (seeds != null && (seeds < 1 || seeds > MAX_SEEDS)) {
            throw new IllegalArgumentException("--seeds = " + seeds + " is out of range: allowed 1.." + MAX_SEEDS);
        }
        if (seed != null && seed < 0) {
            throw new IllegalArgumentException("--seed = " + seed + " is out of range: allowed 0.." + Long.MAX_VALUE);
        }
        CliChecks.cycles("--cycles", cycles);
        CliChecks.range("--window", window, 1, CliChecks.MAX_CYCLES);
        int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        CliChecks.range("--jobs", workers, 1, MAX_JOBS);
        Shard split = seed != null
                ? Shard.parse(shard, seed, 1)
                : Shard.parse(shard, 1, seeds == null ? DEFAULT_SEEDS : seeds);
        if (split.seeds().isEmpty()) {
            throw new IllegalArgumentException("--shard = "
                    + shard
                    + " holds no seed of "
                    + split.seedCount()
                    + ": allowed N up to the number of seeds");
        }
        WorkerPool.Limits defaults = WorkerPool.Limits.defaults(cycles);
        WorkerPool.Limits limits = new WorkerPool.Limits(
                seedTimeout == null ? defaults.seedTimeout() : Duration.ofSeconds(seedTimeout),
                Duration.ofSeconds(stallTimeout));
        List<Path> verilog = netlist.files();
        MacroConfig config = design.resolve();
        Regression.Options base = new Regression.Options(
                config,
                design.label(),
                split.seeds(),
                cycles,
                workers,
                verilog,
                window,
                split,
                limits,
                codeCoverage,
                engine.engine);
        if (noCorpus && corpus != null) {
            throw new IllegalArgumentException("--corpus and --no-corpus exclude each other: give one");
        }
        Regression.Options o = base.withCorpus(noCorpus ? List.of() : corpusTraces());
        if (scheduler.slurm()) {
            return SlurmRun.run(
                    scheduler, o, spec.commandLine().getParseResult().originalArgs(), out, jobs);
        }
        List<Path> inputs = new ArrayList<>(verilog);
        inputs.addAll(design.inputs());
        inputs.addAll(o.corpus());
        OutputDir dir = OutputDir.claim(out, "regress", RegressionReport.FILES, inputs);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch written = new CountDownLatch(1);
        // Ctrl-C or SIGTERM: stop the workers, let this thread write the partial report and its
        // verdict, then let the JVM exit.
        Thread hook = new Thread(
                () -> {
                    stop.set(true);
                    try {
                        written.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "regress-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return dir.guard(() -> run(o, dir, stop));
        } finally {
            written.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /** The corpus's traces: --corpus DIR (which must exist), else the default one if it exists. */
    private List<Path> corpusTraces() {
        if (corpus != null) {
            if (!java.nio.file.Files.isDirectory(corpus)) {
                throw new IllegalArgumentException("--corpus " + corpus + ": no such directory");
            }
            return Corpus.traces(corpus);
        }
        Path d = Corpus.defaultDir();
        return java.nio.file.Files.isDirectory(d) ? Corpus.traces(d) : List.of();
    }

    private OutputDir.Outcome run(Regression.Options o, OutputDir dir, AtomicBoolean stop) throws Exception {
        NativeBuild build = CosimRun.library(o.seed(o.seeds().get(0)), line -> System.err.println("regress: " + line));
        // From here until the end, the files say RUNNING: a kill leaves that, never an older PASS.
        RegressionReport.write(Regression.placeholder(o), dir);
        {
            RegressionSummary s;
            List<Long> list = o.seeds();
            try (ProgressBar bar = !progress.bars()
                    ? null
                    : new ProgressBarBuilder()
                            .setTaskName("regress " + list.size() + " seeds")
                            .setInitialMax(list.size() * o.cycles())
                            .setUnit(" k cycles", 1_000)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(1000)
                            .showSpeed(new java.text.DecimalFormat("#,##0"))
                            .build()) {
                s = Regression.run(o, build, dir.path(), stop, n -> {
                    if (bar != null) {
                        bar.stepBy(n);
                    }
                });
            }
            s = mutation.quote(s, "regress");
            dir.record(List.of("failures", Regression.LOG_DIR, mramcim.verification.coverage.CodeCoverageFiles.DIR));
            List<Path> files = RegressionReport.write(s, dir);
            RegressionReport.console(s).forEach(System.out::println);
            System.out.println("report: "
                    + String.join(", ", files.stream().map(Path::toString).toList()));
            return new OutputDir.Outcome(s.verdict().id(), s.verdict().exitCode());
        }
    }
}
