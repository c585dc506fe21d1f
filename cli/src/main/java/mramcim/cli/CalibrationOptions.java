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

    @Option(
            names = "--measured",
            description = "a bench run's directory (docs/measurements.md): SPEC 6 on its measured codes, no model;"
                    + " the die options (--preset, --config, --seed, --inject, --rtl, --option2) do not apply")
    java.nio.file.Path measured;

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
     * The bench run of {@code --measured}, refusing the options that describe a simulated die
     * (they would be silently ignored).
     */
    mramcim.calibration.measured.Measurement measurement(picocli.CommandLine.ParseResult parsed) {
        for (String option :
                new String[] {"--preset", "--config", "--seed", "--inject", "--rtl", "--option2", "--validation"}) {
            if (parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException(option
                        + " does not apply with --measured: the codes are the die's (the held-out patterns are the"
                        + " measurement's heldout conversions)");
            }
        }
        return mramcim.calibration.measured.MeasurementFiles.read(measured);
    }

    /** The files of {@code --measured}, which the outputs must not replace. */
    List<java.nio.file.Path> measuredInputs() {
        List<java.nio.file.Path> out = new ArrayList<>();
        for (String f : mramcim.calibration.measured.MeasurementFiles.FILES) {
            out.add(measured.resolve(f));
        }
        return out;
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
