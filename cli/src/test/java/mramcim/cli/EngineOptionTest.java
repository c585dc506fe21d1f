package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine} end to end: {@code cosim} on each engine gives the same exit status, the same
 * first divergence and the same last commands on a netlist with a bug, passes alike on the
 * generated one, and names its engine in the summary.
 */
class EngineOptionTest {

    @TempDir
    Path tmp;

    @Test
    void everyEngineReportsTheSameFromTheCommandLine() throws Exception {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        String original = "+ {{20{io_offset[7]}}, io_offset};";
        assertTrue(sv.contains(original));
        Path bad = Files.writeString(
                tmp.resolve("offset_sign.sv"),
                sv.replace(original, "- {{20{io_offset[7]}}, io_offset};"),
                StandardCharsets.UTF_8);
        for (Path netlist : new Path[] {null, bad}) {
            List<String> reports = new ArrayList<>();
            for (String engine : List.of("cycle", "batched", "pipelined")) {
                Path out = tmp.resolve((netlist == null ? "good-" : "bad-") + engine);
                List<String> args = new ArrayList<>(List.of(
                        "cosim", "--preset", "small:8x8", "--seed", "3", "--cycles", "40000", "--engine", engine));
                if (netlist != null) {
                    args.addAll(List.of("--verilog", netlist.toString(), "--wave", "never"));
                }
                args.addAll(List.of("--out", out.toString()));
                CliRun r = CliRun.of(args.toArray(String[]::new));
                assertEquals(netlist == null ? 0 : 1, r.code(), engine + ": " + r.out() + r.err());
                JsonNode s =
                        new ObjectMapper().readTree(out.resolve("summary.json").toFile());
                assertEquals(engine, s.path("engine").asText());
                JsonNode seed = s.path("result");
                reports.add(seed.path("status").asText()
                        + " " + seed.path("cycles").asLong()
                        + " " + seed.path("commands").asLong()
                        + " " + seed.path("mismatch")
                        + " " + seed.path("lastCommands"));
            }
            assertEquals(reports.get(0), reports.get(1), "batched = cycle: " + reports);
            assertEquals(reports.get(0), reports.get(2), "pipelined = cycle: " + reports);
        }
    }
}
