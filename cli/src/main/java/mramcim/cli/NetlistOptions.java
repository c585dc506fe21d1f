package mramcim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --verilog}: the netlist a lockstep command runs instead of the generated RTL (cosim, regress). */
final class NetlistOptions {

    @Option(
            names = "--verilog",
            paramLabel = "FILE",
            description =
                    "run against this netlist of MramCimMacro instead of the generated one: Verilog files (ANSI or"
                            + " non-ANSI, RTL or gate level), C/C++ files of DPI functions, or .f file lists; repeatable")
    List<Path> verilog = new ArrayList<>();

    /** The files given, each checked readable (exit 2 naming the one that is not). */
    List<Path> files() {
        verilog.forEach(v -> CliChecks.readableFile("--verilog", v));
        return verilog;
    }
}
