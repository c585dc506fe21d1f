package mramcim.workloads.vgg8;

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
import mramcim.workloads.mnist.MnistData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 on the small network (4-4-8-8-8-8 channels, 32 hidden, trained here in seconds): the
 * training replays from its seed on any thread count, the integer network equals a direct
 * convolution written independently here, the file round-trips, the ideal macro gives the software
 * predictions in all three modes, and the co-simulated digits agree with the fast path on every
 * column of every pass.
 */
class Vgg8Test {

    @TempDir
    static Path tmp;

    static MnistData.Split data;
    static BinaryVgg8 net;

    static Vgg8Trainer.Settings settings(int threads) {
        return Vgg8Trainer.Settings.small(3, threads);
    }

    @BeforeAll
    static void trainOnce() {
        data = MnistData.load();
        net = Vgg8Trainer.train(Vgg8Shape.small(), data.train(), settings(2), n -> {});
    }

    static List<byte[]> pixels(List<MnistData.Digit> digits) {
        return digits.stream().map(MnistData.Digit::pixels).toList();
    }

    @Test
    void trainingReplaysFromItsSeedOnAnyThreadCount() {
        BinaryVgg8 again = Vgg8Trainer.train(Vgg8Shape.small(), data.train().subList(0, 400), settings(1), n -> {});
        BinaryVgg8 threads = Vgg8Trainer.train(Vgg8Shape.small(), data.train().subList(0, 400), settings(3), n -> {});
        for (int l = 0; l < BinaryVgg8.LAYERS; l++) {
            for (int o = 0; o < again.outputs(l); o++) {
                assertArrayEquals(again.weights()[l][o], threads.weights()[l][o], "layer " + l + " output " + o);
            }
            assertArrayEquals(again.threshold()[l], threads.threshold()[l]);
            assertArrayEquals(again.direction()[l], threads.direction()[l]);
        }
    }

