package mramcim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mramcim.calibration.OffsetsFile;
import mramcim.calibration.ValidationRun;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mramcim validate --offsets FILE}: how much offsets computed elsewhere help or hurt on this
 * die. Exit 0 if they lower the mean absolute error, 1 if they raise it, 2 if the file is refused.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Apply an offsets file to a die and measure how much it helps or hurts (exit 1 if it hurts).")
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--offsets", required = true, description = "offsets.json (from mramcim calibrate or a lab script)")
    Path offsets;

    @Mixin
    CalibrationOptions common;

    @Option(names = "--out", defaultValue = "out/validate", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (common.measured != null) {
            return measured();
        }
        MacroConfig cfg = common.config();
        OffsetsFile file = OffsetsFile.read(offsets, cfg);
        List<Path> inputs = new java.util.ArrayList<>(common.inputs());
        inputs.add(offsets);
        OutputDir dir = OutputDir.claim(out, "validate", List.of("summary.json", "report.md"), inputs);
        return dir.guard(() -> run(cfg, file, dir));
    }

    /** The offsets on a bench run's held-out codes (issue 24). */
    private int measured() throws Exception {
        var parsed = spec.commandLine().getParseResult();
        var m = common.measurement(parsed);
        OffsetsFile file = OffsetsFile.readForSize(offsets, m.rows(), m.cols());
        var global = file.global() != null
                ? file.global()
                : mramcim.calibration.measured.MeasuredCalibration.global(m).global();
        var v = mramcim.calibration.measured.MeasuredCalibration.validate(m, global, file.offsets());
        List<Path> inputs = new java.util.ArrayList<>(common.measuredInputs());
        inputs.add(offsets);
        OutputDir dir = OutputDir.claim(out, "validate", List.of("summary.json", "report.md"), inputs);
        String command = "scripts/mramcim " + String.join(" ", parsed.originalArgs());
        return dir.guard(() -> {
            mramcim.calibration.measured.MeasuredReport.writeValidation(
                    m, common.measured, offsets, file, v, command, dir);
            CalibrateCommand.line("held-out", v);
            boolean helps = mramcim.calibration.measured.MeasuredReport.helps(v);
            System.out.printf(
                    Locale.ROOT,
                    "validate: the offsets %s on die %s: MAE %.3f before -> %.3f after%n",
                    helps ? "help" : "HURT",
                    m.header().die(),
                    v.before().mae(),
                    v.after().mae());
            System.out.println("report: " + dir.resolve("report.md"));
            return helps ? new OutputDir.Outcome("PASS", 0) : new OutputDir.Outcome("FAIL", 1);
        });
    }

    private OutputDir.Outcome run(MacroConfig cfg, OffsetsFile file, OutputDir dir) {
        ValidationRun.Result r = ValidationRun.run(
                cfg,
                common.design.name(),
                common.seed,
                file,
                common.validation(cfg),
                common.option2(),
                common.injection(),
                common.rtlBuild(cfg, line -> System.err.println("validate: " + line)),
                common.engine.engine,
                common.threads(),
                new ProgressBars("validate", common.progress.bars()));
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        ValidationRun.write(r, command, offsets, dir);
        CalibrateCommand.line("Option 1", r.option1());
        CalibrateCommand.line("Option 2", r.option2());
        System.out.printf(
                Locale.ROOT,
                "validate: the offsets %s; columns helped %d, hurt %d%s%n",
                r.helps() ? "help" : "HURT",
                r.helped().size(),
                r.hurt().size(),
                r.hurt().isEmpty() ? "" : " " + r.hurt());
        System.out.println("report: " + dir.resolve("report.md"));
        return r.helps() ? new OutputDir.Outcome("PASS", 0) : new OutputDir.Outcome("FAIL", 1);
    }
}
