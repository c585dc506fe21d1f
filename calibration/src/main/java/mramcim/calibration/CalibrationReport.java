package mramcim.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.results.ReportHeader;

/**
 * Writes what {@code mramcim calibrate} produced: {@code offsets.json}, the pictures (PNG and SVG),
 * {@code summary.json} with the key figures, and {@code report.md} that shows them with the numbers
 * and says how they were obtained.
 */
public final class CalibrationReport {

    /** Energy of the chip measured by Jung et al., as reported by seed 003. */
    public static final double SEED_TOPS_PER_WATT = 262;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationReport() {}

    /**
     * Writes everything into {@code dir}.
     *
     * @param command the command line that reproduces the run, for the report's header
     * @return the files written
     */
    public static List<Path> write(CalibrationRun.Result r, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(CalibrationRun.offsetsFile(r).write(dir, "offsets.json"));
            int rows = r.options().config().rows();
            int chosen = chosenDotProduct(rows);
            files.addAll(CalibrationPlots.histogram(
                    r.option2(),
                    String.format(
                            Locale.ROOT,
                            "%,d held-out dot products (Option 2, fast path)",
                            r.option2().after().count()),
                    dir,
                    "error-histogram"));
            files.addAll(CalibrationPlots.histogram(
                    r.option1(),
                    String.format(
                            Locale.ROOT,
                            "%,d held-out dot products (Option 1, host commands)",
                            r.option1().after().count()),
                    dir,
                    "error-histogram-option1"));
            files.addAll(CalibrationPlots.columns(r.option2(), dir, "column-errors"));
            files.addAll(CalibrationPlots.transfer(r.option2(), dir, "transfer"));
            files.addAll(CalibrationPlots.errorsAt(r.option2(), -chosen, dir, "errors-at-minus"));
            files.addAll(CalibrationPlots.errorsAt(r.option2(), chosen, dir, "errors-at-plus"));
            MacroConfig cfg = r.options().config();
            if (!r.supplySweep().isEmpty()) {
                files.addAll(CalibrationPlots.sweep(
                        ConditionSweep.Axis.SUPPLY,
                        r.supplySweep(),
                        String.format(Locale.ROOT, "%.1f MHz", cfg.timing().operatingFrequency() / 1e6),
                        dir,
                        "sweep-supply"));
                files.addAll(CalibrationPlots.sweep(
                        ConditionSweep.Axis.FREQUENCY,
                        r.frequencySweep(),
                        String.format(
                                Locale.ROOT,
                                "%.2f V readout supply",
                                cfg.energy().vTdc()),
                        dir,
                        "sweep-frequency"));
            }
            files.add(dir.write("summary.json", JSON.writeValueAsString(summary(r)) + "\n"));
            files.add(dir.write("report.md", markdown(r, command, chosen)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the calibration report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dot product of the Extended Data Fig. 7 style plots: about ROWS/4, of the parity every DP
     * of ROWS rows has.
     */
    static int chosenDotProduct(int rows) {
        int q = Math.max(1, rows / 4);
        return (rows - q) % 2 == 0 ? q : q + 1;
    }

    static ObjectNode summary(CalibrationRun.Result r) {
        ObjectNode o = JSON.createObjectNode();
        CalibrationRun.Options opt = r.options();
        o.put("preset", opt.preset());
        o.put("seed", opt.seed());
        o.put("rows", opt.config().rows());
        o.put("cols", opt.config().cols());
        o.put("patterns", opt.patterns());
        o.put("threshold", opt.threshold());
        o.put("ranOn", r.where());
        o.put("lockstepCycles", r.lockstepCycles());
        o.put("injection", opt.injection().toString());
        o.put("c0", r.calibration().global().c0());
        o.put("gain", r.calibration().global().gain());
        o.put("referenceMismatches", r.calibration().referenceMismatches());
        ArrayNode off = o.putArray("offsets");
        for (int v : r.calibration().offsets()) {
            off.add(v);
        }
        o.put("calibrationCycles", r.calibration().cycles());
        o.put("calibrationSeconds", r.calibrationSeconds());
        validation(o.putObject("option1"), r.option1());
        validation(o.putObject("option2"), r.option2());
        EnergyModel.Breakdown e = r.option2().energy();
        ObjectNode en = o.putObject("energy");
        en.put("columnDriveJ", e.columnDrive());
        en.put("countersJ", e.counters());
        en.put("clockJ", e.clock());
        en.put("peripheryJ", e.periphery());
        en.put("totalJ", e.total());
        en.put("topsPerWatt", EnergyModel.topsPerWatt(opt.config(), e.total()));
        sweep(o.putArray("supplySweep"), r.supplySweep());
        sweep(o.putArray("frequencySweep"), r.frequencySweep());
        return o;
    }

    /**
     * A validation's figures as every summary.json gives them: dot products, MAE and exact share
     * before and after, overflows, failed cells, cycles, seconds.
     */
    public static void validation(ObjectNode o, Validation v) {
        o.put("dotProducts", v.after().count());
        o.put("maeBefore", v.before().mae());
        o.put("maeAfter", v.after().mae());
        o.put("exactBefore", v.before().exactFraction());
        o.put("exactAfter", v.after().exactFraction());
        o.put("overflows", v.after().overflows());
        o.put("failedCells", v.failedCells());
        o.put("cycles", v.cycles());
        o.put("seconds", v.seconds());
    }

    private static void sweep(ArrayNode a, List<ConditionSweep.Point> points) {
        for (ConditionSweep.Point p : points) {
            ObjectNode o = a.addObject();
            o.put("value", p.value());
            o.put("feasible", p.feasible());
            if (!p.feasible()) {
                o.put("reason", p.reason());
                continue;
            }
            o.put("fOpHz", p.fOp());
            o.put("tClkS", p.tClk());
            o.put("vTdcV", p.vTdc());
            o.put("maeBefore", p.maeBefore());
            o.put("maeAfter", p.maeAfter());
            o.put("overflowFraction", p.overflowFraction());
            o.put("energyJ", p.energy().total());
            o.put("topsPerWatt", p.topsPerWatt());
        }
    }

    static String markdown(CalibrationRun.Result r, String command, int chosen) {
        CalibrationRun.Options o = r.options();
        MacroConfig cfg = o.config();
        Calibration cal = r.calibration();
        Validation v1 = r.option1();
        Validation v2 = r.option2();
        StringBuilder md = new StringBuilder();
        md.append(ReportHeader.of("Calibration report: " + o.preset(), o.seed(), command));
        md.append(String.format(
                Locale.ROOT,
                "Design: %d x %d, T_clk %.3f ns, FRAME_CYCLES %d (operating frequency %.2f MHz), TDC readout supply %.2f V. "
                        + "Host commands ran on %s",
                cfg.rows(),
                cfg.cols(),
                cfg.timing().tClk() * 1e9,
                cfg.timing().frameCycles(),
                cfg.timing().operatingFrequency() / 1e6,
                cfg.energy().vTdc(),
                r.where()));
        if (r.lockstepCycles() > 0) {
            md.append(String.format(Locale.ROOT, " (%,d cycles, no divergence)", r.lockstepCycles()));
        }
        md.append(". Injected comparator offsets: ").append(o.injection()).append(".\n\n");

        md.append("## Result\n\n");
        md.append("| held-out dot products | before offsets | after offsets |\n| --- | ---: | ---: |\n");
        md.append(String.format(
                Locale.ROOT,
                "| Option 1: MAE of %,d DPs through host commands | %.3f | %.3f |%n",
                v1.after().count(),
                v1.before().mae(),
                v1.after().mae()));
        md.append(String.format(
                Locale.ROOT,
                "| Option 2: MAE of %,d DPs on the fast path | %.3f | %.3f |%n",
                v2.after().count(),
                v2.before().mae(),
                v2.after().mae()));
        md.append(String.format(
                Locale.ROOT,
                "| Option 2: results with zero error | %.1f %% | %.1f %% |%n",
                100 * v2.before().exactFraction(),
                100 * v2.after().exactFraction()));
        md.append(String.format(
                Locale.ROOT,
                "| Option 2: mean over columns of abs(column mean error) | %.3f | %.3f |%n",
                v2.before().meanAbsColumnMean(),
                v2.after().meanAbsColumnMean()));
        md.append(String.format(
                Locale.ROOT,
                "| Option 2: largest abs(column mean error) | %.3f | %.3f |%n%n",
                maxAbsMean(v2.before()),
                maxAbsMean(v2.after())));
        md.append(String.format(
                Locale.ROOT,
                "Errors are in DP units (a dot product of %d rows moves in steps of 2; one TDC code step is GAIN/256 = %.3f DP units). "
                        + "Overflowed results in Option 2: %,d. Time: calibration %.2f s (%,d macro cycles), Option 1 %.2f s (%,d cycles), "
                        + "Option 2 %.2f s on %d threads.%n%n",
                cfg.rows(),
                cal.global().codeStep(),
                v2.after().overflows(),
                r.calibrationSeconds(),
                cal.cycles(),
                v1.seconds(),
                v1.cycles(),
                v2.seconds(),
                o.threads()));
        md.append("![error histogram](error-histogram.png)\n\n");

        md.append("## Global calibration (SPEC 6 step 1)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Every weight written +1 through WRITE_CELL; C0 = %d (median code at IN = all +1, DP = +%d); GAIN = %d "
                        + "(Q8.8, %.3f DP units per code) from the median code at %s.%n%n",
                cal.global().c0(),
                cfg.rows(),
                cal.global().gain(),
                cal.global().codeStep(),
                cal.referenceMismatches() == cfg.rows()
                        ? "IN = all -1 (DP = -" + cfg.rows() + ")"
                        : "half the rows inverted (DP = 0), because IN = all -1 overflowed the frame"));

        md.append("## Offsets (SPEC 6 step 2)\n\n");
        List<Integer> corrected = cal.correctedColumns();
        md.append(String.format(
                Locale.ROOT,
                "K = %d random (IN, W) patterns, each a fresh weight matrix written by WRITE_CELL (%d cells answered CELL_FAIL) "
                        + "and one conversion: %,d dot products. OFFSET[j] = -round(mean error) where abs(mean) > %.2f: %d of %d columns corrected.%n%n",
                cal.patterns(),
                cal.failedCells(),
                cal.errors().count(),
                cal.threshold(),
                corrected.size(),
                cfg.cols()));
        md.append(
                "| column | mean error over K | sigma over K | OFFSET | Option 2 mean before | Option 2 mean after |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int j = 0; j < cfg.cols(); j++) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %+.2f | %.2f | %+d | %+.3f | %+.3f |%n",
                    j,
                    cal.errors().columnMean(j),
                    cal.errors().columnSigma(j),
                    cal.offsets()[j],
                    v2.before().columnMean(j),
                    v2.after().columnMean(j)));
        }
        md.append("\n## Pictures\n\n");
        md.append(
                "Per-column mean error with its sigma (error bars), before and after the offsets:\n\n![per-column errors](column-errors.png)\n\n");
        md.append(
                "Transfer of every column after the offsets (mean measured value per exact dot product):\n\n![transfer](transfer.png)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Error distribution of the results whose exact dot product is %+d and %+d (the style of seed 000 Extended Data Fig. 7):%n%n",
                -chosen,
                chosen));
        md.append("![errors at minus](errors-at-minus.png)\n\n![errors at plus](errors-at-plus.png)\n\n");
        md.append(
                "The same histogram for Option 1 (host commands):\n\n![option 1 histogram](error-histogram-option1.png)\n\n");
        md.append("All pictures are also written as SVG next to the PNG.\n\n");

