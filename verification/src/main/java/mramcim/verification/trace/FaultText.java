package mramcim.verification.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import mramcim.model.array.AnalogFault;

/**
 * An {@link AnalogFault} as one word of a trace line: parts {@code dead:COLS}, {@code
 * chatter:COLS}, {@code shift:COLS=N,...} and {@code sense:0|1}, joined by {@code ;}, where COLS
 * is a comma list of columns and ranges ({@code 0-3,7}). Example: {@code dead:0-63} (every
 * comparator dead), {@code shift:0-7=3582;sense:1}.
 */
final class FaultText {

    /** Highest column a fault may name (cmd_addr's column field is 8 bits wide). */
    static final int MAX_COLUMN = 255;

    private FaultText() {}

    /**
     * The fault as the text format gives it back: the same columns, with its masks and shifts no
     * longer than they need to be (so that a recorded fault equals its replay).
     */
    static AnalogFault canonical(AnalogFault f) {
        return f.none() ? AnalogFault.NONE : parse(write(f));
    }

    static String write(AnalogFault f) {
        List<String> parts = new ArrayList<>();
        List<Integer> dead = columns(f.dead());
        if (!dead.isEmpty()) {
            parts.add("dead:" + ranges(dead));
        }
        List<Integer> chatter = columns(f.chatter());
        if (!chatter.isEmpty()) {
            parts.add("chatter:" + ranges(chatter));
        }
        // shift: runs of equal non-zero shifts over consecutive columns
        List<String> shifts = new ArrayList<>();
        int[] s = f.shift();
        for (int c = 0; c < s.length; ) {
            if (s[c] == 0) {
                c++;
                continue;
            }
            int end = c;
            while (end + 1 < s.length && s[end + 1] == s[c]) {
                end++;
            }
            shifts.add((end == c ? Integer.toString(c) : c + "-" + end) + "=" + s[c]);
            c = end + 1;
        }
        if (!shifts.isEmpty()) {
            parts.add("shift:" + String.join(",", shifts));
        }
        if (f.senseStuck() >= 0) {
            parts.add("sense:" + f.senseStuck());
        }
        return String.join(";", parts);
    }

    static AnalogFault parse(String text) {
        long[] dead = new long[0];
        long[] chatter = new long[0];
        TreeMap<Integer, Integer> shift = new TreeMap<>();
        int sense = -1;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : text.split(";", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "'" + part + "' is not KIND:VALUE (kinds dead, chatter, shift, sense)");
            }
            String kind = part.substring(0, colon);
            String v = part.substring(colon + 1);
            if (!seen.add(kind)) {
                throw new IllegalArgumentException("'" + kind + "' given twice");
            }
            switch (kind) {
                case "dead" -> dead = mask(parseColumns(v));
                case "chatter" -> chatter = mask(parseColumns(v));
                case "shift" -> {
                    for (String item : v.split(",", -1)) {
                        int eq = item.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("shift item '" + item + "' is not COLS=CYCLES");
                        }
                        int cycles = integer(item.substring(eq + 1), "shift");
                        for (int c : parseColumns(item.substring(0, eq))) {
                            shift.put(c, cycles);
                        }
                    }
                }
                case "sense" -> {
                    if (!v.equals("0") && !v.equals("1")) {
                        throw new IllegalArgumentException("sense:" + v + ": allowed sense:0 or sense:1");
                    }
                    sense = Integer.parseInt(v);
                }
                default ->
                    throw new IllegalArgumentException(
                            "unknown kind '" + kind + "': allowed dead, chatter, shift, sense");
            }
        }
        int[] s = new int[shift.isEmpty() ? 0 : shift.lastKey() + 1];
        shift.forEach((c, v) -> s[c] = v);
        return new AnalogFault(dead, chatter, s, sense);
    }

    private static int integer(String v, String what) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + v + "' is not an integer");
        }
    }

    private static List<Integer> parseColumns(String v) {
        List<Integer> out = new ArrayList<>();
        for (String item : v.split(",", -1)) {
            int dash = item.indexOf('-', 1);
            int lo = integer(dash < 0 ? item : item.substring(0, dash), "column");
            int hi = dash < 0 ? lo : integer(item.substring(dash + 1), "column");
            if (lo < 0 || hi > MAX_COLUMN || lo > hi) {
                throw new IllegalArgumentException(
                        "columns '" + item + "' are out of range: allowed 0.." + MAX_COLUMN + ", low to high");
            }
            for (int c = lo; c <= hi; c++) {
                out.add(c);
            }
        }
        return out;
    }

    private static long[] mask(List<Integer> cols) {
        int max = cols.stream().mapToInt(Integer::intValue).max().orElse(-1);
        long[] m = new long[max / 64 + 1];
        cols.forEach(c -> m[c >>> 6] |= 1L << (c & 63));
        return m;
    }

    private static List<Integer> columns(long[] mask) {
        List<Integer> out = new ArrayList<>();
        for (int w = 0; w < mask.length; w++) {
            for (int b = 0; b < 64; b++) {
                if ((mask[w] >>> b & 1) != 0) {
                    out.add(64 * w + b);
                }
            }
        }
        return out;
    }

    private static String ranges(List<Integer> cols) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); ) {
            int j = i;
            while (j + 1 < cols.size() && cols.get(j + 1) == cols.get(j) + 1) {
                j++;
            }
            out.add(i == j ? cols.get(i).toString() : cols.get(i) + "-" + cols.get(j));
            i = j + 1;
        }
        return String.join(",", out);
    }
}
