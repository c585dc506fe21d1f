package mramcim.cosim.wave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mramcim.model.periphery.Hierarchy;
import mramcim.model.periphery.TdcBank;

/**
 * A GTKWave save file that opens a lockstep waveform with the signals grouped: host interface,
 * analog boundary pins, TDC counters per column, and (for the model side) the analog quantities.
 * Signal paths are those of both the Verilator trace and {@link ModelVcdWriter}.
 */
public final class GtkwSave {

    private static final String SCOPE = "TOP." + Hierarchy.TOP + ".";
    private static final List<String> HOST = List.of(
            "cmd_valid",
            "cmd_ready",
            "cmd_op",
            "cmd_addr",
            "cmd_data",
            "rsp_valid",
            "rsp_ready",
            "rsp_status",
            "rsp_data");

    private GtkwSave() {}

    /** Writes {@code gtkw} for {@code dump}; {@code analog} adds the model's real-valued group. */
    public static void write(Path gtkw, Path dump, int rows, int cols, boolean analog) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("[*] mramcim lockstep waveform; open with: gtkwave ")
                .append(gtkw.getFileName())
                .append('\n');
        s.append("[dumpfile] \"").append(dump.toAbsolutePath()).append("\"\n");
        s.append("[savefile] \"").append(gtkw.toAbsolutePath()).append("\"\n");
        s.append("[timestart] 0\n");
        group(
                s,
                "host",
                Hierarchy.ports(rows, cols).stream()
                        .filter(p -> HOST.contains(p.name()))
                        .map(p -> signal(p.name(), p.width()))
                        .toList(),
                "22");
        group(
                s,
                "analog pins",
                Hierarchy.ports(rows, cols).stream()
                        .filter(p -> !HOST.contains(p.name()))
                        .map(p -> signal(p.name(), p.width()))
                        .toList(),
                "22");
        group(
                s,
                "tdc",
                java.util.stream.IntStream.range(0, cols)
                        .mapToObj(j -> signal("tdc.count_" + j, TdcBank.CODE_WIDTH))
                        .toList(),
                "24");
        if (analog) {
            group(
                    s,
                    "analog",
                    java.util.stream.IntStream.range(0, cols)
                            .mapToObj(j -> "analog.tau_ns_" + j)
                            .toList(),
                    "8420");
        }
        Files.writeString(gtkw, s.toString(), StandardCharsets.US_ASCII);
    }

    private static String signal(String name, int width) {
        return width > 1 ? name + "[" + (width - 1) + ":0]" : name;
    }

    private static void group(StringBuilder s, String name, List<String> signals, String flags) {
        s.append("@800200\n-").append(name).append('\n');
        for (String sig : signals) {
            s.append('@')
                    .append(sig.contains("[") ? flags : "28")
                    .append('\n')
                    .append(SCOPE)
                    .append(sig)
                    .append('\n');
        }
        s.append("@1000200\n-").append(name).append('\n');
    }
}
