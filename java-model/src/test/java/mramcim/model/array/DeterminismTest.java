package mramcim.model.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.Test;

/** Same seed, same die and same noise: across runs, evaluation orders and thread counts. */
class DeterminismTest {

    private static final MacroConfig CFG = MacroConfig.jung2022();
    private static final int N = 400;

    private static long[][] inputs() {
        SplittableRandom rnd = new SplittableRandom(17);
        long[][] in = new long[N][];
        for (int k = 0; k < N; k++) {
            in[k] = new long[] {rnd.nextLong()};
        }
        return in;
    }

    private static Readout programmed(long seed) {
        AnalogArray a = AnalogArray.fabricate(CFG, seed);
        SplittableRandom rnd = new SplittableRandom(23);
        int[][] w = new int[CFG.rows()][CFG.cols()];
        for (int[] row : w) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rnd.nextBoolean() ? 1 : -1;
            }
        }
        a.program(w);
        return Readout.of(a, Solver.FAST);
    }

    @Test
    void sameSeedGivesBitIdenticalDiesAndDifferentSeedsDoNot() {
        AnalogArray a = AnalogArray.fabricate(CFG, 42);
        AnalogArray b = AnalogArray.fabricate(CFG, 42);
        AnalogArray other = AnalogArray.fabricate(CFG, 43);
        for (int c = 0; c < CFG.cols(); c++) {
            assertEquals(Double.doubleToRawLongBits(a.cSense(c)), Double.doubleToRawLongBits(b.cSense(c)));
            assertEquals(a.comparatorOffset(c), b.comparatorOffset(c), 0.0);
            for (int r = 0; r < CFG.rows(); r++) {
                assertEquals(a.cell(r, c).mtj(0).rP(), b.cell(r, c).mtj(0).rP(), 0.0);
                assertEquals(a.cell(r, c).mtj(1).vCrit(), b.cell(r, c).mtj(1).vCrit(), 0.0);
            }
        }
        assertNotEquals(a.cell(0, 0).mtj(0).rP(), other.cell(0, 0).mtj(0).rP());
    }

    @Test
    void conversionsAreIdenticalInAnyOrderAndOnAnyNumberOfThreads() throws Exception {
        long[][] in = inputs();
        Readout forward = programmed(42);
        double[][] reference = new double[N][CFG.cols()];
        for (int k = 0; k < N; k++) {
            forward.convert(in[k], k, reference[k]);
        }
        Readout backward = programmed(42);
        double[][] reversed = new double[N][CFG.cols()];
        for (int k = N - 1; k >= 0; k--) {
            backward.convert(in[k], k, reversed[k]);
        }
        Readout shared = programmed(42);
        double[][] parallel = new double[N][CFG.cols()];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] f = IntStream.range(0, 4)
                    .mapToObj(t -> pool.submit(() -> {
                        for (int k = t; k < N; k += 4) {
                            shared.convert(in[k], k, parallel[k]);
                        }
                    }))
                    .toArray(Future[]::new);
            for (Future<?> x : f) {
                x.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int k = 0; k < N; k++) {
            assertArrayEquals(reference[k], reversed[k], 0.0, "conversion " + k + " reversed order");
            assertArrayEquals(reference[k], parallel[k], 0.0, "conversion " + k + " on 4 threads");
        }
    }

    @Test
    void jitterDependsOnTheConversionIndexOnly() {
        Readout r = programmed(42);
        long[] in = {0x1234_5678_9abc_def0L};
        double[] a = new double[CFG.cols()];
        double[] b = new double[CFG.cols()];
        double[] c = new double[CFG.cols()];
        r.convert(in, 7, a);
        r.convert(in, 8, b);
        r.convert(in, 7, c);
        assertArrayEquals(a, c, 0.0);
        assertNotEquals(a[0], b[0]);
        // Jitter of the default preset is 50 ps: the two conversions differ by about that much.
        assertEquals(0, a[0] - b[0], 10 * CFG.column().jitterSigma());
    }
}
