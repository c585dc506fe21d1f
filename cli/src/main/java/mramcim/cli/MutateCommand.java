package mramcim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.verification.mutation.MutationCampaign;
import mramcim.verification.mutation.MutationReport;
import mramcim.verification.regression.Regression;
import mramcim.verification.regression.WorkerPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim mutate}: the regression's mutation score on the generated macro. */
@Command(
        name = "mutate",
        mixinStandardHelpOptions = true,
        description =
                "Measure how many RTL bugs the regression catches: yosys mutations of the generated macro, each run"
                        + " through the regression budget in lockstep; survivors checked for equivalence with yosys' SAT solver.")
public final class MutateCommand implements Callable<Integer> {

    /** The default budget per mutant: the trial, 4 seeds x 200,000 cycles. */
    static final int DEFAULT_SEEDS = 4;

    static final long DEFAULT_CYCLES = 200_000;

    /**
     * The default campaign is on the small 8 x 8 macro: the mutants are many and each runs a
     * regression.
     */
    @picocli.CommandLine.Mixin
    ConfigOptions design = new ConfigOptions("small:8x8");

    @Option(names = "--mutants", defaultValue = "200", description = "mutations to sample (default ${DEFAULT-VALUE})")
    int mutants;

    @Option(names = "--seed", defaultValue = "1", description = "yosys' sampling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--seeds",
            defaultValue = "" + DEFAULT_SEEDS,
            description = "regression seeds per mutant, 1..K (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(
            names = "--cycles",
            defaultValue = "" + DEFAULT_CYCLES,
            description = "cycles per seed (default ${DEFAULT-VALUE})")
    long cycles;

    @Option(names = "--jobs", description = "worker processes (default: one per core)")
    Integer jobs;

    @Option(
            names = "--sat-steps",
            defaultValue = "12",
            description = "bound of the equivalence check, cycles (default ${DEFAULT-VALUE})")
    int satSteps;

    @Option(
            names = "--sat-timeout",
            defaultValue = "120",
            description =
                    "seconds the equivalence check of one survivor may take; then it is undecided (default ${DEFAULT-VALUE})")
    int satTimeout;

    @Option(
            names = "--no-code-coverage",
            description = "skip the code coverage of the original (the holes survivors point to)")
    boolean noCodeCoverage;

    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Option(names = "--out", defaultValue = "out/mutate", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliChecks.cycles("--cycles", cycles);
        CliChecks.range("--sat-steps", satSteps, 1, 1000);
        CliChecks.range("--sat-timeout", satTimeout, 1, (int) WorkerPool.Limits.MAX_SECONDS);
        int workers = (int) CliChecks.range(
                "--jobs", jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), 1, RegressCommand.MAX_JOBS);
        MacroConfig config = design.resolve();
        WorkerPool.Limits defaults = WorkerPool.Limits.defaults(cycles);
        MutationCampaign.Options o = new MutationCampaign.Options(
                config,
                design.label(),
                mutants,
                seed,
                workers,
                seeds,
                cycles,
                satSteps,
                satTimeout,
                new WorkerPool.Limits(defaults.seedTimeout(), Duration.ofSeconds(60)),
                !noCodeCoverage);
        OutputDir dir = OutputDir.claim(
                out,
                "mutate",
                List.of("summary.json", "report.md", "work", "reference", Regression.LOG_DIR),
                design.inputs());
        return dir.guard(() -> {
            AtomicBoolean stop = new AtomicBoolean();
            MutationCampaign.Result r;
            try (ProgressBar bar = !progress.bars()
                    ? null
                    : new ProgressBarBuilder()
                            .setTaskName("mutants")
                            .setInitialMax(mutants)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(1000)
                            .build()) {
                r = MutationCampaign.run(o, dir.path(), stop, line -> System.err.println("mutate: " + line), n -> {
                    if (bar != null) {
                        bar.stepBy(n);
                    }
                });
            }
            dir.record(List.of("work", "reference", Regression.LOG_DIR));
            String command = "scripts/mramcim "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            List<Path> files = MutationReport.write(r, command.trim(), dir);
            MutationReport.console(r).forEach(System.out::println);
            System.out.println("report: " + files.get(0) + ", " + files.get(1));
            return new OutputDir.Outcome("PASS", 0);
        });
    }
}
