package mramcim.verification.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mutation of the flattened design as yosys' {@code mutate -list} describes it: a mode (inv,
 * const0, const1, cnot0, cnot1), the cell and port bit it changes, and the source locations of that
 * cell in the generated Verilog.
 *
 * @param index 1-based; the value of {@code mutsel} that switches the mutation on (0 is the
 *     original)
 * @param command the arguments yosys' {@code mutate} takes to apply it, without {@code -ctrl}
 */
public record Mutant(int index, String command) {

    private static final Pattern MODE = Pattern.compile("-mode (\\S+)");
    private static final Pattern CELL = Pattern.compile("-cell (\\S+)");
    private static final Pattern WIRE = Pattern.compile("-wire (\\S+) -wirebit (\\d+)");
    private static final Pattern PORT = Pattern.compile("-port (\\S+) -portbit (\\d+)");
    private static final Pattern SRC = Pattern.compile("-src design\\.sv:(\\d+)\\.\\d+-(\\d+)\\.\\d+");

    /**
     * The mutations of yosys' list ({@code mutate -list N -o FILE}), without the first line ({@code
     * -mode none}, the original).
     */
    public static List<Mutant> parse(String list) {
        List<Mutant> out = new ArrayList<>();
        for (String line : list.split("\\R")) {
            String l = line.strip();
            if (!l.startsWith("mutate ") || l.contains("-mode none")) {
                continue;
            }
            out.add(new Mutant(out.size() + 1, l.substring("mutate ".length())));
        }
        return out;
    }

    public String mode() {
        return group(MODE, 1, "?");
    }

    /** The cell (flattened hierarchical name). */
    public String cell() {
        return group(CELL, 1, "?");
    }

    /** The wire bit it changes, "name[bit]", or the cell's port bit when yosys names no wire. */
    public String target() {
        Matcher w = WIRE.matcher(command);
        if (w.find()) {
            return w.group(1) + "[" + w.group(2) + "]";
        }
        Matcher p = PORT.matcher(command);
        return p.find() ? cell() + "." + p.group(1) + "[" + p.group(2) + "]" : cell();
    }

    /**
     * The lines of the generated Verilog the mutated cell comes from, innermost (most specific)
     * first.
     */
    public List<Integer> sourceLines() {
        List<int[]> spans = new ArrayList<>();
        Matcher m = SRC.matcher(command);
        while (m.find()) {
            spans.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        spans.sort((a, b) -> Integer.compare(a[1] - a[0], b[1] - b[0]));
        return spans.stream().map(s -> s[0]).distinct().toList();
    }

    /**
     * The mutation as {@code mutate} applies it to module {@code module} under control of {@code
     * mutsel == index}.
     */
    public String controlled(String module, String ctrl, int width) {
        return "mutate -ctrl "
                + ctrl
                + " "
                + width
                + " "
                + index
                + " "
                + command.replace("-module MramCimMacro", "-module " + module);
    }

    /** The mutation applied unconditionally to module {@code module}. */
    public String always(String module) {
        return "mutate " + command.replace("-module MramCimMacro", "-module " + module);
    }

    private String group(Pattern p, int g, String none) {
        Matcher m = p.matcher(command);
        return m.find() ? m.group(g) : none;
    }
}
