package mramcim.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mramcim.calibration.Injection;
import mramcim.calibration.measured.BenchPlan;
import mramcim.calibration.measured.BenchRun;
import mramcim.calibration.measured.Measurement;
import mramcim.calibration.measured.MeasurementFiles;
import mramcim.calibration.measured.MeasurementHeader;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mramcim measure}: a simulated bench run of a die, written in the measurement format
 * (docs/measurements.md), for the silicon-in-the-loop flow without a chip and as a reference file
 * for a lab script.
 */
@Command(
        name = "measure",
        mixinStandardHelpOptions = true,
        description = "Measure a simulated die through host commands as a bench would, and write its codes"
                + " in the measurement format (measurement.json, weights.csv, conversions.csv).")
public final class MeasureCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions design;

    @Option(names = "--seed", defaultValue = "1", description = "die (and pattern) seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--inject",
            split = ",",
            description = "add a comparator offset COLUMN=MILLIVOLTS to a column of the die (repeatable), e.g. 5=30")
    List<String> inject = new ArrayList<>();

    @Option(
            names = "--plan",
            defaultValue = "twin",
            description = "what to measure: " + BenchPlan.NAMES + " (default ${DEFAULT-VALUE})")
    String plan;

    @Option(names = "--die", description = "the die's name in the files (default: sim-PRESET-sSEED)")
    String die;

    @Option(names = "--date", description = "the measurement date, YYYY-MM-DD (default: today, UTC)")
    String date;

    @Option(names = "--out", defaultValue = "out/measure", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ProgressOptions progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MacroConfig cfg = design.resolve();
        BenchPlan p = BenchPlan.parse(plan, cfg);
        Injection injection = Injection.parse(inject);
        for (int col : injection.comparatorOffsets().keySet()) {
            CliChecks.range("--inject column", col, 0, cfg.cols() - 1);
        }
        String base = design.config != null
                ? design.config.getFileName().toString().replaceFirst("\\.json$", "")
                : design.preset;
        String name = die != null ? die : ("sim-" + base + "-s" + seed).replaceAll("[^A-Za-z0-9._-]", "-");
        String day = date != null ? date : LocalDate.now(ZoneOffset.UTC).toString();
        String command = "scripts/mramcim "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        BenchRun.Options o = new BenchRun.Options(cfg, seed, injection, p, name, day, "simulated: " + command);
        MeasurementHeader.checkDie("--die", name);
        MeasurementHeader.checkDate("--date", day);
        OutputDir dir = OutputDir.claim(out, "measure", MeasurementFiles.FILES, design.inputs());
        return dir.guard(() -> {
            long t0 = System.nanoTime();
            Measurement m = BenchRun.run(o, new ProgressBars("measure", progress.bars()));
            MeasurementFiles.write(m, dir);
            System.out.printf(
                    Locale.ROOT,
                    "measure: die %s (%s seed %d%s), %d x %d: %,d conversions of %d weight sets (%s) in %.1f s%n",
                    name,
                    design.name(),
                    seed,
                    injection.isEmpty() ? "" : ", injected " + injection,
                    cfg.rows(),
                    cfg.cols(),
                    m.conversions().size(),
                    m.header().weightSets(),
                    p,
                    (System.nanoTime() - t0) / 1e9);
            System.out.println("wrote " + dir.resolve(MeasurementFiles.HEADER) + ", " + MeasurementFiles.WEIGHTS + ", "
                    + MeasurementFiles.CONVERSIONS);
            return new OutputDir.Outcome("PASS", 0);
        });
    }
}
