package mramcim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import mramcim.rtl.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim rtl}: emit the SystemVerilog of a top for one array size. */
@Command(name = "rtl", description = "Elaborate the Chisel RTL for ROWS x COLS and write its SystemVerilog.")
public final class RtlCommand implements Callable<Integer> {

    @Option(names = "--rows", required = true, description = "bit cells per column, 4..128")
    int rows;

    @Option(names = "--cols", required = true, description = "columns, 4..128")
    int cols;

    @Option(
            names = "--top",
            defaultValue = "MramCimMacro",
            description = "top module: the macro or one of its blocks (default ${DEFAULT-VALUE})")
    String top;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(
            names = "--gate-level",
            description = "also write TOP_gate.v, the yosys gate-level netlist (synth -flatten)")
    boolean gateLevel;

    @Override
    public Integer call() throws Exception {
        Path file = Generator.emitTo(top, rows, cols, out);
        System.out.println("wrote " + file);
        if (gateLevel) {
            Path gate = out.resolve(top + "_gate.v");
            java.nio.file.Files.writeString(
                    gate, mramcim.verification.yosys.GateLevel.synthesize(java.nio.file.Files.readString(file), top));
            System.out.println("wrote " + gate);
        }
        return 0;
    }
}
