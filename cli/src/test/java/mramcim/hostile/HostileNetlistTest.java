package mramcim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mramcim.cli.CliRun;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile netlists through {@code --verilog}, each a copy of the generated 8 x 8 MramCimMacro with
 * one thing wrong: an interface that is not the macro's (refused before Verilator runs, naming the
 * port, the expected and the found declaration), Verilog that Verilator refuses or whose meaning a
 * warning says has changed (refused with Verilator's message), and netlists that end, stop, loop,
 * hang or crash at run time (a FAIL, TIMEOUT or CRASHED verdict with exit 1, never a PASS). File
 * names that would break or inject into a build run like any other.
 */
class HostileNetlistTest {

    @TempDir
    static Path tmp;

    static String rtl;

    /** One hostile netlist and what must come of it. */
    record Case(String kind, String fileName, UnaryOperator<String> edit, int exit, String expect, String[] extra) {
        @Override
        public String toString() {
            return kind;
        }
    }

    @BeforeAll
    static void generate() {
        rtl = Generator.emit("MramCimMacro", 8, 8);
    }

    /** {@code text} replaced in the generated Verilog, which must hold it. */
    static UnaryOperator<String> replace(String text, String by) {
        return sv -> {
            assertTrue(sv.contains(text), "the generated Verilog holds: " + text);
            return sv.replace(text, by);
        };
    }

    /** {@code lines} added at the end of the top module. */
    static UnaryOperator<String> inTop(String lines) {
        return sv -> {
            int top = sv.indexOf("module MramCimMacro(");
            int end = sv.indexOf("endmodule", top);
            return sv.substring(0, end) + lines + "\n" + sv.substring(end);
        };
    }

    static final String COUNTER =
            "  reg [31:0] hostile_cycle = 0;\n  always @(posedge clock) hostile_cycle <= hostile_cycle + 1;\n";

    static Case c(String kind, UnaryOperator<String> edit, int exit, String expect, String... extra) {
        return new Case(kind, kind.replaceAll("\\W+", "-") + ".sv", edit, exit, expect, extra);
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(c(
                "an appended ECO module that Verilator would drop",
                sv -> {
                    int i = sv.indexOf("module OffsetCorrector(");
                    int j = sv.indexOf("endmodule", i) + "endmodule".length();
                    return sv
                            + "\n"
                            + sv.substring(i, j)
                                    .replace("+ {{20{io_offset[7]}}, io_offset}", "- {{20{io_offset[7]}}, io_offset}")
                            + "\n";
                },
                2,
                "%Error-MODDUP"));
        c.add(
                c(
                        "a top port of the wrong width",
                        replace("output [31:0] rsp_data,", "output [30:0] rsp_data,"),
                        2,
                        "port 'rsp_data' of the netlist's MramCimMacro is output rsp_data (31 bits): the 8x8 macro has output rsp_data (32 bits)"));
        c.add(c(
                "a missing top port",
                replace(",\n  input         rd_bit\n);", "\n);"),
                2,
                "the netlist's MramCimMacro has no port 'rd_bit': the 8x8 macro has input rd_bit (1 bit)"));
        c.add(c(
                "an extra top input",
                replace("  input         rd_bit\n);", "  input         rd_bit,\n  input         extra_in\n);"),
                2,
                "has an extra input 'extra_in' (1 bit)"));
        // Verilator itself refuses these before the interface could be compared: its message names
        // the port.
        c.add(c(
                "a port of the wrong direction",
                replace("output        rsp_valid,", "input         rsp_valid,"),
                2,
                "Assigning to input/const variable: 'rsp_valid'"));
        c.add(c(
                "no clock port",
                replace("  input         clock,\n", "  input         clk,\n"),
                2,
                "Can't find definition of variable: 'clock'"));
        c.add(c(
                "no clock port at all",
                sv -> {
                    String top = sv.substring(sv.indexOf("module MramCimMacro("));
                    String header = "  input         clock,\n                reset,";
                    assertTrue(top.contains(header), "the generated header declares clock and reset together");
                    return sv.replace(
                            top, top.replace(header, "  input         reset,").replace("(clock)", "(1'b0)"));
                },
                2,
                "has no port 'clock'"));
        c.add(c(
                "another top name",
                replace("module MramCimMacro(", "module MramCimMacroEco("),
                2,
                "module MramCimMacro not found in"));
        c.add(c("an empty file", sv -> "", 2, "module MramCimMacro not found in"));
        c.add(c("a syntax error", sv -> sv.substring(0, sv.lastIndexOf("endmodule")), 2, "Verilator refused"));
        c.add(c("an implicit net from a typo", inTop("  assign implicit_typo = cmd_valid;"), 2, "%Error-IMPLICIT"));
        c.add(c(
                "an expression truncated by a hand edit (printed, as Verilog defines it)",
                inTop("  wire [3:0] hostile_w4 = cmd_data;"),
                0,
                "PASS"));
        c.add(c(
                "$finish at cycle 500",
                inTop(COUNTER + "  always @(posedge clock) if (hostile_cycle == 500) $finish;"),
                1,
                "the netlist called $finish at cycle 500"));
        c.add(c(
                "$stop at cycle 500",
                inTop(COUNTER + "  always @(posedge clock) if (hostile_cycle == 500) $stop;"),
                1,
                "the netlist called $stop"));
        c.add(c(
                "$fatal at cycle 500",
                inTop(COUNTER + "  always @(posedge clock) if (hostile_cycle == 500) $fatal(1, \"eco\");"),
                1,
                "the netlist called $stop (or $fatal, $error)"));
        c.add(c(
                "a combinational loop that does not settle",
                inTop("  wire loop_a;\n  wire loop_b;\n  assign loop_a = ~loop_b & cmd_valid;\n"
                        + "  assign loop_b = loop_a;\n  wire [31:0] loop_sink = {31'h0, loop_b};"),
                1,
                "did not converge"));
        c.add(c(
                "an evaluation that never returns",
                inTop(COUNTER
                        + "  reg [31:0] hostile_spin = 0;\n  always @(posedge clock)"
                        + " if (hostile_cycle == 500) while (hostile_cycle != 0) hostile_spin = hostile_spin + 1;"),
                1,
                "watchdog: no progress for 3 s",
                "--stall-timeout",
                "3"));
        c.add(c(
                "a segmentation fault",
                inTop(COUNTER
                        + "  import \"DPI-C\" function int raise(input int sig);\n  integer hostile_rc;\n"
                        + "  always @(posedge clock) if (hostile_cycle == 500) hostile_rc = raise(11);"),
                1,
                "died with SIGSEGV"));
        c.add(c(
                "an abort",
                inTop(COUNTER
                        + "  import \"DPI-C\" function int raise(input int sig);\n  integer hostile_rc;\n"
                        + "  always @(posedge clock) if (hostile_cycle == 500) hostile_rc = raise(6);"),
                1,
                "died with SIGABRT"));
        c.add(new Case(
                "a file name that would inject code",
                "x\",system(\"touch pwned\"),\".sv",
                UnaryOperator.identity(),
                0,
                "PASS",
                new String[0]));
        c.add(new Case(
                "a file name with spaces and quotes",
                "my eco's \"final\" netlist.sv",
                UnaryOperator.identity(),
                0,
                "PASS",
                new String[0]));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileNetlistGivesItsNamedOutcome(Case c) throws Exception {
        Path dir =
                Files.createDirectories(tmp.resolve(Integer.toHexString(c.kind().hashCode())));
        Path netlist = dir.resolve(c.fileName());
        Files.writeString(netlist, c.edit().apply(rtl), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        // An earlier run's PASS in the output directory, which must not survive.
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), "# Regression PASS: small:8x8 8x8\n");
        List<String> args = new ArrayList<>(List.of(
                "regress",
                "--preset",
                "small:8x8",
                "--seeds",
                "2",
                "--jobs",
                "2",
                "--cycles",
                "20000",
                "--no-progress",
                "--verilog",
                netlist.toString(),
                "--out",
                out.toString()));
        args.addAll(List.of(c.extra()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        String shown = c.exit() == 2
                ? r.firstErrorLine()
                : r.out()
                        .lines()
                        .filter(l -> !l.startsWith("  "))
                        .skip(2)
                        .findFirst()
                        .orElse(r.out().lines().findFirst().orElse(""));
        System.out.println("HOSTILE | netlist: " + c.kind() + " | exit " + r.code() + " | " + shown);
        assertEquals(c.exit(), r.code(), c.kind() + ": out=" + r.out() + " err=" + r.err());
        assertTrue(
                (c.exit() == 2 ? r.err() : r.out()).contains(c.expect()),
                c.kind() + ": expected '" + c.expect() + "' in " + r.out() + r.err());
        JsonNode status = new ObjectMapper().readTree(out.resolve("status.json").toFile());
        if (c.exit() == 0) {
            assertEquals("PASS", status.get("verdict").asText());
        } else {
            NoPass.assertNone(out);
            assertFalse(Files.exists(out.resolve("report.md"))
                    && Files.readString(out.resolve("report.md")).contains("PASS"));
            assertTrue(
                    c.exit() == 2
                            ? status.get("verdict").asText().equals("REFUSED")
                            : List.of("FAIL", "CRASHED")
                                    .contains(status.get("verdict").asText()),
                    "status: " + status);
        }
        assertFalse(Files.exists(dir.resolve("pwned")) || Files.exists(Path.of("pwned")), "nothing of a file name ran");
    }
}
