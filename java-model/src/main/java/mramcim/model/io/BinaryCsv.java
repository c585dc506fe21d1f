package mramcim.model.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads matrices of +1/-1 from CSV (weights: ROWS lines of COLS values; inputs: one vector of ROWS
 * values per line). Blank lines and lines starting with '#' are skipped. Every refusal names the
 * file, the line and the column of the problem.
 */
public final class BinaryCsv {

    private BinaryCsv() {}

    /**
     * Reads a file of exactly {@code lines} lines (or any number when {@code lines} is -1) of
     * {@code width} values each.
     */
    public static int[][] read(Path file, int lines, int width) {
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(file.toString(), text, lines, width);
    }

    /** Parses CSV text; {@code name} is used in messages. */
    public static int[][] parse(String name, List<String> text, int lines, int width) {
        List<int[]> rows = new ArrayList<>();
        for (int ln = 0; ln < text.size(); ln++) {
            String line = text.get(ln).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*", -1);
            if (cells.length != width) {
                throw new IllegalArgumentException(
                        name + " line " + (ln + 1) + ": " + cells.length + " values, expected " + width);
            }
            int[] v = new int[width];
            for (int k = 0; k < width; k++) {
                v[k] = switch (cells[k]) {
                    case "1", "+1" -> 1;
                    case "-1" -> -1;
                    default ->
                        throw new IllegalArgumentException(name
                                + " line "
                                + (ln + 1)
                                + ", column "
                                + (k + 1)
                                + ": '"
                                + cells[k]
                                + "' is not +1 or -1");
                };
            }
            rows.add(v);
        }
        if (lines >= 0 && rows.size() != lines) {
            throw new IllegalArgumentException(name + ": " + rows.size() + " lines of values, expected " + lines);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": no values");
        }
        return rows.toArray(int[][]::new);
    }

    /** A +1/-1 vector as input bits: bit i = element i, 1 = +1. */
    public static long[] toBits(int[] v) {
        long[] bits = new long[(v.length + 63) / 64];
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                bits[i >>> 6] |= 1L << (i & 63);
            }
        }
        return bits;
    }
}
