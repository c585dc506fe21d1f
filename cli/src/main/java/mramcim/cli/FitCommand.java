package mramcim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mramcim.calibration.measured.Measurement;
import mramcim.calibration.measured.MeasurementFiles;
import mramcim.calibration.twin.DieFit;
import mramcim.calibration.twin.FitReport;
import mramcim.calibration.twin.Twin;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mramcim fit}: the digital twin of a measured die. Writes twin.json, which every command
 * takes with {@code --config}, and the fit report.
 */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        description = "Fit the model of a die to its measured codes and write its digital twin (twin.json, for"
                + " --config) with a fit report.")
public final class FitCommand implements Callable<Integer> {

    @Option(
            names = "--measured",
            required = true,
            description = "directory of a bench run in the measurement format (docs/measurements.md)")
    Path measured;

    /** The design the die was made to. */
    @Mixin
    ConfigOptions design;

    @Option(names = "--threads", description = "threads (default: one per core)")
    Integer threads;

    @Option(names = "--out", defaultValue = "out/fit", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ProgressOptions progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MacroConfig cfg = design.resolve();
        if (cfg.die() != null) {
            throw new IllegalArgumentException("--config = " + design.name() + " is already a fitted die (" + cfg.die()
                    + "): give the design the die was made to");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        CliChecks.range("--threads", n, 1, CliChecks.MAX_THREADS);
        Measurement m = MeasurementFiles.read(measured);
        m.header().checkDesign(cfg, design.name());
        List<Path> inputs = new ArrayList<>(design.inputs());
        for (String f : MeasurementFiles.FILES) {
            inputs.add(measured.resolve(f));
        }
        OutputDir dir = OutputDir.claim(out, "fit", List.of(FitReport.TWIN, FitReport.SUMMARY, "report.md"), inputs);
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return dir.guard(() -> {
            DieFit.Result r = DieFit.fit(m, cfg, design.name(), n, new ProgressBars("fit", progress.bars()));
            MacroConfig twin = Twin.config(r);
            Twin.HeldOut h = Twin.heldOut(m, twin);
            FitReport.write(r, twin, h, measured, command, dir);
            double worst = 0;
            double lo = Double.MAX_VALUE;
            double hi = 0;
            for (DieFit.ColumnFit f : r.columns()) {
                worst = Math.max(worst, f.delayScaleUncertainty() / f.delayScale());
                lo = Math.min(lo, f.delayScale());
                hi = Math.max(hi, f.delayScale());
            }
            System.out.printf(
                    Locale.ROOT,
                    "fit: die %s, %d x %d, %,d codes in %.1f s: delay scales %.4f..%.4f (largest uncertainty %.2f %%),"
                            + " jitter %s%n",
                    m.header().die(),
                    m.rows(),
                    m.cols(),
                    r.columns().stream()
                            .mapToLong(DieFit.ColumnFit::observations)
                            .sum(),
                    r.seconds(),
                    lo,
                    hi,
                    100 * worst,
                    r.jitter().measured()
                            ? String.format(
                                    Locale.ROOT,
                                    "%.1f +- %.1f ps",
                                    r.jitter().sigma() * 1e12,
                                    r.jitter().uncertainty() * 1e12)
                            : "not measured (design's kept)");
            System.out.printf(
                    Locale.ROOT,
                    "held-out: %,d codes, %.1f %% predicted exactly, %.2f %% within one code%n",
                    h.codes(),
                    100 * h.exactFraction(),
                    100 * h.withinOneFraction());
            long stuck =
                    r.columns().stream().mapToLong(f -> f.withoutSwing().size()).sum();
            if (stuck > 0) {
                System.out.printf(
                        Locale.ROOT, "%d MTJs show no swing (they look stuck): fit.json, mtjsWithoutSwing%n", stuck);
            }
            System.out.println("twin: " + dir.resolve(FitReport.TWIN) + " (use it with --config); report: "
                    + dir.resolve("report.md"));
            return new OutputDir.Outcome("PASS", 0);
        });
    }
}
