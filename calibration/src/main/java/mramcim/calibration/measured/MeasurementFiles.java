package mramcim.calibration.measured;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mramcim.model.config.StrictJson;
import mramcim.results.OutputDir;

/**
 * Reads and writes a bench run as docs/measurements.md describes it: {@code measurement.json} (the
 * header), {@code weights.csv} (one line per weight set and row) and {@code conversions.csv} (one
 * line per conversion). Every refusal names the file, the line and the column, and the reason.
 */
public final class MeasurementFiles {

    /** The header file. */
    public static final String HEADER = "measurement.json";

    /** The weight sets. */
    public static final String WEIGHTS = "weights.csv";

    /** The conversions. */
    public static final String CONVERSIONS = "conversions.csv";

    /** The three files of a bench run. */
    public static final List<String> FILES = List.of(HEADER, WEIGHTS, CONVERSIONS);

    /** The header line of weights.csv. */
    static final String WEIGHTS_HEADER = "set,row,weights";

    /** The first four fields of conversions.csv's header line; code_0 .. code_{COLS-1} follow. */
    static final String CONVERSIONS_HEADER = "conversion,role,set,inputs";

    /** Largest header file read. */
    static final long MAX_HEADER_BYTES = 64 * 1024;

    private MeasurementFiles() {}

    /** Writes the three files into {@code dir}; returns them. */
    public static List<Path> write(Measurement m, OutputDir dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(dir.write(HEADER, StrictJson.mapper().writeValueAsString(m.header()) + "\n"));
        StringBuilder w = new StringBuilder(WEIGHTS_HEADER).append('\n');
        for (int s = 0; s < m.header().weightSets(); s++) {
            for (int r = 0; r < m.rows(); r++) {
                w.append(s).append(',').append(r).append(',');
                for (int c = 0; c < m.cols(); c++) {
                    w.append(m.weight(s, r, c) > 0 ? '1' : '0');
                }
                w.append('\n');
            }
        }
        files.add(dir.write(WEIGHTS, w.toString()));
        StringBuilder c = new StringBuilder(conversionsHeader(m.cols())).append('\n');
        for (MeasuredConversion v : m.conversions()) {
            c.append(v.index())
                    .append(',')
                    .append(v.role().id())
                    .append(',')
                    .append(v.set())
                    .append(',');
            for (int i = 0; i < m.rows(); i++) {
                c.append(v.in(i) > 0 ? '1' : '0');
            }
            for (int j = 0; j < m.cols(); j++) {
                c.append(',').append(v.code(j));
            }
            c.append('\n');
        }
        files.add(dir.write(CONVERSIONS, c.toString()));
        return files;
    }

    static String conversionsHeader(int cols) {
        StringBuilder sb = new StringBuilder(CONVERSIONS_HEADER);
        for (int j = 0; j < cols; j++) {
            sb.append(",code_").append(j);
        }
        return sb.toString();
    }

