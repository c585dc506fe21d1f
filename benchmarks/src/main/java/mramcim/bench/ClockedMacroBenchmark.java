package mramcim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the cycle-accurate Java macro (periphery plus pin-level analog array) on the 64 x 64
 * default: whole matrix-vector products through host commands, 314 clock cycles each
 * (docs/timing.md). Cycles per second = score x 314. Run with {@code scripts/bench ClockedMacro}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClockedMacroBenchmark {

    /** Clock cycles of one 64 x 64 mvm: LOAD_INPUT 2 + COMPUTE (180 + 4) + 64 READ_RESULT x 2. */
    public static final int CYCLES_PER_MVM = 2 + 184 + 128;

    private Macro macro;
    private int[][] inputs;
    private int k;

    @Setup(Level.Trial)
    public void create() {
        macro = Macro.create(MacroConfig.jung2022(), 1);
        SplittableRandom rnd = new SplittableRandom(3);
        inputs = new int[256][64];
        for (int[] in : inputs) {
            for (int i = 0; i < in.length; i++) {
                in[i] = rnd.nextBoolean() ? 1 : -1;
            }
        }
    }

    @Benchmark
    public int mvm() {
        return macro.mvm(inputs[k++ & 255]).dotProducts()[0];
    }
}
