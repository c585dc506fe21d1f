package mramcim.calibration.measured;

import java.util.Map;
import mramcim.calibration.Injection;
import mramcim.model.array.AnalogArray;
import mramcim.model.config.ColumnParams;
import mramcim.model.config.MacroConfig;
import mramcim.results.Progress;

/**
 * The die the round-trip tests hide from the fit: the design with its sense-capacitance spread
 * raised fivefold, three columns with injected comparator offsets, and a seed of its own.
 */
public final class HiddenDie {

    private HiddenDie() {}

    /** The design the hidden die was made to, at {@code rows x cols}. */
    public static MacroConfig design(int rows, int cols) {
        return MacroConfig.small(rows, cols);
    }

    /** The hidden die's configuration: the design with C_sense sigma 5 % instead of 1 %. */
    public static MacroConfig hidden(MacroConfig design) {
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

    /** Comparator offsets added to three columns, mV: of both signs, up to ten sigma. */
    public static Injection injection(int cols) {
        return new Injection(Map.of(1, 0.030, cols / 2, -0.025, cols - 2, 0.040));
    }

    public static Measurement measure(MacroConfig design, long seed, String plan) {
        MacroConfig hidden = hidden(design);
        return BenchRun.run(
                new BenchRun.Options(
                        hidden,
                        seed,
                        injection(design.cols()),
                        BenchPlan.parse(plan, design),
                        "hidden-" + seed,
                        "2026-12-01",
                        "HiddenDie (test)"),
                Progress.NONE);
    }

    /** The hidden die itself, as fabricated and injected. */
    public static AnalogArray die(MacroConfig design, long seed) {
        AnalogArray a = AnalogArray.fabricate(hidden(design), seed);
        injection(design.cols()).apply(a);
        return a;
    }
}
