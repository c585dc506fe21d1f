package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import mramcim.cli.CliRun;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.rtl.Generator;
import mramcim.verification.yosys.GateLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A yosys gate-level netlist of MramCimMacro (synth -flatten; non-ANSI ports, one flat module) runs
 * in lockstep through {@code --verilog} exactly as the RTL it came from: the same seeds pass with
 * the same commands, resets and functional coverage. Broken gate-level netlists are refused with
 * the port, the expected and the found declaration.
 */
class GateLevelTest {

    @TempDir
    Path tmp;

    static RegressionSummary run(String preset, Path netlist, Shard seeds, long cycles, Path out) throws Exception {
        MacroConfig config = MacroConfig.preset(preset);
        Regression.Options o = new Regression.Options(
                config, preset, seeds.seeds(), cycles, 2, netlist, 300, seeds, WorkerPool.Limits.defaults(cycles));
        NativeBuild build = CosimRun.library(o.seed(seeds.firstSeed()), System.out::println);
        return Regression.run(o, build, out, new AtomicBoolean(), n -> {});
    }

    @Test
    void theGateLevelNetlistOfTheEightByEightMacroRunsTheShortRegressionExactlyAsItsRtl() throws Exception {
        Path gate = Files.writeString(
                tmp.resolve("MramCimMacro_gate.v"),
                GateLevel.synthesize(Generator.emit("MramCimMacro", 8, 8), "MramCimMacro"),
                StandardCharsets.UTF_8);
        assertTrue(Files.readString(gate).contains("module MramCimMacro(clock, reset, cmd_valid"), "a non-ANSI header");
        Shard seeds = Shard.whole(1, 6);
        RegressionSummary g = run("small:8x8", gate, seeds, 150_000, tmp.resolve("gate"));
        RegressionSummary r = run("small:8x8", null, seeds, 150_000, tmp.resolve("rtl"));
        assertEquals(Verdict.PASS, g.verdict(), String.join("\n", RegressionReport.console(g)));
        assertEquals(
                r.seeds().stream()
                        .map(s -> s.seed() + ":" + s.commands() + ":" + s.resets())
                        .toList(),
                g.seeds().stream()
                        .map(s -> s.seed() + ":" + s.commands() + ":" + s.resets())
                        .toList());
        assertEquals(r.totalCoverage(), g.totalCoverage(), "the same functional coverage, bin by bin");
    }

    @Test
    void theGateLevelNetlistOfTheDefaultMacroPassesTheLockstep() throws Exception {
        Path gate = Files.writeString(
                tmp.resolve("MramCimMacro_gate.v"),
                GateLevel.synthesize(Generator.emit("MramCimMacro", 64, 64), "MramCimMacro"),
                StandardCharsets.UTF_8);
        RegressionSummary g = run("jung2022", gate, Shard.whole(1, 2), 100_000, tmp.resolve("gate64"));
        assertEquals(Verdict.PASS, g.verdict(), String.join("\n", RegressionReport.console(g)));
        assertEquals(200_000, g.cycles());
    }

    @Test
    void brokenGateLevelNetlistsAreRefusedWithOneClearLineEach() throws Exception {
        String gate = GateLevel.synthesize(Generator.emit("MramCimMacro", 8, 8), "MramCimMacro");
        String[][] cases = {
            {
                "wrong-width",
                "output [31:0] rsp_data;",
                "output [30:0] rsp_data;",
                "port 'rsp_data' of the netlist's MramCimMacro is output rsp_data (31 bits): the 8x8 macro has output rsp_data (32 bits)"
            },
            {
                "missing-port",
                ", cmp, rd_bit);",
                ", cmp);",
                "the netlist's MramCimMacro has no port 'rd_bit': the 8x8 macro has input rd_bit (1 bit)"
            },
            {"wrong-top", "module MramCimMacro(", "module MramCimMacro_synth(", "module MramCimMacro not found in"},
            {"syntax-error", "endmodule", "endmodul", "Verilator refused"},
        };
        for (String[] c : cases) {
            assertTrue(gate.contains(c[1]), c[0] + ": the gate-level netlist holds " + c[1]);
            // A port taken out of the header, its net tied inside so that the netlist still
            // elaborates.
            String text = c[0].equals("missing-port")
                    ? gate.replace(c[1], c[2]).replace("  input rd_bit;\n  wire rd_bit;\n", "  wire rd_bit = 1'b0;\n")
                    : gate.replace(c[1], c[2]);
            Path f = Files.writeString(tmp.resolve(c[0] + ".v"), text, StandardCharsets.UTF_8);
            CliRun r = CliRun.of(
                    "cosim",
                    "--preset",
                    "small:8x8",
                    "--cycles",
                    "1000",
                    "--verilog",
                    f.toString(),
                    "--out",
                    tmp.resolve("o-" + c[0]).toString());
            System.out.println("gate-level " + c[0] + ": exit " + r.code() + ": " + r.firstErrorLine());
            assertEquals(2, r.code(), c[0] + ": " + r.out() + r.err());
            assertTrue(r.firstErrorLine().contains(c[3]), c[0] + ": " + r.firstErrorLine());
            assertEquals(1, r.err().lines().count(), c[0] + ": one line: " + r.err());
        }
    }

    @Test
    void aNetlistInSeveralFilesAndAFileListRunsLikeOneFile() throws Exception {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        int top = sv.indexOf("module MramCimMacro(");
        Path blocks = Files.writeString(tmp.resolve("blocks.sv"), sv.substring(0, top));
        Path macro = Files.writeString(tmp.resolve("macro.sv"), sv.substring(top));
        Files.writeString(tmp.resolve("netlist.f"), "// the macro and its blocks\nblocks.sv\n# top\nmacro.sv\n");
        CliRun two = CliRun.of(
                "cosim",
                "--preset",
                "small:8x8",
                "--cycles",
                "20000",
                "--verilog",
                blocks.toString(),
                "--verilog",
                macro.toString(),
                "--out",
                tmp.resolve("two").toString());
        CliRun list = CliRun.of(
                "cosim",
                "--preset",
                "small:8x8",
                "--cycles",
                "20000",
                "--verilog",
                tmp.resolve("netlist.f").toString(),
                "--out",
                tmp.resolve("list").toString());
        CliRun one = CliRun.of(
                "cosim",
                "--preset",
                "small:8x8",
                "--cycles",
                "20000",
                "--out",
                tmp.resolve("one").toString());
        for (CliRun r : List.of(two, list, one)) {
            assertEquals(0, r.code(), r.out() + r.err());
        }
        String pass = one.out().lines().findFirst().orElseThrow().replaceAll(", [0-9.]+ s .*", "");
        assertTrue(
                two.out().startsWith(pass) && list.out().startsWith(pass),
                pass + " | " + two.out() + " | " + list.out());
        Files.writeString(tmp.resolve("bad.f"), "+incdir+somewhere\nmacro.sv\n");
        CliRun bad = CliRun.of(
                "cosim",
                "--preset",
                "small:8x8",
                "--verilog",
                tmp.resolve("bad.f").toString(),
                "--out",
                tmp.resolve("bad").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.firstErrorLine().contains("line 1: '+incdir+somewhere' is an option"), bad.firstErrorLine());
    }
}
