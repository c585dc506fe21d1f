package mramcim.workloads.mnist;

import java.util.function.LongConsumer;
import mramcim.calibration.Calibration;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.LockstepHost;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;

/**
 * The co-simulated subset of a workload: its tile passes through host commands on the RTL in
 * lockstep with the model, then again on a fresh fast path of the same die, compared column by
 * column ({@link ColumnComparison}). The MNIST perceptron and the VGG-8 both check themselves so.
 *
 * @param columns column results compared
 * @param mismatches those that differ (must be 0)
 * @param cycles clock cycles the lockstep ran
 * @param seconds wall time of the co-simulation
 * @param failedCells WRITE_CELLs answered CELL_FAIL while programming the tiles
 */
public record CosimCheck(long columns, long mismatches, long cycles, double seconds, int failedCells) {

    /** No co-simulation run. */
    public static final CosimCheck NONE = new CosimCheck(0, 0, 0, 0, 0);

    /** A workload's subset run on one tile executor: every column result, [pass][sample][column]. */
    @FunctionalInterface
    public interface Workload {
        int[][][] run(TileExecutor exec, LongConsumer progress);
    }

    /** Runs {@code subset} on the RTL of {@code rtl} and on the fast path of die {@code seed}. */
    public static CosimCheck run(
            MacroConfig cfg,
            long seed,
            NativeBuild rtl,
            Engine engine,
            Calibration cal,
            Workload subset,
            LongConsumer progress) {
        long t0 = System.nanoTime();
        int[][][] onRtl;
        long cycles;
        int failed;
        try (Lockstep ls = Lockstep.open(cfg, seed, rtl, engine)) {
            HostTileExecutor host = new HostTileExecutor(LockstepHost.on(ls), cal.global(), cal.offsets());
            onRtl = subset.run(host, progress);
            cycles = ls.cycle();
            failed = host.failedCells();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int[][][] onFast = subset.run(new FastTileExecutor(cfg, seed, cal.global(), cal.offsets()), n -> {});
        ColumnComparison cmp = ColumnComparison.of(onRtl, onFast);
        return new CosimCheck(cmp.columns(), cmp.mismatches(), cycles, seconds, failed);
    }
}
