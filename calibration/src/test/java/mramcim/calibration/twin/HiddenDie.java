package mramcim.calibration.twin;

import java.util.Map;
import mramcim.calibration.Injection;
import mramcim.calibration.measured.BenchPlan;
import mramcim.calibration.measured.BenchRun;
import mramcim.calibration.measured.Measurement;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.FastReadout;
import mramcim.model.config.ColumnParams;
import mramcim.model.config.MacroConfig;
import mramcim.results.Progress;

/**
 * The die the round-trip tests hide from the fit: the design with its sense-capacitance spread
 * raised fivefold, three columns with injected comparator offsets, and a seed of its own. Its true
 * delay contributions come from the die's own devices, not from the fit.
 */
final class HiddenDie {

    /** The design the hidden die was made to, at {@code rows x cols}. */
    static MacroConfig design(int rows, int cols) {
        return MacroConfig.small(rows, cols);
    }

    /** The hidden die's configuration: the design with C_sense sigma 5 % instead of 1 %. */
    static MacroConfig hidden(MacroConfig design) {
        ColumnParams c = design.column();
        return design.withColumn(new ColumnParams(
                c.rSeg(),
                c.cNode(),
                c.cSense(),
                5 * c.cSenseSigma(),
                c.vDrv(),
                c.vRef(),
                c.cmpOffsetSigma(),
                c.jitterSigma()));
    }

    static final long SEED = 7;

    /** Comparator offsets added to three columns, mV: of both signs, up to ten sigma. */
    static Injection injection(int cols) {
        return new Injection(Map.of(1, 0.030, cols / 2, -0.025, cols - 2, 0.040));
    }

    static Measurement measure(MacroConfig design, String plan) {
        MacroConfig hidden = hidden(design);
        return BenchRun.run(
                new BenchRun.Options(
                        hidden,
                        SEED,
                        injection(design.cols()),
                        BenchPlan.parse(plan, design),
                        "hidden-" + SEED,
                        "2026-12-01",
                        "HiddenDie (test)"),
                Progress.NONE);
    }

    /** The hidden die itself, as fabricated and injected. */
    static AnalogArray die(MacroConfig design) {
        AnalogArray a = AnalogArray.fabricate(hidden(design), SEED);
        injection(design.cols()).apply(a);
        return a;
    }

    /**
     * True delay contributions {@code [col][row][state]} in codes: the fast path's weight of each
     * stage in the die's own electrical environment times the stage's resistance in each state.
     */
    static double[][][] contributions(AnalogArray die) {
        MacroConfig cfg = die.config();
        int rows = cfg.rows();
        int cols = cfg.cols();
        double t = cfg.timing().tClk();
        var model = FastReadout.delayModel(cfg);
        double[][][] x = new double[cols][rows][CellState.STATES];
        for (int w : new int[] {1, -1}) {
            int[][] weights = new int[rows][cols];
            for (int[] r : weights) {
                java.util.Arrays.fill(r, w);
            }
            die.program(weights);
            for (int j = 0; j < cols; j++) {
                double[] wt = model.weights(die.electrical(j));
                for (int i = 0; i < rows; i++) {
                    for (int in : new int[] {1, -1}) {
                        x[j][i][CellState.of(in, w)] = wt[i] * die.stageResistance(i, j, in > 0) / t;
                    }
                }
            }
        }
        return x;
    }
}
