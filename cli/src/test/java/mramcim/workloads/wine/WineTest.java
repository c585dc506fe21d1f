package mramcim.workloads.wine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import mramcim.cli.Main;
import mramcim.model.passive.config.PassiveDeviceParams;
import mramcim.results.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Wine experiment of seed 004: data, the ideal array's optima, the fabricated array's. */
class WineTest {

    @TempDir
    Path tmp;

    @Test
    void theDataIs178NormalisedSamplesSplit148To30() {
        WineData.Split s = WineData.load();
        assertEquals(148, s.train().size());
        assertEquals(30, s.test().size());
        for (int c = 0; c < WineData.CLASSES; c++) {
            int cc = c;
            assertEquals(
                    WineData.TEST_PER_CLASS,
                    s.test().stream().filter(x -> x.label() == cc).count());
        }
        for (int k = 0; k < WineData.FEATURES; k++) {
            int kk = k;
            double lo = java.util.stream.Stream.concat(s.train().stream(), s.test().stream())
                    .mapToDouble(x -> x.features()[kk])
                    .min()
                    .orElseThrow();
            double hi = java.util.stream.Stream.concat(s.train().stream(), s.test().stream())
                    .mapToDouble(x -> x.features()[kk])
                    .max()
                    .orElseThrow();
            assertEquals(0, lo, 0.0, "feature " + k);
            assertEquals(1, hi, 0.0, "feature " + k);
        }
    }