    /**
     * Reads the bench run in {@code dir}.
     *
     * @throws IllegalArgumentException naming the file, line, column and reason of the first
     *     problem
     */
    public static Measurement read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--measured = " + dir
                    + " is not a directory: give the directory holding " + HEADER + ", " + WEIGHTS + " and "
                    + CONVERSIONS);
        }
        MeasurementHeader h = header(dir.resolve(HEADER));
        List<int[][]> weights = weights(dir.resolve(WEIGHTS), h);
        List<MeasuredConversion> conversions = conversions(dir.resolve(CONVERSIONS), h);
        Measurement m = new Measurement(h, weights, conversions);
        checkGlobal(m);
        return m;
    }

    private static MeasurementHeader header(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is missing: a bench run starts with its header");
            }
            if (Files.size(file) > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException(file + " is " + Files.size(file) + " bytes: a header is at most "
                        + MAX_HEADER_BYTES + " (is it the right file?)");
            }
            String text = utf8(file);
            return StrictJson.read(text, MeasurementHeader.class, "measurement header");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith(file.toString()) ? e.getMessage() : file + ": " + e.getMessage(), e);
        }
    }

    private static String utf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        }
    }

    /** Lines of a CSV file, each with its number, refusing a file that is not UTF-8 text. */
    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + " is missing: a bench run has " + HEADER + ", " + WEIGHTS + " and " + CONVERSIONS);
        }
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)))) {
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
            // Blank lines at the end (an editor's or a spreadsheet's) are no data.
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
            for (int k = 0; k < out.size(); k++) {
                if (out.get(k).isBlank()) {
                    throw new IllegalArgumentException(
                            file + " line " + (k + 1) + ", column 1: a blank line among the data; remove it");
                }
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<int[][]> weights(Path file, MeasurementHeader h) {
        List<String> lines = lines(file);
        Csv csv = new Csv(file);
        csv.headerLine(lines, WEIGHTS_HEADER);
        long expected = (long) h.weightSets() * h.rows();
        if (lines.size() - 1 != expected) {
            throw new IllegalArgumentException(file + " has " + (lines.size() - 1) + " data lines: allowed "
                    + expected + " (weightSets " + h.weightSets() + " x rows " + h.rows()
                    + " in measurement.json), one per weight set and row");
        }
        List<int[][]> sets = new ArrayList<>();
        for (int s = 0; s < h.weightSets(); s++) {
            int[][] w = new int[h.rows()][];
            for (int r = 0; r < h.rows(); r++) {
                int ln = 2 + s * h.rows() + r;
                String[] f = csv.fields(lines.get(ln - 1), ln, 3);
                csv.expectInt(f, 0, ln, s, "the weight set (sets in order, each with all its rows)");
                csv.expectInt(f, 1, ln, r, "the row (rows 0.." + (h.rows() - 1) + " in order)");
                w[r] = csv.bits(f, 2, ln, h.cols(), "weights (one per column, 1 = +1, 0 = -1)");
            }
            sets.add(w);
        }
        return sets;
    }

    private static List<MeasuredConversion> conversions(Path file, MeasurementHeader h) {
        List<String> lines = lines(file);
        Csv csv = new Csv(file);
        csv.headerLine(lines, conversionsHeader(h.cols()));
        if (lines.size() - 1 != h.conversions()) {
            throw new IllegalArgumentException(file + " has " + (lines.size() - 1)
                    + " data lines but measurement.json says conversions = " + h.conversions());
        }
        List<MeasuredConversion> out = new ArrayList<>(h.conversions());
        for (int k = 0; k < h.conversions(); k++) {
            int ln = k + 2;
            String[] f = csv.fields(lines.get(ln - 1), ln, 4 + h.cols());
            csv.expectInt(f, 0, ln, k, "the conversion number (from 0, in order)");
            Role role = Role.of(f[1]);
            if (role == null) {
                throw csv.error(ln, f, 1, "role " + f[1] + " is unknown: allowed " + Role.names());
            }
            int set = csv.integer(f, 2, ln, 0, h.weightSets() - 1, "weight set");
            int[] in = csv.bits(f, 3, ln, h.rows(), "inputs (one per row, 1 = +1, 0 = -1)");
            int[] codes = new int[h.cols()];
            for (int j = 0; j < h.cols(); j++) {
                int code = csv.integer(f, 4 + j, ln, 0, h.codeMax(), "code_" + j);
                if (code > h.frameCycles() && code != h.codeMax()) {
                    throw csv.error(
                            ln,
                            f,
                            4 + j,
                            "code_" + j + " = " + code
                                    + " is neither a count 0.." + h.frameCycles() + " (frameCycles) nor codeMax = "
                                    + h.codeMax() + " (a saturated counter)");
                }
                codes[j] = code;
            }
            out.add(new MeasuredConversion(k, role, set, in, codes));
        }
        return out;
    }

    /**
     * SPEC 6 step 1's conversions must be there once each, with the patterns they stand for: every
     * weight of their set +1, the inputs all +1 (match), all -1 (mismatch), or the first half -1
     * (reference).
     */
    private static void checkGlobal(Measurement m) {
        for (Role role : new Role[] {Role.GLOBAL_MATCH, Role.GLOBAL_MISMATCH}) {
            int n = m.of(role).size();
            if (n != 1) {
                throw new IllegalArgumentException(CONVERSIONS + ": " + n + " conversions with role " + role.id()
                        + ": allowed exactly one (SPEC 6 step 1)");
            }
        }
        if (m.of(Role.GLOBAL_REFERENCE).size() > 1) {
            throw new IllegalArgumentException(
                    CONVERSIONS + ": " + m.of(Role.GLOBAL_REFERENCE).size()
                            + " conversions with role global-reference: allowed at most one");
        }
        for (Role role : new Role[] {Role.GLOBAL_MATCH, Role.GLOBAL_MISMATCH, Role.GLOBAL_REFERENCE}) {
            for (MeasuredConversion c : m.of(role)) {
                int line = c.index() + 2;
                int[] want = globalInput(role, m.rows());
                if (!Arrays.equals(c.input(), want)) {
                    throw new IllegalArgumentException(CONVERSIONS + " line " + line + ": a " + role.id()
                            + " conversion must apply " + describe(role) + "; this one does not");
                }
                for (int r = 0; r < m.rows(); r++) {
                    for (int col = 0; col < m.cols(); col++) {
                        if (m.weight(c.set(), r, col) != 1) {
                            throw new IllegalArgumentException(CONVERSIONS + " line " + line + ": a " + role.id()
                                    + " conversion must use a weight set of all +1, but set " + c.set()
                                    + " has -1 at row " + r + ", column " + col);
                        }
                    }
                }
            }
        }
    }

    /** The input vector of a step-1 role. */
    static int[] globalInput(Role role, int rows) {
        int[] in = new int[rows];
        Arrays.fill(in, role == Role.GLOBAL_MATCH ? 1 : -1);
        if (role == Role.GLOBAL_REFERENCE) {
            Arrays.fill(in, rows / 2, rows, 1);
        }
        return in;
    }

    private static String describe(Role role) {
        return switch (role) {
            case GLOBAL_MATCH -> "every input +1";
            case GLOBAL_MISMATCH -> "every input -1";
            default -> "the first half of the inputs -1 and the rest +1";
        };
    }

    /** Strict comma-separated fields with line and column in every refusal. */
    private static final class Csv {
        private final Path file;

        Csv(Path file) {
            this.file = file;
        }

        void headerLine(List<String> lines, String header) {
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty: its first line must be " + abbreviate(header));
            }
            if (!lines.get(0).equals(header)) {
                throw new IllegalArgumentException(file + " line 1, column 1: the header line must be "
                        + abbreviate(header) + " (found " + abbreviate(lines.get(0)) + ")");
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }

        String[] fields(String line, int ln, int count) {
            String[] f = line.split(",", -1);
            if (f.length != count) {
                throw new IllegalArgumentException(
                        file + " line " + ln + ", column 1: " + f.length + " fields: allowed " + count);
            }
            return f;
        }

        IllegalArgumentException error(int ln, String[] f, int field, String reason) {
            return errorAt(ln, column(f, field), reason);
        }

        IllegalArgumentException errorAt(int ln, int column, String reason) {
            return new IllegalArgumentException(file + " line " + ln + ", column " + column + ": " + reason);
        }

        /** The character column (from 1) where field {@code field} starts. */
        private static int column(String[] f, int field) {
            int col = 1;
            for (int k = 0; k < field; k++) {
                col += f[k].length() + 1;
            }
            return col;
        }

        int integer(String[] f, int field, int ln, int lo, int hi, String what) {
            String s = f[field];
            if (!s.matches("-?\\d{1,9}")) {
                throw error(ln, f, field, what + " = '" + abbreviate(s) + "' is not an integer");
            }
            int v = Integer.parseInt(s);
            if (v < lo || v > hi) {
                throw error(ln, f, field, what + " = " + v + " is out of range: allowed " + lo + ".." + hi);
            }
            return v;
        }

        void expectInt(String[] f, int field, int ln, int expected, String what) {
            int v = integer(f, field, ln, Integer.MIN_VALUE, Integer.MAX_VALUE, what);
            if (v != expected) {
                throw error(ln, f, field, "found " + v + " where " + expected + " was due: " + what);
            }
        }

        int[] bits(String[] f, int field, int ln, int width, String what) {
            String s = f[field];
            if (s.length() != width) {
                throw error(ln, f, field, what + ": " + s.length() + " characters, allowed " + width);
            }
            int[] out = new int[width];
            for (int k = 0; k < width; k++) {
                char ch = s.charAt(k);
                if (ch != '0' && ch != '1') {
                    throw errorAt(ln, column(f, field) + k, what + ": '" + ch + "' is not 0 or 1");
                }
                out[k] = ch == '1' ? 1 : -1;
            }
            return out;
        }
    }
}
