package mramcim.workloads.mnist;

import java.util.List;
import mramcim.calibration.FastValidation;
import mramcim.calibration.GlobalCalibration;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Conversion;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.model.io.BinaryCsv;

/**
 * Tile passes on the fast transaction-level path: weights set directly on the die, delays from the
 * fast readout, READ_RESULT by the periphery's formulas. Conversion k of the run draws jitter k, as
 * the k-th COMPUTE of a fresh macro does, so a host run of the same schedule on a fresh macro of
 * the same seed returns the same results.
 */
public final class FastTileExecutor implements TileExecutor {

    private final MacroConfig config;
    private final AnalogArray die;
    private final Readout readout;
    private final GlobalCalibration global;
    private final int[] offsets;
    private long conversions;

    public FastTileExecutor(MacroConfig config, long seed, GlobalCalibration global, int[] offsets) {
        this.config = config;
        this.die = AnalogArray.fabricate(config, seed);
        this.readout = Readout.of(die, Solver.FAST);
        this.global = global;
        this.offsets = offsets.clone();
    }

    @Override
    public int[][] run(TileSchedule.Pass pass, List<int[]> inputs) {
        die.program(pass.weights());
        int[][] out = new int[inputs.size()][];
        for (int s = 0; s < out.length; s++) {
            Conversion c = readout.convert(BinaryCsv.toBits(inputs.get(s)), conversions++);
            int[] dp = new int[config.cols()];
            for (int j = 0; j < dp.length; j++) {
                dp[j] = FastValidation.result(
                        config.rows(), config.timing().frameCycles(), global, offsets[j], c.code()[j]);
            }
            out[s] = dp;
        }
        return out;
    }
}