    @Test
    void aMissingOrCorruptFileNamesTheSetupScript() throws Exception {
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> WineData.load(tmp.resolve("wine_data.csv")));
        assertTrue(
                missing.getMessage().contains("missing") && missing.getMessage().contains("scripts/setup"),
                missing.getMessage());
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "178,13,class_0,class_1,class_2\n1,2,3\n");
        IllegalStateException corrupt = assertThrows(IllegalStateException.class, () -> WineData.load(bad));
        assertTrue(
                corrupt.getMessage().contains("corrupt") && corrupt.getMessage().contains("scripts/setup"),
                corrupt.getMessage());
    }

    @Test
    void inTheIdealArrayTheAccuracyAndRmsOptimaCoincideAtGOnMinusGOff() {
        WineRun.Result r = WineRun.run(new WineRun.Options(30, true, 300, 1, 2), Progress.NONE);
        double step = r.grid()[1] - r.grid()[0];
        PassiveDeviceParams d = PassiveDeviceParams.seed004(30);
        double ideal = d.gOn() - d.gOff();
        // Without line resistance or variation U = W (g_on - g_off) / g_norm: the deviation
        // vanishes there.
        assertTrue(
                Math.abs(r.grid()[r.rmsOptimum()] - ideal) <= step,
                "RMS optimum " + r.grid()[r.rmsOptimum()] + " S, g_on - g_off " + ideal);
        assertTrue(
                Math.abs(r.accuracyOptimum() - r.rmsOptimum()) <= 1,
                "accuracy optimum "
                        + r.grid()[r.accuracyOptimum()]
                        + " S, RMS optimum "
                        + r.grid()[r.rmsOptimum()]
                        + " S, step "
                        + step);
        assertEquals(1.0, r.writeAccuracy());
        // Every programmed pair is (g_on, g_off) or (g_off, g_on) of the same junctions: it carries
        // g_on - g_off, and so does the estimate of eq. (3).
        assertEquals(ideal, r.meanPairDifference(), 1e-9 * ideal);
        assertEquals(ideal, r.estimate(), 1e-9 * ideal);
    }

    @Test
    void withLineResistanceAndVariationTheOptimaDifferAndTheMedianStaysAbove90Percent() {
        WineRun.Result r = WineRun.run(new WineRun.Options(30, false, 300, 1, 2), Progress.NONE);
        double median = r.medianAccuracy()[r.accuracyOptimum()];
        assertTrue(median >= 0.90, "median accuracy at the optimum " + median);
        assertNotEquals(
                r.accuracyOptimum(),
                r.rmsOptimum(),
                "accuracy and RMS optima at " + r.grid()[r.accuracyOptimum()] + " S");
        // Line resistance lowers the read-back conductances: the optima move below the junctions'
        // g_on - g_off.
        PassiveDeviceParams d = PassiveDeviceParams.seed004(30);
        assertTrue(r.grid()[r.accuracyOptimum()] < 0.7 * (d.gOn() - d.gOff()));
        // Per solution and layer, eq. (4) is smallest at a g_norm no lower than the layer's mean W
        // (g_e - g_i)
        // (Cauchy-Schwarz); on the grid the minimum may sit one step lower.
        double step = r.grid()[1] - r.grid()[0];
        for (WineRun.Solution s : r.solutions()) {
            double[][] g = s.programming().readBack();
            double bound = Math.min(
                    Stats.mean(GnormSweep.pairDifferences(s.network().w1(), WineLayout.deltaG1(g))),
                    Stats.mean(GnormSweep.pairDifferences(s.network().w2(), WineLayout.deltaG2(g))));
            int best = 0;
            for (int k = 1; k < r.grid().length; k++) {
                best = s.rmsDeviation()[k] < s.rmsDeviation()[best] ? k : best;
            }
            assertTrue(
                    r.grid()[best] >= bound - step,
                    "solution "
                            + s.network().seed()
                            + ": RMS optimum "
                            + r.grid()[best]
                            + " S, pair mean "
                            + bound
                            + " S");
        }
    }

    @Test
    void theCommandRefusesADiameterTheSeedDidNotFabricate() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("wine", "--diameter", "45", "--out", tmp.toString());
        assertEquals(2, code, err.toString());
        assertTrue(
                err.toString().contains("diameter = 45 nm is out of range: allowed 30, 40, 50 or 60"), err.toString());
        StringWriter err2 = new StringWriter();
        cl.setErr(new PrintWriter(err2));
        assertEquals(2, cl.execute("wine", "--solutions", "0", "--out", tmp.toString()));
        assertTrue(err2.toString().contains("--solutions = 0 is out of range: allowed 1..10000"), err2.toString());
    }

    @Test
    void theCommandWritesTheReportWithEveryPicture() throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(
                0, cl.execute("wine", "--solutions", "8", "--no-progress", "--out", tmp.toString()), err.toString());
        String md = Files.readString(tmp.resolve("report.md"));
        assertTrue(md.contains("| median accuracy at the estimate |"), md);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\]\\(([a-z-]+)\\.png\\)").matcher(md);
        int pictures = 0;
        while (m.find()) {
            java.awt.image.BufferedImage img =
                    javax.imageio.ImageIO.read(tmp.resolve(m.group(1) + ".png").toFile());
            assertTrue(img.getWidth() >= 800 && img.getHeight() >= 500, m.group(1));
            assertTrue(Files.size(tmp.resolve(m.group(1) + ".svg")) > 0, m.group(1));
            pictures++;
        }
        assertEquals(6, pictures);

        // summary.json: typed, and the same figures as the report people read.
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("summary.json").toFile());
        assertEquals("mramcim-wine-summary/1", j.path("format").asText());
        assertEquals(8, j.path("solutions").asInt());
        double atEstimate = j.path("medianAccuracyAtEstimate").asDouble();
        assertTrue(
                md.contains(String.format(
                        java.util.Locale.ROOT, "| median accuracy at the estimate | %.1f %% |", 100 * atEstimate)),
                md);
        double min = j.path("minAccuracyAtOptimum").asDouble();
        double med = j.path("medianAccuracyAtOptimum").asDouble();
        double max = j.path("maxAccuracyAtOptimum").asDouble();
        assertTrue(0 <= min && min <= med && med <= max && max <= 1, min + " " + med + " " + max);
        assertTrue(
                j.path("accuracyOptimumS").asDouble() > 0
                        && j.path("accuracyOptimumS").asDouble() < 1e-3,
                "g_norm in siemens");
    }
}
