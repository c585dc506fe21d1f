package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mramcim config} and {@code mramcim array} as a user runs them. */
class ModelCommandsTest {

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void configListsThePassiveArrayOfEveryDiameterWithUnitsAndSources() {
        CliRun r30 = run("config", "--passive", "30");
        CliRun r60 = run("config", "--passive", "60");
        assertEquals(0, r30.code(), r30.err());
        assertTrue(r30.out().contains("lines.sheetResistance") && r30.out().contains("seed 004 III"), r30.out());
        String g30 = r30.out()
                .lines()
                .filter(l -> l.startsWith("device.gOff "))
                .findFirst()
                .orElseThrow();
        String g60 = r60.out()
                .lines()
                .filter(l -> l.startsWith("device.gOff "))
                .findFirst()
                .orElseThrow();
        // Conductance scales with the junction area: (60 / 30)^2.
        assertEquals(4 * Double.parseDouble(g30.split("\\s+")[1]), Double.parseDouble(g60.split("\\s+")[1]), 1e-12);
        assertEquals(2, run("config", "--passive", "45").code());
    }

    @Test
    void configJsonListsEveryParameterWithValueUnitAndSource() throws Exception {
        CliRun r = run("config", "--preset", "jung2022", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(11.11e6, root.get("operatingFrequencyHz").asDouble(), 0.01e6);
        boolean found = false;
        for (JsonNode p : root.get("parameters")) {
            assertTrue(p.has("name") && p.has("value") && p.has("unit") && p.has("source"), p.toString());
            if (p.get("name").asText().equals("mtj.rP")) {
                assertEquals(3000.0, p.get("value").asDouble());
                assertEquals("Ohm", p.get("unit").asText());
                found = true;
            }
        }
        assertTrue(found, "mtj.rP listed");
    }

    @Test
    void savedConfigurationLoadsBackThroughConfigOption() throws Exception {
        Path file = tmp.resolve("cfg.json");
        assertEquals(
                0,
                run("config", "--preset", "small:8x8", "--save", file.toString())
                        .code());
        Files.writeString(file, Files.readString(file).replace("\"rows\" : 8", "\"rows\" : 2"));
        CliRun bad = run("config", "--config", file.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("geometry.rows = 2 is out of range: allowed 4..128"), bad.err());
    }

    @Test
    void arrayReportsPerColumnCodesThatOrderLikeTheExactDotProducts() throws Exception {
        int n = 16;
        SplittableRandom rnd = new SplittableRandom(8);
        StringBuilder w = new StringBuilder();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                w.append(c == 0 ? "" : ",").append(rnd.nextBoolean() ? "1" : "-1");
            }
            w.append('\n');
        }
        StringBuilder in = new StringBuilder();
        for (int c = 0; c < n; c++) {
            in.append(c == 0 ? "" : ",").append(rnd.nextBoolean() ? "+1" : "-1");
        }
        Files.writeString(tmp.resolve("w.csv"), w);
        Files.writeString(tmp.resolve("in.csv"), in + "\n");
        CliRun r = run(
                "array",
                "--preset",
                "ideal",
                "--config",
                writeIdealSmall(n).toString(),
                "--weights",
                tmp.resolve("w.csv").toString(),
                "--inputs",
                tmp.resolve("in.csv").toString(),
                "--solver",
                "both",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.get("fastVsExactMaxRelativeTauDifference").asDouble() < 5e-3);
        JsonNode cols = root.get("conversions").get(0).get("columns");
        assertEquals(n, cols.size());
        String[] wl = w.toString().split("\n");
        String[] il = in.toString().split(",");
        for (JsonNode c : cols) {
            int col = c.get("column").asInt();
            int dp = 0;
            for (int i = 0; i < n; i++) {
                dp += Integer.parseInt(il[i].replace("+", "")) * Integer.parseInt(wl[i].split(",")[col]);
            }
            assertEquals(dp, c.get("exactDotProduct").asInt(), "column " + col);
        }
        // In the ideal array a larger dot product (fewer mismatches) means a shorter delay.
        for (JsonNode a : cols) {
            for (JsonNode b : cols) {
                if (a.get("exactDotProduct").asInt() > b.get("exactDotProduct").asInt()) {
                    assertTrue(
                            a.get("tauSeconds").asDouble() < b.get("tauSeconds").asDouble());
                }
            }
        }
    }

    private Path writeIdealSmall(int n) throws Exception {
        Path file = tmp.resolve("ideal.json");
        assertEquals(
                0, run("config", "--preset", "ideal", "--save", file.toString()).code());
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("\"rows\" : 64", "\"rows\" : " + n)
                        .replace("\"cols\" : 64", "\"cols\" : " + n));
        return file;
    }

    @Test
    void malformedWeightsAreRefusedWithLineAndColumn() throws Exception {
        Files.writeString(tmp.resolve("w.csv"), "1,1,1,1\n1,1,x,1\n1,1,1,1\n1,1,1,1\n");
        Files.writeString(tmp.resolve("in.csv"), "1,1,1,1\n");
        CliRun r = run(
                "array",
                "--preset",
                "small:4x4",
                "--weights",
                tmp.resolve("w.csv").toString(),
                "--inputs",
                tmp.resolve("in.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("w.csv line 2, column 3: 'x' is not +1 or -1"), r.err());
        Files.writeString(tmp.resolve("in.csv"), "1,1,1\n");
        Files.writeString(tmp.resolve("w.csv"), "1,1,1,1\n1,1,1,1\n1,1,1,1\n1,1,1,1\n");
        r = run(
                "array",
                "--preset",
                "small:4x4",
                "--weights",
                tmp.resolve("w.csv").toString(),
                "--inputs",
                tmp.resolve("in.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("in.csv line 1: 3 values, expected 4"), r.err());
    }
}
