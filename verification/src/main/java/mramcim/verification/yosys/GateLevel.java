package mramcim.verification.yosys;

import java.util.List;

/**
 * A gate-level netlist of a design, as a synthesis flow hands it to verification: yosys {@code
 * synth -flatten} to its generic cell library, written as plain Verilog-2001 (non-ANSI ports, one
 * flat module). The lockstep runs it through {@code --verilog} like any netlist.
 */
public final class GateLevel {

    private GateLevel() {}

    /** The gate-level netlist of {@code top} in {@code verilog}. */
    public static String synthesize(String verilog, String top) {
        Yosys y = Yosys.inTempDir();
        try {
            y.write("design.sv", verilog);
            y.run(
                    "synth",
                    List.of(
                            "read_verilog -sv design.sv",
                            "synth -flatten -top " + top,
                            "write_verilog -noattr gate.v"));
            return y.read("gate.v");
        } finally {
            y.delete();
        }
    }
}
