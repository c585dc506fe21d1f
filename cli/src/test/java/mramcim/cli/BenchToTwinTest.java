package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24 on the command line, as the README shows it: a die measured on the (simulated) bench,
 * calibrated and validated from its codes, fitted, and its twin run by the commands that take a
 * preset.
 */
class BenchToTwinTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMeasuredDieBecomesATwinThatEveryCommandRuns(@TempDir Path tmp) throws Exception {
        String preset = "small:16x16";
        Path bench = tmp.resolve("bench");
        String[] die = {"--preset", preset, "--seed", "5", "--inject", "3=30,9=-25,12=40"};
        CliRun m = CliRun.of(concat(new String[] {"measure"}, die, new String[] {
            "--die", "chip-5", "--out", bench.toString(), "--no-progress"
        }));
        assertEquals(0, m.code(), m.out() + m.err());
        assertTrue(m.out().contains("measure: die chip-5"), m.out());

        Path cal = tmp.resolve("cal");
        CliRun c = CliRun.of("calibrate", "--measured", bench.toString(), "--out", cal.toString());
        assertEquals(0, c.code(), c.out() + c.err());
        JsonNode measured = JSON.readTree(cal.resolve("offsets.json").toFile());
        Path onDie = tmp.resolve("on-die");
        CliRun d = CliRun.of(concat(new String[] {"calibrate"}, die, new String[] {
            "--no-sweep", "--option2", "4x4", "--out", onDie.toString(), "--no-progress"
        }));
        assertEquals(0, d.code(), d.out() + d.err());
        JsonNode direct = JSON.readTree(onDie.resolve("offsets.json").toFile());
        assertEquals(direct.get("c0"), measured.get("c0"));
        assertEquals(direct.get("gain"), measured.get("gain"));
        assertEquals(direct.get("offsets"), measured.get("offsets"));
        JsonNode cs = JSON.readTree(cal.resolve("summary.json").toFile());
        assertTrue(cs.get("heldout").get("maeAfter").asDouble()
                < cs.get("heldout").get("maeBefore").asDouble());
        assertTrue(Files.exists(cal.resolve("error-histogram.png")));

        CliRun v = CliRun.of(
                "validate",
                "--measured",
                bench.toString(),
                "--offsets",
                cal.resolve("offsets.json").toString(),
                "--out",
                tmp.resolve("val").toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("validate: the offsets help on die chip-5: MAE"), v.out());

        Path fit = tmp.resolve("fit");
        CliRun f = CliRun.of(
                "fit", "--measured", bench.toString(), "--preset", preset, "--out", fit.toString(), "--no-progress");
        assertEquals(0, f.code(), f.out() + f.err());
        JsonNode summary = JSON.readTree(fit.resolve("fit.json").toFile());
        assertEquals("mramcim-fit/1", summary.get("format").asText());
        assertTrue(summary.get("heldout").get("exactFraction").asDouble() >= 0.8, summary.toString());
        assertTrue(summary.get("heldout").get("withinOneFraction").asDouble() >= 0.99, summary.toString());
        assertEquals(16, summary.get("columns").size());
        MacroConfig twin = ConfigJson.load(fit.resolve("twin.json"));
        assertNotNull(twin.die());
        assertEquals("chip-5", twin.die().name());
        assertTrue(Files.readString(fit.resolve("report.md")).contains("![delay scale per column](delay-scale.png)"));

        // The twin runs where a preset runs.
        String twinFile = fit.resolve("twin.json").toString();
        CliRun tc = CliRun.of(
                "calibrate",
                "--config",
                twinFile,
                "--seed",
                "5",
                "--no-sweep",
                "--option2",
                "4x4",
                "--out",
                tmp.resolve("twin-cal").toString(),
                "--no-progress");
        assertEquals(0, tc.code(), tc.out() + tc.err());
        JsonNode twinOffsets =
                JSON.readTree(tmp.resolve("twin-cal").resolve("offsets.json").toFile());
        assertEquals(direct.get("c0"), twinOffsets.get("c0"), "the twin has the die's C0");
        int[] a = ints(direct.get("offsets"));
        int[] b = ints(twinOffsets.get("offsets"));
        int far = 0;
        for (int j = 0; j < a.length; j++) {
            far += Math.abs(a[j] - b[j]) > 1 ? 1 : 0;
        }
        assertEquals(0, far, "the twin's offsets are the die's within one DP");
        CliRun cosim = CliRun.of(
                "cosim",
                "--config",
                twinFile,
                "--cycles",
                "5000",
                "--out",
                tmp.resolve("twin-cosim").toString());
        assertEquals(0, cosim.code(), cosim.out() + cosim.err());
        assertTrue(cosim.out().startsWith("PASS"), cosim.out());
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
