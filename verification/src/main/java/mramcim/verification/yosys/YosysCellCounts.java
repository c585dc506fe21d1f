package mramcim.verification.yosys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthesises a netlist to yosys' generic cell library and reads the cell count of every module:
 * the area proxy that docs/rtl.md reports per size.
 */
public final class YosysCellCounts {

    /** Name under which the whole hierarchy's total is reported. */
    public static final String TOTAL = "(total)";

    private static final Pattern SECTION = Pattern.compile("^=== (.+) ===$", Pattern.MULTILINE);
    private static final Pattern CELLS = Pattern.compile("Number of cells:\\s+(\\d+)");

    private YosysCellCounts() {}

    /**
     * Runs {@code yosys synth -top top; stat} on {@code sv} and returns the cells per module in
     * report order, plus {@link #TOTAL} for the flattened hierarchy.
     *
     * @throws IllegalStateException if yosys is missing or fails, with its output
     */
    public static Map<String, Integer> count(Path sv, String top) throws IOException {
        mramcim.verification.yosys.Yosys y = mramcim.verification.yosys.Yosys.inTempDir();
        try {
            y.write("design.sv", Files.readString(sv, StandardCharsets.UTF_8));
            y.run("stat", List.of("read_verilog -sv design.sv", "synth -top " + top, "tee -q -o stat.txt stat"));
            return parse(y.read("stat.txt"));
        } finally {
            y.delete();
        }
    }

    /**
     * Parses the output of yosys' {@code stat}: one "=== module ===" section per module, then the
     * hierarchy.
     */
    static Map<String, Integer> parse(String stat) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        Matcher s = SECTION.matcher(stat);
        int start = -1;
        String name = null;
        while (true) {
            boolean more = s.find();
            if (name != null) {
                Matcher c = CELLS.matcher(stat.substring(start, more ? s.start() : stat.length()));
                if (c.find()) {
                    cells.put(name.equals("design hierarchy") ? TOTAL : name, Integer.parseInt(c.group(1)));
                }
            }
            if (!more) {
                break;
            }
            name = s.group(1);
            start = s.end();
        }
        if (cells.size() == 1 && !cells.containsKey(TOTAL)) {
            cells.put(TOTAL, cells.values().iterator().next()); // a single module is its own total
        }
        return cells;
    }
}
