package mramcim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.workload.mnist.MnistReport;
import mramcim.workload.mnist.MnistRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mramcim mnist}: the binary perceptron of seed 000 on the macro. */
@Command(name = "mnist", description = "Train (or load) the binary 784-128-10 perceptron and classify the held-out MNIST digits in software, on the macro, and a subset on the RTL.")
public final class MnistCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions design;

    @Option(names = "--seed", defaultValue = "1", description = "die and training seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train", description = "train even if the network file exists")
    boolean train;

    @Option(names = "--network", description = "trained network file (default: OUT/network.json)")
    Path network;

    @Option(names = "--cosim-digits", defaultValue = "20", description = "held-out digits co-simulated on the RTL, 0 for none (default ${DEFAULT-VALUE})")
    int cosimDigits;

    @Option(names = "--no-sweep", description = "skip the variation and clock sweeps")
    boolean noSweep;

    @Option(names = "--no-progress", description = "no progress bars")
    boolean noProgress;

    @Option(names = "--out", defaultValue = "out/mnist", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (cosimDigits < 0) {
            throw new IllegalArgumentException("--cosim-digits = " + cosimDigits + " is out of range: allowed 0 or more");
        }
        MacroConfig cfg = design.resolve();
        Path net = network != null ? network : out.resolve("network.json");
        MnistRun.Options o = new MnistRun.Options(cfg, design.name(), seed, net, train, cosimDigits,
                cosimDigits > 0 ? RtlLibraries.forTop("MramCimMacro", cfg.rows(), cfg.cols(), l -> System.err.println("mnist: " + l)) : null,
                !noSweep, Runtime.getRuntime().availableProcessors());
        MnistRun.Result r = MnistRun.run(o, new ProgressBars("mnist", !noProgress));
        String command = "scripts/mramcim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        MnistReport.write(r, command, out);
        System.out.printf("mnist: %s seed %d: software %.2f %%, array %.2f %% (drop %.2f points; seed 000: %.2f / %.2f)%n", o.preset(), seed,
                100 * r.softwareAccuracy(), 100 * r.arrayAccuracy(), 100 * (r.softwareAccuracy() - r.arrayAccuracy()), MnistReport.PAPER_SOFTWARE,
                MnistReport.PAPER_ARRAY);
        System.out.printf("training %.1f s (%s), array inference of %,d digits %.2f s%n", r.trainSeconds(), r.trained() ? "trained" : "loaded",
                r.test().size(), r.arraySeconds());
        if (r.cosimDigits() > 0) {
            System.out.printf("co-simulation: %d digits, %,d cycles in %.1f s, %,d of %,d columns differ from the fast path%n", r.cosimDigits(),
                    r.cosimCycles(), r.cosimSeconds(), r.cosimMismatches(), r.cosimColumns());
        }
        System.out.println("report: " + out.resolve("report.md"));
        return r.cosimMismatches() == 0 ? 0 : 1;
    }
}
