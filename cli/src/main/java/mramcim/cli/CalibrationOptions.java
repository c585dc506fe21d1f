package mramcim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mramcim.calibration.CalibrationRun;
import mramcim.calibration.FastValidation;
import mramcim.calibration.Injection;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code calibrate} and {@code validate} share: the die, the held-out patterns, where
 * to run.
 */
public final class CalibrationOptions {

    @Mixin
    ConfigOptions design;

    @Option(names = "--seed", defaultValue = "1", description = "die (and pattern) seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--validation",
            description =
                    "held-out patterns through host commands, Option 1 (default: 1,600 dot products' worth, 25 on 64 columns)")
    Integer validation;

    @Option(
            names = "--option2",
            defaultValue = "1000x64",
            description =
                    "fast-path held-out plan SETSxINPUTS: weight sets x input vectors (default ${DEFAULT-VALUE}: 4,096,000 dot products on 64 columns)")
    String option2;

    @Option(
            names = "--inject",
            split = ",",
            description = "add a comparator offset COLUMN=MILLIVOLTS to a column (repeatable), e.g. 5=30")
    List<String> inject = new ArrayList<>();

    @Option(names = "--rtl", description = "run the host commands on the Verilated RTL in lockstep with the Java model")
    boolean rtl;

    @Option(names = "--threads", description = "threads for Option 2 and the sweeps (default: one per core)")
    Integer threads;

    @Mixin
    ProgressOptions progress;

    /** The lockstep engine of {@code --rtl}. */
    @Mixin
    EngineOptions engine;

    MacroConfig config() {
        return design.resolve();
    }

    /**
     * Most held-out patterns through host commands: each is some 400 cycles per column on the
     * macro.
     */
    static final long MAX_VALIDATION = 1_000_000;

    int validation(MacroConfig cfg) {
        int v = validation != null ? validation : CalibrationRun.Options.option1Patterns(cfg.cols());
        return (int) CliChecks.range("--validation", v, 1, MAX_VALIDATION);
    }

    FastValidation.Plan option2() {
        return FastValidation.Plan.parse(option2);
    }

    Injection injection() {
        return Injection.parse(inject);
    }

    int threads() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return (int) CliChecks.range("--threads", n, 1, CliChecks.MAX_THREADS);
    }

    /** The input files of the run (a --config file), which its outputs must not replace. */
    List<java.nio.file.Path> inputs() {
        return design.inputs();
    }

    /** The RTL library of the configuration's size when {@code --rtl} is given, else null. */
    NativeBuild rtlBuild(MacroConfig cfg, Consumer<String> log) {
        return rtl ? RtlLibraries.forTop("MramCimMacro", cfg.rows(), cfg.cols(), log) : null;
    }
}
