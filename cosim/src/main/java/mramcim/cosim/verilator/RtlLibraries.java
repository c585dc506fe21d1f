package mramcim.cosim.verilator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mramcim.rtl.Generator;

/**
 * The route from a Chisel top to a loadable library: elaborate (Chisel, firtool), then build or
 * reuse the native library for that Verilog.
 */
public final class RtlLibraries {

    private RtlLibraries() {
    }

    /** Elaborates {@code top} at {@code rows x cols} and returns its (possibly cached) library. */
    public static NativeBuild forTop(String top, int rows, int cols, Consumer<String> log) {
        String verilog = Generator.emit(top, rows, cols);
        return NativeBuilder.standard(log).build(top, rows + "x" + cols, verilog);
    }

    /** Builds the library of a Verilog file ({@code --verilog}, a hand-edited or ECO netlist). */
    public static NativeBuild forVerilogFile(String top, String label, Path verilog, Consumer<String> log) {
        return NativeBuilder.standard(log).build(top, label, verilog.toString(), readNetlist(verilog));
    }

    /** Largest netlist accepted: a flattened gate-level 128 x 128 macro is some 10 MB. */
    public static final long MAX_NETLIST_BYTES = 512L << 20;

    /**
     * The text of a netlist file, refusing (as bad input, naming the file) one that is missing,
     * not a regular file, too large, or not text.
     */
    public static String readNetlist(Path verilog) {
        if (!Files.isRegularFile(verilog)) {
            throw new IllegalArgumentException("--verilog = " + verilog + " is not a readable file");
        }
        try {
            if (Files.size(verilog) > MAX_NETLIST_BYTES) {
                throw new IllegalArgumentException("--verilog = " + verilog + " is " + Files.size(verilog) + " bytes: allowed up to "
                        + MAX_NETLIST_BYTES);
            }
            byte[] bytes = Files.readAllBytes(verilog);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new IllegalArgumentException("--verilog = " + verilog + " is not a text file (it holds NUL bytes)");
                }
            }
            java.nio.charset.CharsetDecoder dec = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
            try {
                return dec.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--verilog = " + verilog + " cannot be read: " + e.getMessage(), e);
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
