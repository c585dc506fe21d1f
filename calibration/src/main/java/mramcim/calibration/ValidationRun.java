package mramcim.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.LockstepHost;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Macro;
import mramcim.results.OutputDir;
import mramcim.results.Progress;
import mramcim.results.ReportHeader;

/**
 * {@code mramcim validate}: offsets computed elsewhere (a lab script, another die of the same
 * design) applied to this die and measured on held-out patterns, Option 1 through host commands and
 * Option 2 on the fast path, with the columns they help and hurt.
 */
public final class ValidationRun {

    /** A column's mean error must move by more than this (DP units) to count as helped or hurt. */
    static final double CHANGE = 0.05;

    private ValidationRun() {}

    /**
     * @param globalFromFile true if C0/GAIN came from the file, false if measured on this die
     */
    public record Result(
            MacroConfig config,
            String preset,
            long seed,
            OffsetsFile file,
            GlobalCalibration global,
            boolean globalFromFile,
            Validation option1,
            Validation option2,
            String where,
            long lockstepCycles) {

        /** Columns whose abs(mean error) fell by more than {@link #CHANGE} on Option 2. */
        public List<Integer> helped() {
            return changed(-1);
        }

        /** Columns whose abs(mean error) rose by more than {@link #CHANGE} on Option 2. */
        public List<Integer> hurt() {
            return changed(1);
        }

        private List<Integer> changed(int sign) {
            List<Integer> out = new ArrayList<>();
            for (int j = 0; j < config.cols(); j++) {
                double d = Math.abs(option2.after().columnMean(j))
                        - Math.abs(option2.before().columnMean(j));
                if (d * sign > CHANGE) {
                    out.add(j);
                }
            }
            return out;
        }

        /** True if the offsets lower the Option 2 mean absolute error. */
        public boolean helps() {
            return option2.after().mae() < option2.before().mae();
        }
    }

    public static Result run(
            MacroConfig cfg,
            String preset,
            long seed,
            OffsetsFile file,
            int validation,
            FastValidation.Plan option2,
            Injection injection,
            NativeBuild rtl,
            Engine engine,
            int threads,
            Progress progress) {
        Patterns patterns = Patterns.of(cfg, seed);
        Lockstep lockstep = rtl == null ? null : Lockstep.open(cfg, seed, rtl, engine);
        try {
            HostPort port;
            String where;
            if (lockstep != null) {
                injection.apply((v, col) -> lockstep.injectComparatorOffset(col, v));
                port = LockstepHost.on(lockstep);
                where = "the Verilated RTL ("
                        + rtl.describe()
                        + ") in lockstep with the Java model ("
                        + lockstep.engine()
                        + " engine)";
            } else {
                Macro m = Macro.create(cfg, seed);
                injection.apply(m.array());
                port = m;
                where = "the Java cycle-accurate macro";
            }
            GlobalCalibration global = file.global();
            if (global == null) {
                progress.phase("global C0/GAIN", 1);
                global = GlobalCalibration.measure(port).global();
                progress.step(1);
            }
            progress.phase("option 1 (" + validation + " patterns)", validation);
            Validation v1 = HostValidation.run(port, patterns, validation, global, file.offsets(), progress::step);
            long cycles = lockstep == null ? 0 : lockstep.cycle();
            progress.phase("option 2 (" + option2 + ")", option2.sets());
            Validation v2 = FastValidation.run(
                    cfg,
                    seed,
                    injection,
                    global,
                    file.offsets(),
                    patterns,
                    Patterns.Stream.OPTION2,
                    option2,
                    threads,
                    progress::step);
            progress.done();
            return new Result(cfg, preset, seed, file, global, file.global() != null, v1, v2, where, cycles);
        } finally {
            if (lockstep != null) {
                lockstep.close();
            }
        }
    }