    @Test
    void theSmallNetworkLearnsTheDigits() {
        int[] pred = net.predict(pixels(data.test()), BinaryVgg8.EXACT, n -> {});
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            ok += pred[i] == data.test().get(i).label() ? 1 : 0;
        }
        double accuracy = (double) ok / pred.length;
        assertTrue(accuracy > 0.5, "held-out accuracy of the small network after 3 epochs (chance: 0.1): " + accuracy);
    }

    /** The network's integer arithmetic written out directly: convolution, threshold, OR pooling. */
    static int direct(BinaryVgg8 n, byte[] pixels) {
        int side = Vgg8Shape.SIDE;
        int[][] act = new int[1][side * side];
        for (int i = 0; i < pixels.length; i++) {
            act[0][i] = pixels[i];
        }
        for (int l = 0; l < Vgg8Shape.CONVOLUTIONS; l++) {
            int cin = act.length;
            int cout = n.outputs(l);
            int[][] next = new int[cout][side * side];
            for (int o = 0; o < cout; o++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int a = 0;
                        for (int ci = 0; ci < cin; ci++) {
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    int sy = y + dy;
                                    int sx = x + dx;
                                    int v = sy < 0 || sy >= side || sx < 0 || sx >= side ? -1 : act[ci][sy * side + sx];
                                    a += v * n.weights()[l][o][ci * 9 + (dy + 1) * 3 + dx + 1];
                                }
                            }
                        }
                        next[o][y * side + x] = n.direction()[l][o] * (a - n.threshold()[l][o]) >= 0 ? 1 : -1;
                    }
                }
            }
            if (l % 2 == 1) {
                int half = side / 2;
                int[][] pooled = new int[cout][half * half];
                for (int o = 0; o < cout; o++) {
                    for (int y = 0; y < half; y++) {
                        for (int x = 0; x < half; x++) {
                            int m = -1;
                            for (int d = 0; d < 4; d++) {
                                m = Math.max(m, next[o][(2 * y + d / 2) * side + 2 * x + d % 2]);
                            }
                            pooled[o][y * half + x] = m;
                        }
                    }
                }
                next = pooled;
                side = half;
            }
            act = next;
        }
        int[] flat = new int[act.length * side * side];
        for (int c = 0; c < act.length; c++) {
            System.arraycopy(act[c], 0, flat, c * side * side, side * side);
        }
        int dense = BinaryVgg8.LAYERS - 1;
        int[] h = new int[n.outputs(dense)];
        for (int j = 0; j < h.length; j++) {
            int a = 0;
            for (int i = 0; i < flat.length; i++) {
                a += flat[i] * n.weights()[dense][j][i];
            }
            h[j] = n.direction()[dense][j] * (a - n.threshold()[dense][j]) >= 0 ? 1 : -1;
        }
        int best = 0;
        int bestScore = Integer.MIN_VALUE;
        for (int k = 0; k < Vgg8Shape.CLASSES; k++) {
            int z = 0;
            for (int j = 0; j < h.length; j++) {
                z += h[j] * n.classes()[k][j];
            }
            if (z > bestScore) {
                bestScore = z;
                best = k;
            }
        }
        return best;
    }

    @Test
    void theIntegerNetworkEqualsADirectConvolution() {
        List<byte[]> some = pixels(data.test().subList(0, 200));
        int[] pred = net.predict(some, BinaryVgg8.EXACT, n -> {});
        for (int i = 0; i < some.size(); i++) {
            assertEquals(direct(net, some.get(i)), pred[i], "digit " + i);
        }
    }

    @Test
    void aSavedNetworkLoadsTheSameAndAForeignFileIsRefused() throws Exception {
        Path f = tmp.resolve("vgg8.json");
        net.save(f);
        BinaryVgg8 back = BinaryVgg8.load(f);
        List<byte[]> some = pixels(data.test().subList(0, 300));
        assertArrayEquals(net.predict(some, BinaryVgg8.EXACT, n -> {}), back.predict(some, BinaryVgg8.EXACT, n -> {}));
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"format\": \"mramcim-bnn/1\"}");
        String msg = assertThrows(IllegalArgumentException.class, () -> BinaryVgg8.load(other))
                .getMessage();
        assertTrue(msg.contains("is not a VGG-8 network mramcim wrote"), msg);
    }

    @Test
    void theTilesCoverEveryWeightOnceAndTheirPartialSumsAreTheDotProducts() {
        Vgg8Tiles tiles = new Vgg8Tiles(net, 64, 64);
        // conv1: 9 rows; conv2: 36; conv3: 36; conv4..6: 72 (2 tiles); dense 72 (2); classes 32.
        assertEquals(1 + 1 + 1 + 2 + 2 + 2 + 2 + 1, tiles.passCount());
        List<byte[]> some = pixels(data.test().subList(0, 50));
        // Partial sums of exact tiles (an executor that computes each tile exactly) give the
        // software predictions.
        mramcim.workloads.mnist.TileExecutor exact = (pass, inputs) -> {
            int[][] out = new int[inputs.size()][64];
            for (int s = 0; s < inputs.size(); s++) {
                for (int j = 0; j < 64; j++) {
                    int dp = 0;
                    for (int i = 0; i < 64; i++) {
                        dp += inputs.get(s)[i] * pass.weights()[i][j];
                    }
                    out[s][j] = dp;
                }
            }
            return out;
        };
        assertArrayEquals(
                net.predict(some, BinaryVgg8.EXACT, n -> {}),
                net.predict(some, new TiledEngine(tiles, exact, false), n -> {}));
    }

    @Test
    void onTheIdealMacroAllThreeModesGiveTheSoftwarePredictions() {
        MacroConfig ideal = MacroConfig.idealFineTdc();
        Vgg8Run.Result r = Vgg8Run.run(options(ideal, "ideal-fine", 0, null), Progress.NONE);
        assertEquals(2000, r.software().length);
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < r.software().length; i++) {
            if (r.emulated()[i] != r.software()[i] || r.fastpath()[i] != r.software()[i]) {
                differ.add(i);
            }
        }
        assertEquals(List.of(), differ, "held-out digits where a mode on the ideal macro disagrees with the software");
        assertEquals(0, r.errors().mae(), 0, "the ideal macro's measured errors");
        assertEquals(BinaryVgg8.ENGINE_LAYERS, r.layerErrors().size());
        for (Vgg8Run.LayerPoint p : r.layerErrors()) {
            assertEquals(r.accuracy(r.software()), p.accuracy(), 0, "errors in " + p.name() + " only");
        }
    }

    @Test
    void theCoSimulatedDigitsAgreeWithTheFastPathOnEveryColumnOfEveryPass() {
        MacroConfig cfg = MacroConfig.jung2022();
        Vgg8Run.Result r = Vgg8Run.run(
                options(cfg, "jung2022", 5, RtlLibraries.forTop("MramCimMacro", 64, 64, l -> {})), Progress.NONE);
        Vgg8Tiles tiles = new Vgg8Tiles(r.net(), 64, 64);
        assertEquals(5 * tiles.conversionsPerDigit() * 64, r.cosimColumns());
        assertEquals(0, r.cosimMismatches(), "co-simulated READ_RESULT values that differ from the fast path");
        assertTrue(r.cosimCycles() > 1_000_000, "cycles compared in lockstep: " + r.cosimCycles());
        System.out.printf(
                "vgg8 small: software %.4f, emulated %.4f, fast path %.4f; co-simulation %d digits, %,d cycles, %,d"
                        + " columns%n",
                r.accuracy(r.software()),
                r.accuracy(r.emulated()),
                r.accuracy(r.fastpath()),
                r.cosimImages(),
                r.cosimCycles(),
                r.cosimColumns());
    }

    static Vgg8Run.Options options(MacroConfig cfg, String preset, int cosim, mramcim.cosim.verilator.NativeBuild rtl) {
        Path file = tmp.resolve("net-" + preset + ".json");
        net.save(file);
        return new Vgg8Run.Options(
                cfg,
                preset,
                1,
                Vgg8Shape.small(),
                file,
                false,
                settings(2),
                Vgg8Run.Errors.BOTH,
                cosim,
                rtl,
                Engine.BATCHED,
                false,
                2);
    }
}
