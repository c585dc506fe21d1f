package mramcim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matrix-vector conversions per second on the 64 x 64 default with noise on (comparator offsets,
 * device variation and per-conversion jitter): the fast transaction-level path on both cores, and
 * the exact solver on one. Run with {@code scripts/bench FastPath}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FastPathBenchmark {

    /** One programmed die shared by all threads, as a workload would share it. */
    @State(Scope.Benchmark)
    public static class Die {
        Readout fast;
        Readout exact;
        final AtomicLong nextThread = new AtomicLong();

        @Setup(Level.Trial)
        public void fabricate() {
            MacroConfig cfg = MacroConfig.jung2022();
            AnalogArray array = AnalogArray.fabricate(cfg, 1);
            SplittableRandom rnd = new SplittableRandom(2);
            int[][] w = new int[cfg.rows()][cfg.cols()];
            for (int[] row : w) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = rnd.nextBoolean() ? 1 : -1;
                }
            }
            array.program(w);
            fast = Readout.of(array, Solver.FAST);
            exact = Readout.of(array, Solver.EXACT);
            fast.convert(new long[1], 0, new double[cfg.cols()]); // builds the tables outside the measurement
        }
    }

    /** Per-thread inputs and conversion indices (disjoint index ranges per thread). */
    @State(Scope.Thread)
    public static class Stream {
        final long[][] inputs = new long[1024][1];
        final double[] tau = new double[64];
        long index;

        @Setup(Level.Trial)
        public void fill(Die die) {
            long t = die.nextThread.getAndIncrement();
            SplittableRandom rnd = new SplittableRandom(100 + t);
            for (long[] in : inputs) {
                in[0] = rnd.nextLong();
            }
            index = t << 40;
        }
    }

    @Benchmark
    @Threads(2)
    public double fastPathTwoThreads(Die die, Stream s) {
        long k = s.index++;
        die.fast.convert(s.inputs[(int) (k & 1023)], k, s.tau);
        return s.tau[0];
    }

    @Benchmark
    @Threads(1)
    public double fastPathOneThread(Die die, Stream s) {
        long k = s.index++;
        die.fast.convert(s.inputs[(int) (k & 1023)], k, s.tau);
        return s.tau[0];
    }

    @Benchmark
    @Threads(1)
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 2)
    public double exactSolverOneThread(Die die, Stream s) {
        long k = s.index++;
        die.exact.convert(s.inputs[(int) (k & 1023)], k, s.tau);
        return s.tau[0];
    }
}
