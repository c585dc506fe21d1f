package mramcim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.workloads.mnist.BinaryMlp;
import mramcim.workloads.mnist.MnistReport;
import mramcim.workloads.mnist.MnistRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mramcim mnist}: the binary perceptron of seed 000 on the macro. */
@Command(
        name = "mnist",
        mixinStandardHelpOptions = true,
        description =
                "Train (or load) the binary 784-128-10 perceptron and classify the held-out MNIST digits in software, on the macro, and a subset on the RTL.")
public final class MnistCommand implements Callable<Integer> {

    /** Largest --cosim-digits: all of the package's 10,000 digits (only the held-out ones run). */
    static final int MAX_COSIM_DIGITS = 10_000;

    @Mixin
    ConfigOptions design;

    @Option(names = "--seed", defaultValue = "1", description = "die and training seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    NetworkOptions networkOptions;

    @Option(
            names = "--cosim-digits",
            defaultValue = "20",
            description = "held-out digits co-simulated on the RTL, 0 for none (default ${DEFAULT-VALUE})")
    int cosimDigits;

    @Option(names = "--no-sweep", description = "skip the variation and clock sweeps")
    boolean noSweep;

    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @picocli.CommandLine.Mixin
    EngineOptions engine;

    @Option(names = "--out", defaultValue = "out/mnist", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliChecks.range("--cosim-digits", cosimDigits, 0, MAX_COSIM_DIGITS);
        MacroConfig cfg = design.resolve();
        Path net = networkOptions.file(out);
        boolean training = networkOptions.training(net, BinaryMlp::load);
        List<Path> inputs = new java.util.ArrayList<>(design.inputs());
        if (!training) {
            inputs.add(net);
        }
        OutputDir dir = OutputDir.claim(out, "mnist", List.of("report.md", "summary.json"), inputs);
        return dir.guard(() -> run(cfg, net, dir));
    }

    private OutputDir.Outcome run(MacroConfig cfg, Path net, OutputDir dir) {
        MnistRun.Options o = new MnistRun.Options(
                cfg,
                design.name(),
                seed,
                net,
                networkOptions.train,
                cosimDigits,
                cosimDigits > 0
                        ? RtlLibraries.forTop(
                                "MramCimMacro", cfg.rows(), cfg.cols(), l -> System.err.println("mnist: " + l))
                        : null,
                !noSweep,
                Runtime.getRuntime().availableProcessors(),
                engine.engine);
        MnistRun.Result r = MnistRun.run(o, new ProgressBars("mnist", progress.bars()));
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        MnistReport.write(r, command, dir);
        System.out.printf(
                Locale.ROOT,
                "mnist: %s seed %d: software %.2f %%, array %.2f %% (drop %.2f points; seed 000: %.2f / %.2f)%n",
                o.preset(),
                seed,
                100 * r.softwareAccuracy(),
                100 * r.arrayAccuracy(),
                100 * (r.softwareAccuracy() - r.arrayAccuracy()),
                MnistReport.PAPER_SOFTWARE,
                MnistReport.PAPER_ARRAY);
        System.out.printf(
                Locale.ROOT,
                "training %.1f s (%s), array inference of %,d digits %.2f s%n",
                r.trainSeconds(),
                r.trained() ? "trained" : "loaded",
                r.test().size(),
                r.arraySeconds());
        if (r.cosimDigits() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "co-simulation: %d digits, %,d cycles in %.1f s, %,d of %,d columns differ from the fast path%n",
                    r.cosimDigits(),
                    r.cosimCycles(),
                    r.cosimSeconds(),
                    r.cosimMismatches(),
                    r.cosimColumns());
        }
        System.out.println("report: " + dir.resolve("report.md") + ", " + dir.resolve("summary.json"));
        return r.cosimMismatches() == 0 ? new OutputDir.Outcome("PASS", 0) : new OutputDir.Outcome("FAIL", 1);
    }
}
