package mramcim.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, point 3: the measurement format round-trips, and a malformed or inconsistent bench run
 * (wrong size, codes out of range, missing patterns, metadata that disagrees with the data) is
 * refused with its file, line and reason.
 */
class MeasurementFilesTest {

    static final int ROWS = 8;
    static final int COLS = 8;

    static Measurement bench;

    @TempDir
    static Path tmp;

    static Path good;

    @BeforeAll
    static void writeABenchRun() throws IOException {
        MacroConfig design = HiddenDie.design(ROWS, COLS);
        bench = HiddenDie.measure(design, 3, "calibration=4,heldout=3,fit=2x8,repeat=2x3");
        OutputDir dir = OutputDir.claim(tmp.resolve("good"), "measure", MeasurementFiles.FILES, List.of());
        MeasurementFiles.write(bench, dir);
        dir.finish("PASS");
        good = dir.path();
    }

    @Test
    void aBenchRunReadsBackAsItWasWritten() {
        Measurement m = MeasurementFiles.read(good);
        assertEquals(bench.header(), m.header());
        assertEquals(bench.conversions().size(), m.conversions().size());
        for (int k = 0; k < m.conversions().size(); k++) {
            MeasuredConversion a = bench.conversions().get(k);
            MeasuredConversion b = m.conversions().get(k);
            assertEquals(a.role(), b.role());
            assertEquals(a.set(), b.set());
            assertArrayEquals(a.input(), b.input());
            assertArrayEquals(a.codes(), b.codes());
        }
        for (int s = 0; s < m.header().weightSets(); s++) {
            assertArrayEquals(bench.weights(s), m.weights(s));
        }
        assertEquals(1 + 4 + 3 + 2 + 1, m.header().weightSets());
        assertEquals(2 + 4 + 3 + 16 + 6, m.conversions().size());
    }

    @Test
    void windowsLineEndsAndTrailingBlankLinesReadTheSame() throws IOException {
        Path d = edited("crlf", "conversions.csv", l -> l);
        String text = Files.readString(good.resolve("conversions.csv")).replace("\n", "\r\n") + "\r\n\r\n";
        Files.writeString(d.resolve("conversions.csv"), text);
        Measurement m = MeasurementFiles.read(d);
        assertEquals(bench.conversions().size(), m.conversions().size());
        assertArrayEquals(
                bench.conversions().get(3).codes(), m.conversions().get(3).codes());
        Path inner = edited("blank", "conversions.csv", l -> {
            l.add(3, "");
            return l;
        });
        refused(inner, "conversions.csv line 4, column 1: a blank line among the data");
    }

