package mramcim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mramcim.results.OutputDir;
import mramcim.workloads.wine.WineReport;
import mramcim.workloads.wine.WineRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim wine}: the passive-array experiment of seed 004. */
@Command(
        name = "wine",
        mixinStandardHelpOptions = true,
        description =
                "Program ternary 13-6-3 Wine networks into the simulated passive 15 x 15 MTJ array of seed 004 and sweep accuracy and RMS weight deviation over g_norm.")
public final class WineCommand implements Callable<Integer> {

    @Option(
            names = "--diameter",
            defaultValue = "30",
            description = "MTJ diameter in nm: 30, 40, 50 or 60 (default ${DEFAULT-VALUE})")
    int diameter;

    @Option(
            names = "--ideal",
            description = "the ideal array of seed 004 Fig. 6(c, d): no line resistance, no variation")
    boolean ideal;

    @Option(
            names = "--solutions",
            defaultValue = "300",
            description = "weight solutions (default ${DEFAULT-VALUE}, as in the paper)")
    int solutions;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "die seed: device variation and cycle-to-cycle draws (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: the processors)")
    Integer threads;

    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Option(names = "--out", defaultValue = "out/wine", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        CliChecks.range("--threads", n, 1, CliChecks.MAX_THREADS);
        WineRun.Options o = new WineRun.Options(diameter, ideal, solutions, seed, n);
        o.config(); // refuses a diameter seed 004 did not fabricate before any work
        OutputDir dir = OutputDir.claim(out, "wine", List.of("report.md", "summary.json"), List.of());
        return dir.guard(() -> run(o, dir));
    }

    private OutputDir.Outcome run(WineRun.Options o, OutputDir dir) {
        WineRun.Result r = WineRun.run(o, new ProgressBars("wine", progress.bars()));
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        WineReport.write(r, command, dir);
        for (String line : WineReport.summary(r)) {
            System.out.println(line);
        }
        System.out.println("report: " + dir.resolve("report.md") + ", " + dir.resolve("summary.json"));
        return new OutputDir.Outcome("PASS", 0);
    }
}