    /**
     * Writes report.md, summary.json and the histogram and per-column pictures into {@code dir}.
     */
    public static List<Path> write(Result r, String command, Path offsetsPath, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            files.addAll(CalibrationPlots.histogram(
                    r.option2(),
                    String.format(
                            Locale.ROOT,
                            "%,d held-out dot products, offsets of %s",
                            r.option2().after().count(),
                            offsetsPath.getFileName()),
                    dir,
                    "error-histogram"));
            files.addAll(CalibrationPlots.columns(r.option2(), dir, "column-errors"));
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode s = json.createObjectNode();
            s.put("offsetsFile", offsetsPath.toString());
            s.put("preset", r.preset());
            s.put("seed", r.seed());
            s.put("c0", r.global().c0());
            s.put("gain", r.global().gain());
            s.put("globalFromFile", r.globalFromFile());
            s.put("option1MaeBefore", r.option1().before().mae());
            s.put("option1MaeAfter", r.option1().after().mae());
            s.put("option2MaeBefore", r.option2().before().mae());
            s.put("option2MaeAfter", r.option2().after().mae());
            s.put("helps", r.helps());
            s.putPOJO("helpedColumns", r.helped());
            s.putPOJO("hurtColumns", r.hurt());
            files.add(dir.write("summary.json", json.writeValueAsString(s) + "\n"));
            files.add(dir.write("report.md", markdown(r, command, offsetsPath)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the validation report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    static String markdown(Result r, String command, Path offsetsPath) {
        StringBuilder md = new StringBuilder();
        OffsetsFile f = r.file();
        md.append(ReportHeader.of(
                "Offset validation: " + offsetsPath.getFileName() + " on " + r.preset(), r.seed(), command));
        md.append("The file was made for ")
                .append(f.preset() == null ? "an unnamed design" : f.preset())
                .append(f.seed() == null ? "" : ", die seed " + f.seed())
                .append("; applied here to die seed ")
                .append(r.seed())
                .append(" through ")
                .append(r.where())
                .append(". ");
        md.append(
                r.globalFromFile()
                        ? String.format(
                                Locale.ROOT,
                                "C0 = %d and GAIN = %d from the file.",
                                r.global().c0(),
                                r.global().gain())
                        : String.format(
                                Locale.ROOT,
                                "The file has no C0/GAIN; measured on this die (SPEC 6 step 1): C0 = %d, GAIN = %d.",
                                r.global().c0(),
                                r.global().gain()));
        md.append("\n\n| held-out dot products | without offsets | with the file's offsets |\n| --- | ---: | ---: |\n");
        md.append(String.format(
                Locale.ROOT,
                "| Option 1: MAE of %,d DPs through host commands | %.3f | %.3f |%n",
                r.option1().after().count(),
                r.option1().before().mae(),
                r.option1().after().mae()));
        md.append(String.format(
                Locale.ROOT,
                "| Option 2: MAE of %,d DPs on the fast path | %.3f | %.3f |%n",
                r.option2().after().count(),
                r.option2().before().mae(),
                r.option2().after().mae()));
        md.append(String.format(
                Locale.ROOT,
                "| Option 2: mean over columns of abs(column mean error) | %.3f | %.3f |%n%n",
                r.option2().before().meanAbsColumnMean(),
                r.option2().after().meanAbsColumnMean()));
        md.append(String.format(
                Locale.ROOT,
                "Verdict: the offsets **%s** (Option 2 MAE %+.3f). Columns helped (abs(mean) down by more than %.2f): %d; "
                        + "hurt: %d %s.%n%n",
                r.helps() ? "help" : "hurt",
                r.option2().after().mae() - r.option2().before().mae(),
                CHANGE,
                r.helped().size(),
                r.hurt().size(),
                r.hurt().isEmpty() ? "" : r.hurt().toString()));
        md.append("![error histogram](error-histogram.png)\n\n![per-column errors](column-errors.png)\n");
        return md.toString();
    }
}
