package mramcim.cosim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        try {
            return NativeBuilder.standard(log).build(top, label, Files.readString(verilog));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Verilog file " + verilog, e);
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
