package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.Hierarchy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, Done-when 3: both sides' VCDs are accepted by an independent parser (Debian's {@code
 * vcd2fst}), declare the same signal names with the same widths, and every signal a {@code .gtkw}
 * save file references exists in the dump it opens. The VCD declarations are read here by a parser
 * of the test's own, not by the writer's code.
 */
class WaveformFilesTest {

    static final String PRESET = "small:8x8";

    @TempDir
    static Path tmp;

    static Waves waves;
    static Map<String, Integer> rtlVars;
    static Map<String, Integer> modelVars;

    @BeforeAll
    static void run() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        CosimRun.Options o = new CosimRun.Options(config, PRESET, 3, 600, null, false);
        NativeBuild build = CosimRun.library(o, System.out::println);
        waves = new Waves(tmp.resolve("wave"), 100);
        CosimRun.Result r = CosimRun.run(o, build, waves);
        assertTrue(r.passed(), "the lockstep itself must pass");
        waves.finish(config.rows(), config.cols());
        rtlVars = declarations(waves.rtlVcd());
        modelVars = declarations(waves.modelVcd());
    }

    @Test
    void vcd2fstAcceptsBothDumps() throws Exception {
        for (Path vcd : List.of(waves.rtlVcd(), waves.modelVcd())) {
            Path fst = tmp.resolve(vcd.getFileName() + ".fst");
            assertTrue(Waves.toFst(vcd, fst), "vcd2fst is not installed: run scripts/setup (Debian package gtkwave)");
            assertTrue(Files.size(fst) > 0, fst + " is empty");
        }
    }

    @Test
    void theModelDeclaresTheRtlNamesAndWidths() {
        String top = "TOP." + Hierarchy.TOP + ".";
        int shared = 0;
        for (Map.Entry<String, Integer> v : modelVars.entrySet()) {
            if (v.getKey().startsWith(top + "analog.")) {
                continue; // the analog quantities exist only on the model side
            }
            assertEquals(
                    v.getValue(), rtlVars.get(v.getKey()), "width of " + v.getKey() + " in rtl.vcd (null: missing)");
            shared++;
        }
        // Every top port, the controller/sequencer state and every TDC counter: nothing was
        // skipped.
        int ports = Hierarchy.ports(8, 8).size();
        assertEquals(ports + 5 + 8, shared, "signals the model VCD shares with the RTL VCD");
        for (Hierarchy.PortDecl p : Hierarchy.ports(8, 8)) {
            assertEquals(p.width(), modelVars.get(top + p.name()), "model VCD port " + p.name());
        }
        assertTrue(modelVars.keySet().stream().anyMatch(k -> k.startsWith(top + "analog.tau_ns_")), "real-valued tau");
    }

    @Test
    void everySignalOfTheSaveFilesExistsInItsDump() throws IOException {
        for (String side : List.of("rtl", "model")) {
            Path gtkw = tmp.resolve("wave").resolve(side + ".gtkw");
            Map<String, Integer> vars = side.equals("rtl") ? rtlVars : modelVars;
            List<String> lines = Files.readAllLines(gtkw);
            String dump = lines.stream()
                    .filter(l -> l.startsWith("[dumpfile]"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    "[dumpfile] \"" + tmp.resolve("wave").resolve(side + ".vcd").toAbsolutePath() + "\"", dump);
            List<String> signals =
                    lines.stream().filter(l -> l.startsWith("TOP.")).toList();
            assertFalse(signals.isEmpty(), gtkw + " references no signal");
            for (String s : signals) {
                int bracket = s.indexOf('[');
                String name = bracket < 0 ? s : s.substring(0, bracket);
                assertTrue(
                        vars.containsKey(name),
                        gtkw.getFileName() + " references " + s + ", absent from " + side + ".vcd");
                if (bracket >= 0) {
                    int msb = Integer.parseInt(s.substring(bracket + 1, s.indexOf(':')));
                    assertEquals(vars.get(name), msb + 1, "range of " + s);
                }
            }
        }
    }

    /** Full dotted name -> width (0 for a real) of every {@code $var} of a VCD header. */
    static Map<String, Integer> declarations(Path vcd) throws IOException {
        Map<String, Integer> vars = new LinkedHashMap<>();
        Deque<String> scope = new ArrayDeque<>();
        try (var reader = Files.newBufferedReader(vcd)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] t = line.trim().split("\\s+");
                if (t[0].equals("$enddefinitions")) {
                    break;
                } else if (t[0].equals("$scope")) {
                    scope.addLast(t[2]);
                } else if (t[0].equals("$upscope")) {
                    scope.removeLast();
                } else if (t[0].equals("$var")) {
                    int width = t[1].equals("real") ? 0 : Integer.parseInt(t[2]);
                    vars.put(String.join(".", scope) + "." + t[4], width);
                }
            }
        }
        return vars;
    }
}
