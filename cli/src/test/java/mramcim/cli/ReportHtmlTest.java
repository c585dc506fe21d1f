package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import mramcim.rtl.Generator;
import mramcim.verification.regression.RegressionHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Issue 22, point 3: the report.html of a failing regression renders in headless Chromium (a
 * screenshot that is not blank and shows the failure red), holds one waveform picture per failure,
 * and every failure's SVG is well-formed XML that names the diverging pin.
 */
class ReportHtmlTest {

    static final String PRESET = "small:8x8";

    /** A TDC bug: a saturated counter latches 0xFFE instead of 0xFFF. */
    static final String ORIGINAL = "codeLatch_0 <= running_0 ? 12'hFFF : count_0;";

    static final String MUTANT = "codeLatch_0 <= running_0 ? 12'hFFE : count_0;";

    /** The browser's page size, px. */
    static final int WIDTH = 1400;

    static final int HEIGHT = 4000;

    @TempDir
    Path tmp;

    /** Chromium on PATH ({@code scripts/setup chromium} installs it; scripts/test does). */
    static String chromium() {
        for (String name : new String[] {"chromium", "chromium-browser"}) {
            for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /** The generated 8x8 top with the TDC bug, written to {@code file}. */
    static Path mutant(Path file) throws java.io.IOException {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        assertTrue(sv.contains(ORIGINAL), "the generated Verilog still holds the line the bug edits");
        Files.writeString(file, sv.replace(ORIGINAL, MUTANT), StandardCharsets.UTF_8);
        return file;
    }

    /** The count of waveform pictures inlined in a report.html. */
    static int pictures(String html) {
        Matcher m = Pattern.compile("<div class=\"" + RegressionHtml.PICTURE_CLASS + "\"><svg ")
                .matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aMergeOfFailingShardsLinksAndInlinesEveryShardsPictures() throws Exception {
        Path mutant = mutant(tmp.resolve("tdc-merge.sv"));
        List<String> shards = new ArrayList<>();
        for (String shard : new String[] {"1/2", "2/2"}) {
            Path d = tmp.resolve("shard-" + shard.charAt(0));
            CliRun r = CliRun.of(
                    "regress",
                    "--preset",
                    PRESET,
                    "--seeds",
                    "4",
                    "--cycles",
                    "40000",
                    "--verilog",
                    mutant.toString(),
                    "--no-corpus",
                    "--no-progress",
                    "--window",
                    "50",
                    "--shard",
                    shard,
                    "--out",
                    d.toString());
            assertEquals(1, r.code(), r.out());
            shards.add(d.toString());
        }
        Path merged = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shards);
        args.addAll(List.of("--out", merged.toString()));
        CliRun m = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, m.code(), m.out());
        JsonNode summary =
                new ObjectMapper().readTree(merged.resolve("summary.json").toFile());
        int failures = 0;
        for (JsonNode s : summary.get("seeds")) {
            if ("FAIL".equals(s.get("status").asText())) {
                failures++;
                for (JsonNode w : s.get("waves")) {
                    assertTrue(Files.isRegularFile(merged.resolve(w.asText())), w + " from the merge's directory");
                }
                assertTrue(Files.isRegularFile(merged.resolve(s.get("trace").asText())), "the trace too");
            }
        }
        assertTrue(failures >= 2, "failures in both shards: " + failures);
        String html = Files.readString(merged.resolve(RegressionHtml.FILE));
        assertEquals(failures, pictures(html), "every shard's pictures inlined in the merged report.html");
    }

    @Test
    void aFailingRegressionsReportRendersWithOnePicturePerFailure() throws Exception {
        Path mutant = mutant(tmp.resolve("tdc.sv"));
        Path out = tmp.resolve("regress");
        CliRun r = CliRun.of(
                "regress",
                "--preset",
                PRESET,
                "--seeds",
                "3",
                "--cycles",
                "40000",
                "--verilog",
                mutant.toString(),
                "--no-corpus",
                "--no-progress",
                "--window",
                "100",
                "--out",
                out.toString());
        assertEquals(1, r.code(), r.out() + r.err());

        JsonNode summary =
                new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<JsonNode> failures = new ArrayList<>();
        summary.get("seeds").forEach(s -> {
            if ("FAIL".equals(s.get("status").asText())) {
                failures.add(s);
            }
        });
        assertTrue(failures.size() >= 2, "several seeds fail on the mutant: " + failures.size());

        String html = Files.readString(out.resolve(RegressionHtml.FILE));
        assertEquals(failures.size(), pictures(html), "one inlined waveform picture per failure");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing is fetched");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (JsonNode s : failures) {
            String pin = s.get("mismatch").get("pin").asText();
            String svg = null;
            for (JsonNode w : s.get("waves")) {
                if (w.asText().endsWith(".svg")) {
                    svg = w.asText();
                }
            }
            assertNotNull(svg, "seed " + s.get("seed") + " has a picture");
            Document d = f.newDocumentBuilder().parse(out.resolve(svg).toFile());
            assertEquals("svg", d.getDocumentElement().getLocalName(), svg);
            assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI(), svg);
            String text = d.getDocumentElement().getTextContent();
            assertTrue(text.contains(pin + " (model)") && text.contains(pin + " (rtl)"), svg + " names " + pin);
            assertTrue(text.contains("cycle " + s.get("mismatch").get("cycle").asText()), svg + " names the cycle");
        }

        String browser = chromium();
        assertNotNull(browser, "chromium is not on PATH: run scripts/setup chromium (scripts/test does)");
        Path png = tmp.resolve("report.png");
        Process p = new ProcessBuilder(
                        browser,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        "--window-size=" + WIDTH + "," + HEIGHT,
                        "--screenshot=" + png,
                        out.resolve(RegressionHtml.FILE).toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("chromium.log").toFile())
                .start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium took over 3 minutes");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "chromium wrote a PNG");
        assertEquals(WIDTH, img.getWidth());
        long inked = 0;
        long red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int rr = rgb >> 16 & 0xFF;
                int gg = rgb >> 8 & 0xFF;
                int bb = rgb & 0xFF;
                if (rr + gg + bb < 600) {
                    inked++;
                }
                if (rr > 150 && gg < 80 && bb < 80) {
                    red++;
                }
            }
        }
        double share = (double) inked / ((long) img.getWidth() * img.getHeight());
        assertTrue(share > 0.01, "the page is not blank: " + share + " of the pixels inked");
        assertTrue(red > 200, "the verdict and the failing pin are drawn red: " + red + " red pixels");
    }
}
