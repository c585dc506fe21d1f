package mramcim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.workloads.vgg8.BinaryVgg8;
import mramcim.workloads.vgg8.Vgg8Report;
import mramcim.workloads.vgg8.Vgg8Run;
import mramcim.workloads.vgg8.Vgg8Shape;
import mramcim.workloads.vgg8.Vgg8Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mramcim vgg8}: seed 000's binary VGG-8, in software, emulated and on the die. */
@Command(
        name = "vgg8",
        mixinStandardHelpOptions = true,
        description = "Train (or load) the binary VGG-8 and classify the held-out MNIST digits in software, emulated"
                + " with the die's measured errors, on the die's fast path, and a subset on the RTL.")
public final class Vgg8Command implements Callable<Integer> {

    @Mixin
    ConfigOptions design;

    @Option(names = "--seed", defaultValue = "1", description = "die and training seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    NetworkOptions networkOptions;

    @Option(
            names = "--small",
            description =
                    "train the small network of the tests (4-4-8-8-8-8 channels, 32 hidden, 3 epochs) instead of the default")
    boolean small;

    @Option(
            names = "--errors",
            defaultValue = "both",
            description = "emulations to run: measured (the die's measured error distributions), fastpath (the die's"
                    + " analog model), or both (default ${DEFAULT-VALUE})")
    String errors;

    @Option(
            names = "--cosim-images",
            defaultValue = "5",
            description = "held-out digits co-simulated on the RTL, 0 for none (default ${DEFAULT-VALUE})")
    int cosimImages;

    @Option(names = "--no-sweep", description = "skip the device-variation sweep")
    boolean noSweep;

    @Option(names = "--threads", description = "threads (default: one per core)")
    Integer threads;

    @Mixin
    ProgressOptions progress;

    @Mixin
    EngineOptions engine;

    @Option(names = "--out", defaultValue = "out/vgg8", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliChecks.range("--cosim-images", cosimImages, 0, MnistCommand.MAX_COSIM_DIGITS);
        Vgg8Run.Errors mode = switch (errors) {
            case "measured" -> Vgg8Run.Errors.MEASURED;
            case "fastpath" -> Vgg8Run.Errors.FASTPATH;
            case "both" -> Vgg8Run.Errors.BOTH;
            default ->
                throw new IllegalArgumentException(
                        "--errors = " + errors + " is not a mode: allowed measured, fastpath, both");
        };
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        CliChecks.range("--threads", n, 1, CliChecks.MAX_THREADS);
        MacroConfig cfg = design.resolve();
        Path net = networkOptions.file(out);
        boolean training = networkOptions.training(net, BinaryVgg8::load);
        List<Path> inputs = new java.util.ArrayList<>(design.inputs());
        if (!training) {
            inputs.add(net);
        }
        Vgg8Trainer.Settings settings =
                small ? Vgg8Trainer.Settings.small(seed, n) : Vgg8Trainer.Settings.defaults(seed, n);
        Vgg8Run.Options o = new Vgg8Run.Options(
                cfg,
                design.name(),
                seed,
                small ? Vgg8Shape.small() : Vgg8Shape.defaults(),
                net,
                networkOptions.train,
                settings,
                mode,
                cosimImages,
                cosimImages > 0
                        ? RtlLibraries.forTop(
                                "MramCimMacro", cfg.rows(), cfg.cols(), l -> System.err.println("vgg8: " + l))
                        : null,
                engine.engine,
                !noSweep,
                n);
        OutputDir dir = OutputDir.claim(out, "vgg8", List.of("report.md", "summary.json"), inputs);
        return dir.guard(() -> run(o, dir));
    }

    private OutputDir.Outcome run(Vgg8Run.Options o, OutputDir dir) {
        Vgg8Run.Result r = Vgg8Run.run(o, new ProgressBars("vgg8", progress.bars()));
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        Vgg8Report.write(r, command, dir);
        System.out.printf(
                Locale.ROOT,
                "vgg8: %s seed %d, %s: software %.2f %%, emulated %s, fast path %s (seed 000: %.2f / %.2f)%n",
                o.preset(),
                o.seed(),
                r.net().shape(),
                100 * r.accuracy(r.software()),
                percent(r.accuracy(r.emulated())),
                percent(r.accuracy(r.fastpath())),
                100 * Vgg8Run.PAPER_SOFTWARE,
                100 * Vgg8Run.PAPER_EMULATED);
        System.out.printf(
                Locale.ROOT,
                "%d tile passes, %,d conversions per digit; training %.1f s (%s), emulation %.1f s, fast path %.1f s%n",
                r.passes(),
                r.conversionsPerDigit(),
                r.trainSeconds(),
                r.trained() ? "trained" : "loaded",
                r.emulatedSeconds(),
                r.fastpathSeconds());
        if (r.cosimImages() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "co-simulation: %d digits, %,d cycles in %.1f s, %,d of %,d columns differ from the fast path%n",
                    r.cosimImages(),
                    r.cosimCycles(),
                    r.cosimSeconds(),
                    r.cosimMismatches(),
                    r.cosimColumns());
        }
        System.out.println("report: " + dir.resolve("report.md") + ", " + dir.resolve("summary.json"));
        return r.cosimMismatches() == 0 ? new OutputDir.Outcome("PASS", 0) : new OutputDir.Outcome("FAIL", 1);
    }

    private static String percent(double a) {
        return Double.isNaN(a) ? "not run" : String.format(Locale.ROOT, "%.2f %%", 100 * a);
    }
}
