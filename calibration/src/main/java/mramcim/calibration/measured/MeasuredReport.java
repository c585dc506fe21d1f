package mramcim.calibration.measured;

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
import mramcim.calibration.Calibration;
import mramcim.calibration.CalibrationPlots;
import mramcim.calibration.CalibrationReport;
import mramcim.calibration.OffsetsFile;
import mramcim.calibration.Validation;
import mramcim.results.OutputDir;
import mramcim.results.ReportHeader;

/**
 * What {@code calibrate --measured} and {@code validate --measured} write: offsets.json (the same
 * format as {@code calibrate}'s), summary.json, report.md and the error pictures of the held-out
 * codes.
 */
public final class MeasuredReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MeasuredReport() {}

    /** The offsets file of a calibration on measured codes (no seed: the die is named instead). */
    public static OffsetsFile offsetsFile(Measurement m, Calibration c) {
        return new OffsetsFile(
                m.rows(),
                m.cols(),
                c.global(),
                c.offsets(),
                null,
                "die " + m.header().die(),
                null);
    }

    /**
     * Writes calibrate's files.
     *
     * @param heldout the validation on the held-out codes
     */
    public static List<Path> writeCalibration(
            Measurement m, Path measured, Calibration c, Validation heldout, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(offsetsFile(m, c).write(dir, "offsets.json"));
            files.addAll(pictures(m, heldout, dir));
            ObjectNode s = header(m, measured);
            s.put("patterns", c.patterns());
            s.put("threshold", c.threshold());
            s.put("c0", c.global().c0());
            s.put("gain", c.global().gain());
            s.put("referenceMismatches", c.referenceMismatches());
            ArrayNode off = s.putArray("offsets");
            for (int v : c.offsets()) {
                off.add(v);
            }
            s.put("calibrationMae", c.errors().mae());
            CalibrationReport.validation(s.putObject("heldout"), heldout);
            files.add(dir.write("summary.json", JSON.writeValueAsString(s) + "\n"));
            StringBuilder md = new StringBuilder(
                    ReportHeader.of("Calibration of die " + m.header().die() + " from measured codes", command));
            md.append(source(m, measured));
            md.append(String.format(
                    Locale.ROOT,
                    "SPEC 6 step 1 (%s): C0 = %d, GAIN = %d. Step 2: %d patterns (%,d dot products),"
                            + " threshold %.2f DP: %d of %d columns offset %s.%n%n",
                    c.referenceMismatches() == m.rows() ? "DP = +ROWS and -ROWS" : "DP = +ROWS and 0",
                    c.global().c0(),
                    c.global().gain(),
                    c.patterns(),
                    c.errors().count(),
                    c.threshold(),
                    c.correctedColumns().size(),
                    m.cols(),
                    c.correctedColumns()));
            md.append(table(heldout));
            md.append("\n![error histogram](error-histogram.png)\n\n![per-column errors](column-errors.png)\n");
            files.add(dir.write("report.md", md.toString()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the calibration report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    /** Writes validate's files; {@code offsets} is the file applied. */
    public static List<Path> writeValidation(
            Measurement m, Path measured, Path offsets, OffsetsFile file, Validation v, String command, OutputDir dir) {
        try {
            List<Path> files = new ArrayList<>(pictures(m, v, dir));
            ObjectNode s = header(m, measured);
            s.put("offsetsFile", offsets.toString());
            CalibrationReport.validation(s.putObject("heldout"), v);
            s.put("helps", helps(v));
            files.add(dir.write("summary.json", JSON.writeValueAsString(s) + "\n"));
            StringBuilder md = new StringBuilder(ReportHeader.of(
                    "Offset validation: " + offsets.getFileName() + " on die "
                            + m.header().die(),
                    0,
                    command));
            md.append(source(m, measured));
            md.append("Offsets made for ")
                    .append(file.preset() == null ? "an unnamed die" : file.preset())
                    .append(file.global() == null ? "; C0/GAIN measured from this die's step-1 codes" : "")
                    .append(".\n\n");
            md.append(table(v));
            md.append(String.format(
                    Locale.ROOT,
                    "%nVerdict: the offsets **%s** (MAE %+.3f).%n",
                    helps(v) ? "help" : "hurt",
                    v.after().mae() - v.before().mae()));
            md.append("\n![error histogram](error-histogram.png)\n\n![per-column errors](column-errors.png)\n");
            files.add(dir.write("report.md", md.toString()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the validation report into " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    /** True if the offsets lower the held-out mean absolute error (or leave a perfect one). */
    public static boolean helps(Validation v) {
        return v.after().mae() < v.before().mae() || v.after().mae() == 0;
    }

    private static List<Path> pictures(Measurement m, Validation v, OutputDir dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(CalibrationPlots.histogram(
                v,
                String.format(
                        Locale.ROOT,
                        "%,d held-out dot products measured on die %s",
                        v.after().count(),
                        m.header().die()),
                dir,
                "error-histogram"));
        files.addAll(CalibrationPlots.columns(v, dir, "column-errors"));
        return files;
    }

    private static ObjectNode header(Measurement m, Path measured) {
        ObjectNode s = JSON.createObjectNode();
        s.put("measured", measured.toString());
        s.put("die", m.header().die());
        s.put("date", m.header().date());
        s.put("rows", m.rows());
        s.put("cols", m.cols());
        return s;
    }

    private static String source(Measurement m, Path measured) {
        return String.format(
                Locale.ROOT,
                "Measured codes of die %s (%s, %d x %d, frame %d cycles at %.4g MHz), from %s: %s. No model is"
                        + " involved: every dot product is what the chip's converter returns for its raw code.%n%n",
                m.header().die(),
                m.header().date(),
                m.rows(),
                m.cols(),
                m.header().frameCycles(),
                m.header().clockHz() / 1e6,
                measured,
                m.header().source());
    }

    private static String table(Validation v) {
        return String.format(
                Locale.ROOT,
                "| held-out dot products | without offsets | with offsets |%n| --- | ---: | ---: |%n"
                        + "| mean absolute error of %,d DPs | %.3f | %.3f |%n"
                        + "| exactly right | %.1f %% | %.1f %% |%n"
                        + "| mean over columns of abs(column mean error) | %.3f | %.3f |%n",
                v.after().count(),
                v.before().mae(),
                v.after().mae(),
                100 * v.before().exactFraction(),
                100 * v.after().exactFraction(),
                v.before().meanAbsColumnMean(),
                v.after().meanAbsColumnMean());
    }
}
