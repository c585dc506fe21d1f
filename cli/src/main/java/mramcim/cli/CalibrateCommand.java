package mramcim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mramcim.calibration.CalibrationReport;
import mramcim.calibration.CalibrationRun;
import mramcim.calibration.ConditionSweep;
import mramcim.calibration.FastValidation;
import mramcim.calibration.Validation;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mramcim calibrate}: SPEC section 6 through host commands, validated, with pictures, energy
 * and sweeps.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description =
                "Compute, program and validate the per-column digital offsets (SPEC 6); write offsets.json, plots and report.md.")
public final class CalibrateCommand implements Callable<Integer> {

    /**
     * Sweep points' sizes: K and held-out patterns as the main run's Option 1, a small fast-path
     * energy estimate.
     */
    static final FastValidation.Plan SWEEP_ENERGY = new FastValidation.Plan(16, 16);

    @Mixin
    CalibrationOptions common;

    @Option(
            names = "--patterns",
            description =
                    "K, calibration patterns (fresh W and IN each; default: 1,600 dot products' worth, 25 on 64 columns)")
    Integer patterns;

    @Option(
            names = "--threshold",
            defaultValue = "" + mramcim.calibration.Calibrator.DEFAULT_THRESHOLD,
            description = "offset only columns whose abs(mean error) exceeds this, DP units (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--no-sweep", description = "skip the supply and frequency sweeps")
    boolean noSweep;

    @Option(
            names = "--out",
            defaultValue = "out/calibrate",
            description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (common.measured != null) {
            return measured();
        }
        MacroConfig cfg = common.config();
        int k = patterns != null ? patterns : CalibrationRun.Options.option1Patterns(cfg.cols());
        CliChecks.range("--patterns", k, 1, MAX_PATTERNS);
        if (!(threshold >= 0 && threshold <= cfg.rows())) {
            throw new IllegalArgumentException(
                    "--threshold = " + threshold + " is out of range: allowed 0.." + cfg.rows() + " DP units");
        }
        int validation = common.validation(cfg);
        ConditionSweep.Plan sweep = noSweep ? null : new ConditionSweep.Plan(k, validation, threshold, SWEEP_ENERGY);
        CalibrationRun.Options o = new CalibrationRun.Options(
                cfg,
                common.design.name(),
                common.seed,
                k,
                threshold,
                validation,
                common.option2(),
                sweep,
                common.injection(),
                common.rtlBuild(cfg, line -> System.err.println("calibrate: " + line)),
                common.threads(),
                common.engine.engine);
        OutputDir dir = OutputDir.claim(out, "calibrate", FILES, common.inputs());
        return dir.guard(() -> run(o, dir));
    }

    /** SPEC 6 on a bench run's codes (issue 24): no model, the same offsets file. */
    private int measured() throws Exception {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--no-sweep")) {
            throw new IllegalArgumentException(
                    "--no-sweep does not apply with --measured: measured codes have no sweeps");
        }
        var m = common.measurement(parsed);
        int k = m.of(mramcim.calibration.measured.Role.CALIBRATION).size();
        if (patterns != null && patterns != k) {
            throw new IllegalArgumentException("--patterns = " + patterns + " does not match the measurement: it holds "
                    + k + " calibration conversions (leave --patterns out with --measured)");
        }
        if (!(threshold >= 0 && threshold <= m.rows())) {
            throw new IllegalArgumentException(
                    "--threshold = " + threshold + " is out of range: allowed 0.." + m.rows() + " DP units");
        }
        var cal = mramcim.calibration.measured.MeasuredCalibration.calibrate(m, threshold);
        var heldout = mramcim.calibration.measured.MeasuredCalibration.validate(m, cal.global(), cal.offsets());
        OutputDir dir = OutputDir.claim(out, "calibrate", FILES, common.measuredInputs());
        String command = "scripts/mramcim " + String.join(" ", parsed.originalArgs());
        return dir.guard(() -> {
            mramcim.calibration.measured.MeasuredReport.writeCalibration(
                    m, common.measured, cal, heldout, command.trim(), dir);
            System.out.printf(
                    Locale.ROOT,
                    "calibrate: die %s (measured), %d x %d: C0 = %d, GAIN = %d, %d of %d columns offset%n",
                    m.header().die(),
                    m.rows(),
                    m.cols(),
                    cal.global().c0(),
                    cal.global().gain(),
                    cal.correctedColumns().size(),
                    m.cols());
            line("held-out", heldout);
            System.out.println("report: " + dir.resolve("report.md"));
            return new OutputDir.Outcome("PASS", 0);
        });
    }

    /** What calibrate writes (besides the pictures, which the status file lists). */
    static final List<String> FILES = List.of("offsets.json", "summary.json", "report.md");

    /**
     * Largest K: a million patterns is 64 million calibration conversions, some minutes; more is a
     * typo or a run without end.
     */
    static final long MAX_PATTERNS = 1_000_000;

    private OutputDir.Outcome run(CalibrationRun.Options o, OutputDir dir) {
        MacroConfig cfg = o.config();
        CalibrationRun.Result r = CalibrationRun.run(o, new ProgressBars("calibrate", common.progress.bars()));
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        List<Path> files = CalibrationReport.write(r, command.trim(), dir);
        System.out.printf(
                Locale.ROOT,
                "calibrate: %s seed %d, %d x %d: C0 = %d, GAIN = %d, %d of %d columns offset%n",
                o.preset(),
                o.seed(),
                cfg.rows(),
                cfg.cols(),
                r.calibration().global().c0(),
                r.calibration().global().gain(),
                r.calibration().correctedColumns().size(),
                cfg.cols());
        line("Option 1", r.option1());
        line("Option 2", r.option2());
        System.out.printf(
                Locale.ROOT,
                "energy %.2f pJ per conversion, %.0f TOPS/W (seed 003: %.0f TOPS/W)%n",
                r.option2().energy().total() * 1e12,
                mramcim.calibration.EnergyModel.topsPerWatt(
                        cfg, r.option2().energy().total()),
                CalibrationReport.SEED_TOPS_PER_WATT);
        if (r.lockstepCycles() > 0) {
            System.out.printf(Locale.ROOT, "RTL in lockstep: %,d cycles, no divergence%n", r.lockstepCycles());
        }
        System.out.println("report: " + dir.resolve("report.md") + " (" + files.size() + " files)");
        return new OutputDir.Outcome("PASS", 0);
    }

    static void line(String name, Validation v) {
        System.out.printf(
                Locale.ROOT,
                "%s: %,d held-out dot products, MAE %.3f before -> %.3f after offsets (%.2f s)%n",
                name,
                v.after().count(),
                v.before().mae(),
                v.after().mae(),
                v.seconds());
    }
}
