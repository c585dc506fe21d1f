package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mramcim calibrate} and {@code mramcim validate} end to end on a small macro. */
class CalibrateCommandTest {

    @TempDir
    static Path tmp;

    private static Path cal;
    private static int calibrateCode;

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), err.toString());
    }

    @BeforeAll
    static void calibrate() {
        cal = tmp.resolve("cal");
        calibrateCode = run(
                        "calibrate",
                        "--preset",
                        "small:16x16",
                        "--seed",
                        "2",
                        "--option2",
                        "40x16",
                        "--no-progress",
                        "--out",
                        cal.toString())
                .code();
    }

    @Test
    void calibrateWritesOffsetsPlotsAndAReportThatShowsThem() throws Exception {
        assertEquals(0, calibrateCode);
        JsonNode offsets =
                new ObjectMapper().readTree(cal.resolve("offsets.json").toFile());
        assertEquals(16, offsets.get("offsets").size());
        String md = Files.readString(cal.resolve("report.md"));
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(md);
        int images = 0;
        while (m.find()) {
            Path png = cal.resolve(m.group(1));
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png + " is not a readable PNG");
            assertTrue(
                    img.getWidth() >= 800 && img.getHeight() >= 500,
                    png + " is " + img.getWidth() + "x" + img.getHeight());
            String svg = Files.readString(Path.of(png.toString().replace(".png", ".svg")));
            assertTrue(svg.contains("<svg"), png + ": its SVG is not SVG");
            images++;
        }
        assertEquals(8, images, "histograms (2), per-column, transfer, two DP values, two sweeps");
        assertTrue(
                md.contains("Reproduce: `scripts/mramcim calibrate --preset small:16x16 --seed 2"),
                "report names its command");
        JsonNode s = new ObjectMapper().readTree(cal.resolve("summary.json").toFile());
        assertTrue(s.get("option2").get("maeAfter").asDouble()
                < s.get("option2").get("maeBefore").asDouble());
        assertEquals(ConditionSweepPoints.SUPPLY, s.get("supplySweep").size());
    }

    @Test
    void validateOfTheSameDieReproducesTheFastPathFigures() throws Exception {
        assertEquals(0, calibrateCode);
        Path out = tmp.resolve("val");
        Run r = run(
                "validate",
                "--offsets",
                cal.resolve("offsets.json").toString(),
                "--preset",
                "small:16x16",
                "--seed",
                "2",
                "--option2",
                "40x16",
                "--no-progress",
                "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode c = json.readTree(cal.resolve("summary.json").toFile()).get("option2");
        JsonNode v = json.readTree(out.resolve("summary.json").toFile());
        // Same die, same C0/GAIN/offsets, same held-out patterns and conversion indices: the same
        // numbers.
        assertEquals(c.get("maeBefore").asDouble(), v.get("option2MaeBefore").asDouble());
        assertEquals(c.get("maeAfter").asDouble(), v.get("option2MaeAfter").asDouble());
        assertTrue(v.get("globalFromFile").asBoolean());
        assertTrue(Files.isRegularFile(out.resolve("error-histogram.png")));
    }

    @Test
    void offsetsThatHurtFailValidation() throws Exception {
        Path bad = tmp.resolve("hurt.json");
        Files.writeString(
                bad,
                "{\"format\":\"mramcim-offsets/1\",\"rows\":16,\"cols\":16,\"offsets\":[9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9]}");
        Run r = run(
                "validate",
                "--offsets",
                bad.toString(),
                "--preset",
                "small:16x16",
                "--option2",
                "10x8",
                "--no-progress",
                "--out",
                tmp.resolve("hurt").toString());
        assertEquals(1, r.code());
        assertTrue(Files.readString(tmp.resolve("hurt/report.md")).contains("the offsets **hurt**"));
    }

    @Test
    void aMismatchedOrMalformedOffsetsFileIsRefusedWithExitTwo() throws Exception {
        assertEquals(0, calibrateCode);
        Run other = run(
                "validate",
                "--offsets",
                cal.resolve("offsets.json").toString(),
                "--preset",
                "small:16x8",
                "--no-progress",
                "--out",
                tmp.resolve("x").toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("made for a 16 x 16 macro, this one is 16 x 8"), other.err());
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"format\":\"mramcim-offsets/1\",\"rows\":16,\"cols\":16,\"offsets\":[1,2]}");
        Run malformed = run(
                "validate",
                "--offsets",
                broken.toString(),
                "--preset",
                "small:16x16",
                "--no-progress",
                "--out",
                tmp.resolve("y").toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("offsets has 2 entries: expected 16"), malformed.err());
    }

    @Test
    void badCalibrateOptionsNameTheParameter() {
        Run k = run(
                "calibrate",
                "--preset",
                "small:8x8",
                "--patterns",
                "0",
                "--out",
                tmp.resolve("k").toString());
        assertEquals(2, k.code());
        assertTrue(k.err().contains("--patterns = 0 is out of range"), k.err());
        Run inj = run(
                "calibrate",
                "--preset",
                "small:8x8",
                "--inject",
                "12=30",
                "--out",
                tmp.resolve("i").toString());
        assertEquals(2, inj.code());
        assertTrue(inj.err().contains("--inject column = 12 is out of range: allowed 0..7"), inj.err());
        Run plan = run(
                "calibrate",
                "--preset",
                "small:8x8",
                "--option2",
                "1000",
                "--out",
                tmp.resolve("p").toString());
        assertEquals(2, plan.code());
        assertTrue(plan.err().contains("--option2 = 1000 is malformed"), plan.err());
    }

    /** The sweep's length, named so the assertion reads. */
    private static final class ConditionSweepPoints {
        static final int SUPPLY = mramcim.calibration.ConditionSweep.SUPPLY_POINTS.length;
    }
}
