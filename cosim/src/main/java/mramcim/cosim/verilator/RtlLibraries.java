package mramcim.cosim.verilator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mramcim.rtl.Generator;

/**
 * The route from a Chisel top to a loadable library: elaborate (Chisel, firtool), then build or
 * reuse the native library for that Verilog.
 */
public final class RtlLibraries {

    private RtlLibraries() {}

    /** Elaborates {@code top} at {@code rows x cols} and returns its (possibly cached) library. */
    public static NativeBuild forTop(String top, int rows, int cols, Consumer<String> log) {
        String verilog = Generator.emit(top, rows, cols);
        return NativeBuilder.standard(log).build(top, rows + "x" + cols, verilog);
    }

    /** Builds the library of the project's own Verilog file (the Maven build step below). */
    public static NativeBuild forVerilogFile(String top, String label, Path verilog, Consumer<String> log) {
        return NativeBuilder.standard(log).build(top, label, readSources(List.of(verilog)), NativeBuilder.Variant.FAST);
    }

    /**
     * Largest netlist accepted, all files together: a flattened gate-level 128 x 128 macro is some
     * 10 MB.
     */
    public static final long MAX_NETLIST_BYTES = 512L << 20;

    /** How deep file lists may include file lists. */
    private static final int MAX_LIST_DEPTH = 8;

    /**
     * The files of a netlist ({@code --verilog}, repeatable): Verilog files, C/C++ files (DPI
     * functions), and file lists ending in {@code .f}, one path per line relative to the list,
     * {@code //} and {@code #} comments, lists within lists. Each file is read as text; a missing,
     * unreadable, binary or oversized file is refused naming it. Options in a file list are
     * refused: the tool chooses Verilator's options itself.
     */
    public static List<NativeBuilder.Source> readSources(List<Path> files) {
        List<NativeBuilder.Source> out = new ArrayList<>();
        long[] total = {0};
        for (Path f : files) {
            add(f, f.toString(), out, total, 0);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--verilog: no file given");
        }
        return out;
    }

    private static void add(Path f, String shown, List<NativeBuilder.Source> out, long[] total, int depth) {
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
            throw new IllegalArgumentException("--verilog = " + shown + " is not a readable file");
        }
        String text = readText(f, shown);
        total[0] += text.length();
        if (total[0] > MAX_NETLIST_BYTES) {
            throw new IllegalArgumentException(
                    "--verilog: the netlist is over " + MAX_NETLIST_BYTES + " bytes: is " + shown + " the right file?");
        }
        if (!f.getFileName().toString().endsWith(".f")) {
            out.add(new NativeBuilder.Source(shown, text));
            return;
        }
        if (depth >= MAX_LIST_DEPTH) {
            throw new IllegalArgumentException(
                    "file list " + shown + " nests lists more than " + MAX_LIST_DEPTH + " deep");
        }
        Path base = f.toAbsolutePath().getParent();
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line =
                    raw.replaceAll("//.*$", "").replaceAll("^\\s*#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-") || line.startsWith("+")) {
                throw new IllegalArgumentException("file list "
                        + shown
                        + " line "
                        + n
                        + ": '"
                        + line
                        + "' is an option; a file list"
                        + " here names files only (mramcim chooses Verilator's options)");
            }
            add(base.resolve(line), base.resolve(line).toString(), out, total, depth + 1);
        }
    }

    private static String readText(Path f, String shown) {
        try {
            if (Files.size(f) > MAX_NETLIST_BYTES) {
                throw new IllegalArgumentException(
                        "--verilog = " + shown + " is " + Files.size(f) + " bytes: allowed up to " + MAX_NETLIST_BYTES);
            }
            byte[] bytes = Files.readAllBytes(f);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new IllegalArgumentException(
                            "--verilog = " + shown + " is not a text file (it holds NUL bytes)");
                }
            }
            try {
                return java.nio.charset.StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes))
                        .toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--verilog = " + shown + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Maven build step: builds a library for every {@code <root>/<Top>_<R>x<C>/<Top>.sv} written by
     * the rtl module, so that a second build with no change skips Verilator.
     *
     * <p>Arguments: the generated-Verilog root directory.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RtlLibraries GENERATED_VERILOG_ROOT");
            System.exit(2);
        }
        Consumer<String> log = line -> System.out.println("[mramcim-cosim] " + line);
        try (Stream<Path> dirs = Files.list(Path.of(args[0]))) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                int us = name.lastIndexOf('_');
                String top = name.substring(0, us);
                forVerilogFile(top, name.substring(us + 1), dir.resolve(top + ".sv"), log);
            }
        }
    }
}
