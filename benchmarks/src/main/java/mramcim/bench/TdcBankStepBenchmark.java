package mramcim.bench;

import java.util.concurrent.TimeUnit;
import mramcim.cosim.verilator.Port;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.cosim.verilator.VerilatedModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Clock cycles per second of the Verilated TDC bank through JNA: one cycle is writing every input
 * word, one native step and reading every output word, as the lockstep co-simulation does. Run with
 * {@code scripts/bench TdcBankStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TdcBankStepBenchmark {

    @Param({"64"})
    public int cols;

    private VerilatedModel model;
    private Port frame;
    private Port cmp;
    private Port[] outputs;
    private long n;

    @Setup(Level.Trial)
    public void open() {
        model = VerilatedModel.open(RtlLibraries.forTop("TdcBank", cols, cols, line -> {}));
        frame = model.ports().port("frame");
        cmp = model.ports().port("cmp");
        outputs = model.ports().outputs().toArray(Port[]::new);
        model.reset(1);
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    /**
     * One clock cycle: a 200-cycle frame pattern with a comparator wave moving across the columns.
     */
    @Benchmark
    public long cycle() {
        long k = n++ % 200;
        model.set(frame, k < 190 ? 1 : 0);
        model.setWords(cmp, new long[] {k < 190 ? (1L << Math.min(63, k / 3)) - 1 : 0, 0});
        model.step();
        long sum = 0;
        for (Port p : outputs) {
            sum += model.get(p);
        }
        return sum;
    }
}