        energy(md, cfg, v2.energy());
        sweeps(md, r);
        return md.toString();
    }

    private static void energy(StringBuilder md, MacroConfig cfg, EnergyModel.Breakdown e) {
        md.append("## Energy per conversion\n\n");
        md.append(
                "Mean over the Option 2 conversions (`EnergyModel`; every constant is an `energy.*` or `column.*` parameter of the preset with its source, "
                        + "`scripts/mramcim config`):\n\n");
        md.append("| part | energy per conversion | share |\n| --- | ---: | ---: |\n");
        double t = e.total();
        md.append(String.format(
                Locale.ROOT,
                "| column drive (C vDrv V_end; half of C V_end^2 dumped at discharge, the rest dissipated in the chain) | %.2f pJ | %.0f %% |%n",
                e.columnDrive() * 1e12,
                100 * e.columnDrive() / t));
        md.append(String.format(
                Locale.ROOT,
                "| counters (cCount vTdc^2 per counting cycle) | %.2f pJ | %.0f %% |%n",
                e.counters() * 1e12,
                100 * e.counters() / t));
        md.append(String.format(
                Locale.ROOT,
                "| clock (cClock vTdc^2 per frame cycle) | %.2f pJ | %.0f %% |%n",
                e.clock() * 1e12,
                100 * e.clock() / t));
        md.append(String.format(
                Locale.ROOT,
                "| periphery (cPeriphery vTdc^2 per column) | %.2f pJ | %.0f %% |%n",
                e.periphery() * 1e12,
                100 * e.periphery() / t));
        md.append(String.format(Locale.ROOT, "| **total** | **%.2f pJ** | |%n%n", t * 1e12));
        double tops = EnergyModel.topsPerWatt(cfg, t);
        md.append(String.format(
                Locale.ROOT,
                "%,d operations per conversion (a multiply and an add per weight) give **%.0f TOPS/W**; the chip measured %.0f TOPS/W "
                        + "(seed 003), %.2f times this. The switched capacitances are assumed (no seed gives them), chosen of the order of standard-cell "
                        + "flip-flops: the agreement is a plausibility check, not a validation. At %.2f MHz the macro does %.2f TOPS and draws %.2f mW.%n%n",
                EnergyModel.operations(cfg),
                tops,
                SEED_TOPS_PER_WATT,
                SEED_TOPS_PER_WATT / tops,
                cfg.timing().operatingFrequency() / 1e6,
                EnergyModel.operations(cfg) * cfg.timing().operatingFrequency() / 1e12,
                t * cfg.timing().operatingFrequency() * 1e3));
    }

    private static void sweeps(StringBuilder md, CalibrationRun.Result r) {
        if (r.supplySweep().isEmpty()) {
            md.append("## Condition sweeps\n\nNot run (`--no-sweep`).\n");
            return;
        }
        ConditionSweep.Plan p = r.options().sweep();
        md.append("## Condition sweeps (seed 000 Extended Data Fig. 5)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "At each point the die is recalibrated through host commands (K = %d) and the MAE is measured on %d held-out patterns "
                        + "as in Option 1; the energy is the fast path's mean over %s conversions. The frequency is changed through the TDC clock with the "
                        + "frame kept at FRAME_CYCLES cycles.%n%n",
                p.calibrationPatterns(),
                p.validationPatterns(),
                p.energy()));
        md.append("![supply sweep](sweep-supply.png)\n\n");
        table(md, ConditionSweep.Axis.SUPPLY, r.supplySweep());
        md.append("![frequency sweep](sweep-frequency.png)\n\n");
        table(md, ConditionSweep.Axis.FREQUENCY, r.frequencySweep());
    }

    private static void table(StringBuilder md, ConditionSweep.Axis axis, List<ConditionSweep.Point> points) {
        md.append("| ")
                .append(axis.title())
                .append(" (")
                .append(axis.unit())
                .append(") | T_clk (ns) | MAE before | MAE after | overflowed | energy (pJ) | TOPS/W |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ConditionSweep.Point p : points) {
            if (!p.feasible()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %.2f | %.3f | not feasible: %s | | | | |%n",
                        p.value(),
                        p.tClk() * 1e9,
                        p.reason()));
                continue;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %.2f | %.3f | %.3f | %.3f | %.2f %% | %.2f | %.0f |%n",
                    p.value(),
                    p.tClk() * 1e9,
                    p.maeBefore(),
                    p.maeAfter(),
                    100 * p.overflowFraction(),
                    p.energy().total() * 1e12,
                    p.topsPerWatt()));
        }
        md.append('\n');
    }

    static double maxAbsMean(ErrorStats s) {
        double m = 0;
        for (int j = 0; j < s.cols(); j++) {
            m = Math.max(m, Math.abs(s.columnMean(j)));
        }
        return m;
    }
}
