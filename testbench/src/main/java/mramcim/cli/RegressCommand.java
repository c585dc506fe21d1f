package mramcim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
import mramcim.run.CosimRun;
import mramcim.run.Regression;
import mramcim.run.RegressionReport;
import mramcim.run.RegressionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim regress}: the nightly job, many seeds in lockstep with coverage and a report. */
@Command(name = "regress", description = "Run many seeds of constrained-random traffic in lockstep, with coverage and a report.")
public final class RegressCommand implements Callable<Integer> {

    /** The default regression: what README's main job runs. */
    static final int DEFAULT_SEEDS = 32;
    static final long DEFAULT_CYCLES = 2_000_000;

    @Option(names = "--preset", defaultValue = "jung2022", description = "configuration preset (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seeds", description = "run seeds 1..N (default " + DEFAULT_SEEDS + ")")
    Long seeds;

    @Option(names = "--seed", description = "run this one seed only")
    Long seed;

    @Option(names = "--cycles", defaultValue = "" + DEFAULT_CYCLES, description = "cycles per seed (default ${DEFAULT-VALUE})")
    long cycles;

    @Option(names = "--jobs", description = "parallel workers (default: one per core)")
    Integer jobs;

    @Option(names = "--shard", defaultValue = "1/1", description = "run part I of N of the seeds, for N machines (default ${DEFAULT-VALUE})")
    String shard;

    @Option(names = "--verilog", description = "run against this netlist of MramCimMacro instead of the generated one")
    Path verilog;

    @Option(names = "--window", defaultValue = "2000", description = "waveform cycles before a divergence (default ${DEFAULT-VALUE})")
    long window;

    @Option(names = "--no-progress", description = "no progress bar (logs)")
    boolean noProgress;

    @Option(names = "--out", defaultValue = "out/regress", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (seeds != null && seed != null) {
            throw new IllegalArgumentException("--seeds and --seed exclude each other: give one");
        }
        if (seeds != null && (seeds < 1 || seeds > 1_000_000)) {
            throw new IllegalArgumentException("--seeds = " + seeds + " is out of range: allowed 1..1000000");
        }
        if (!shard.matches("\\d+/\\d+")) {
            throw new IllegalArgumentException("--shard = " + shard + " is malformed: allowed I/N, for example 2/4");
        }
        if (verilog != null && !Files.isRegularFile(verilog)) {
            throw new IllegalArgumentException("--verilog = " + verilog + " is not a readable file");
        }
        int index = Integer.parseInt(shard.substring(0, shard.indexOf('/')));
        int count = Integer.parseInt(shard.substring(shard.indexOf('/') + 1));
        List<Long> list = seed != null ? Regression.shardSeeds(seed, 1, index, count)
                : Regression.shardSeeds(1, seeds == null ? DEFAULT_SEEDS : seeds, index, count);
        int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        MacroConfig config = MacroConfig.preset(preset);
        Regression.Options o = new Regression.Options(config, preset, list, cycles, workers, verilog, window, shard);
        NativeBuild build = CosimRun.library(o.seed(list.get(0)), line -> System.err.println("regress: " + line));
        Files.createDirectories(out);

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch written = new CountDownLatch(1);
        // Ctrl-C: stop the workers, let this thread write the partial report, then let the JVM exit.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "regress-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        RegressionSummary s;
        try (ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("regress " + list.size() + " seeds")
                .setInitialMax(list.size() * cycles).setUnit(" k cycles", 1_000).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000).showSpeed(new java.text.DecimalFormat("#,##0")).build()) {
            s = Regression.run(o, build, out, stop, n -> {
                if (bar != null) {
                    bar.stepBy(n);
                }
            });
        }
        List<Path> files = RegressionReport.write(s, out);
        RegressionReport.console(s).forEach(System.out::println);
        System.out.println("report: " + String.join(", ", files.stream().map(Path::toString).toList()));
        written.countDown();
        if (!stop.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return s.allPassed() ? 0 : 1;
    }
}