    /** A copy of the good run with {@code file} edited line by line (lines from 1). */
    private static Path edited(String name, String file, UnaryOperator<List<String>> edit) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (String f : MeasurementFiles.FILES) {
            Files.copy(good.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file)));
        Files.write(dir.resolve(file), edit.apply(lines));
        return dir;
    }

    private static List<String> set(List<String> lines, int line, UnaryOperator<String> change) {
        lines.set(line - 1, change.apply(lines.get(line - 1)));
        return lines;
    }

    private static String refusal(Path dir) {
        return assertThrows(IllegalArgumentException.class, () -> MeasurementFiles.read(dir))
                .getMessage();
    }

    private static void refused(Path dir, String... parts) {
        String msg = refusal(dir);
        for (String p : parts) {
            assertTrue(msg.contains(p), "refusal '" + msg + "' lacks '" + p + "'");
        }
    }

    @Test
    void aWeightLineOfTheWrongWidthIsRefusedAtItsColumn() throws IOException {
        Path d = edited("narrow", "weights.csv", l -> set(l, 5, s -> s.substring(0, s.length() - 1)));
        refused(d, "weights.csv line 5, column 5", "7 characters, allowed 8");
    }

    @Test
    void aWeightThatIsNotABitIsRefusedAtItsCharacter() throws IOException {
        Path d = edited("notabit", "weights.csv", l -> set(l, 3, s -> s.substring(0, 7) + "2" + s.substring(8)));
        refused(d, "weights.csv line 3, column 8", "'2' is not 0 or 1");
    }

    @Test
    void aConversionWithAMissingCodeIsRefused() throws IOException {
        Path d = edited("short", "conversions.csv", l -> set(l, 4, s -> s.substring(0, s.lastIndexOf(','))));
        refused(d, "conversions.csv line 4, column 1", "11 fields: allowed 12");
    }

    @Test
    void codesOutOfRangeAreRefused() throws IOException {
        Path big = edited("big", "conversions.csv", l -> set(l, 6, s -> s.substring(0, s.lastIndexOf(',')) + ",5000"));
        refused(big, "conversions.csv line 6, column", "code_7 = 5000 is out of range: allowed 0..4095");
        Path late = edited("late", "conversions.csv", l -> set(l, 6, s -> s.substring(0, s.lastIndexOf(',')) + ",200"));
        refused(late, "conversions.csv line 6, column", "code_7 = 200 is neither a count 0..180", "codeMax = 4095");
        Path text = edited("text", "conversions.csv", l -> set(l, 7, s -> s.replaceFirst(",(\\d+),", ",x,")));
        refused(text, "conversions.csv line 7, column", "weight set = 'x' is not an integer");
    }

    @Test
    void missingPatternsAreRefused() throws IOException {
        Path noMatch =
                edited("nomatch", "conversions.csv", l -> set(l, 2, s -> s.replace("global-match", "calibration")));
        refused(noMatch, "0 conversions with role global-match: allowed exactly one");
        Path noHeldout = edited("noheldout", "conversions.csv", l -> {
            l.replaceAll(s -> s.replace(",heldout,", ",fit,"));
            return l;
        });
        Measurement m = MeasurementFiles.read(noHeldout);
        var calibration = MeasuredCalibration.calibrate(m, 0.5);
        String msg = assertThrows(
                        IllegalArgumentException.class,
                        () -> MeasuredCalibration.validate(m, calibration.global(), calibration.offsets()))
                .getMessage();
        assertTrue(msg.contains("holds no heldout conversions"), msg);
        Path gone = edited("gone", "conversions.csv", l -> l.subList(0, l.size() - 1));
        refused(gone, "conversions.csv has 30 data lines but measurement.json says conversions = 31");
    }

    @Test
    void aStepOneConversionWithTheWrongPatternIsRefusedAtItsLine() throws IOException {
        Path d = edited("wrongmatch", "conversions.csv", l -> set(l, 2, s -> s.replace(",11111111,", ",11111110,")));
        refused(d, "conversions.csv line 2", "global-match conversion must apply every input +1");
    }

    @Test
    void aHeaderThatDisagreesWithTheDataIsRefused() throws IOException {
        Path rows = edited("rows", "measurement.json", l -> {
            l.replaceAll(s -> s.replace("\"rows\" : 8", "\"rows\" : 16"));
            return l;
        });
        refused(rows, "weights.csv has 88 data lines: allowed 176");
        Path sets = edited("sets", "measurement.json", l -> {
            l.replaceAll(s -> s.replace("\"weightSets\" : 11", "\"weightSets\" : 12"));
            return l;
        });
        refused(sets, "weights.csv has 88 data lines: allowed 96");
        Path frame = edited("frame", "measurement.json", l -> {
            l.replaceAll(s -> s.replace("\"frameCycles\" : 180", "\"frameCycles\" : 20"));
            return l;
        });
        refused(frame, "conversions.csv line 3, column 33", "is neither a count 0..20");
        Path missing = edited("missing", "measurement.json", l -> {
            l.removeIf(s -> s.contains("\"date\""));
            return l;
        });
        refused(missing, "measurement.json", "line", "date: missing");
        Path format = edited("format", "measurement.json", l -> {
            l.replaceAll(s -> s.replace("mramcim-measurement/1", "mramcim-measurement/9"));
            return l;
        });
        refused(format, "format = mramcim-measurement/9 is not supported");
    }

    @Test
    void aDesignOfAnotherFrameOrSizeIsRefusedByTheFit() {
        Measurement m = MeasurementFiles.read(good);
        MacroConfig other = MacroConfig.small(ROWS, COLS + 4);
        String msg = assertThrows(
                        IllegalArgumentException.class, () -> m.header().checkDesign(other, "small:8x12"))
                .getMessage();
        assertTrue(msg.contains("is 8 x 8 but the design small:8x12 is 8 x 12"), msg);
    }

    @Test
    void aFileThatIsNotTextIsRefused() throws IOException {
        Path d = edited("binary", "weights.csv", l -> l);
        Files.write(d.resolve("weights.csv"), new byte[] {'s', 'e', (byte) 0xff, (byte) 0xfe, '\n'});
        refused(d, "weights.csv is not UTF-8 text");
        Path none = tmp.resolve("nothing");
        Files.createDirectories(none);
        refused(none, "measurement.json is missing");
        Files.writeString(none.resolve("x"), "", StandardCharsets.UTF_8);
    }
}
