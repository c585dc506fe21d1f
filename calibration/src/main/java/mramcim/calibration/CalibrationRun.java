package mramcim.calibration;

import java.util.List;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.LockstepHost;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Macro;
import mramcim.results.Progress;

/**
 * {@code mramcim calibrate}: SPEC section 6 on one die, end to end. Calibration and the Option 1
 * validation run through host commands on the Java macro or, with an RTL build, on the Verilated
 * RTL in lockstep with the model; Option 2 runs on the fast path; the condition sweeps recalibrate
 * the Java macro at each point.
 */
public final class CalibrationRun {

    private CalibrationRun() {}

    /**
     * What to run.
     *
     * @param config the design
     * @param preset its name, for reports
     * @param seed the die (and the patterns)
     * @param patterns K, calibration patterns (each one fresh W and IN)
     * @param threshold DP units; columns with |mean error| above it get an offset
     * @param validation held-out patterns through host commands (Option 1)
     * @param option2 the fast-path validation plan (Option 2)
     * @param sweep the sweep plan, or null for no sweeps
     * @param injection comparator offsets added to chosen columns
     * @param rtl run calibration and Option 1 on this RTL build in lockstep; null for the Java
     *     macro
     * @param threads threads for Option 2 and the sweeps
     */
    public record Options(
            MacroConfig config,
            String preset,
            long seed,
            int patterns,
            double threshold,
            int validation,
            FastValidation.Plan option2,
            ConditionSweep.Plan sweep,
            Injection injection,
            NativeBuild rtl,
            int threads,
            Engine engine) {

        public Options {
            if (patterns < 1) {
                throw new IllegalArgumentException("--patterns = " + patterns + " is out of range: allowed 1 or more");
            }
            if (validation < 1) {
                throw new IllegalArgumentException(
                        "--validation = " + validation + " is out of range: allowed 1 or more");
            }
            if (!(threshold >= 0)) {
                throw new IllegalArgumentException(
                        "--threshold = " + threshold + " is out of range: allowed 0 or more (DP units)");
            }
            for (int col : injection.comparatorOffsets().keySet()) {
                if (col >= config.cols()) {
                    throw new IllegalArgumentException(
                            "--inject column = " + col + " is out of range: allowed 0.." + (config.cols() - 1));
                }
            }
        }

        /**
         * Option 1 of seed 000 Extended Data Table 1 is 1,600 dot products: this many patterns on
         * {@code cols} columns.
         */
        public static int option1Patterns(int cols) {
            return Math.max(1, (1600 + cols - 1) / cols);
        }
    }

    /**
     * Everything a report needs.
     *
     * @param where what the host commands ran on
     * @param lockstepCycles cycles compared pin by pin between RTL and model (0 without RTL)
     */
    public record Result(
            Options options,
            Calibration calibration,
            Validation option1,
            Validation option2,
            List<ConditionSweep.Point> supplySweep,
            List<ConditionSweep.Point> frequencySweep,
            String where,
            long lockstepCycles,
            double calibrationSeconds) {}

    /** Runs calibration, both validations and the sweeps. */
    public static Result run(Options o, Progress progress) {
        Patterns patterns = Patterns.of(o.config(), o.seed());
        Lockstep lockstep = o.rtl() == null ? null : Lockstep.open(o.config(), o.seed(), o.rtl(), o.engine());
        try {
            HostPort port;
            String where;
            if (lockstep != null) {
                o.injection().apply((v, col) -> lockstep.injectComparatorOffset(col, v));
                port = LockstepHost.on(lockstep);
                where = "the Verilated RTL ("
                        + o.rtl().describe()
                        + ") in lockstep with the Java model, every pin compared every cycle ("
                        + lockstep.engine()
                        + " engine)";
            } else {
                Macro m = Macro.create(o.config(), o.seed());
                o.injection().apply(m.array());
                port = m;
                where = "the Java cycle-accurate macro";
            }
            long t0 = System.nanoTime();
            progress.phase("calibrate (K=" + o.patterns() + ")", o.patterns() + 1);
            Calibration cal = Calibrator.run(port, patterns, o.patterns(), o.threshold(), progress::step);
            double calSeconds = (System.nanoTime() - t0) / 1e9;
            progress.phase("option 1 (" + o.validation() + " patterns)", o.validation());
            Validation v1 =
                    HostValidation.run(port, patterns, o.validation(), cal.global(), cal.offsets(), progress::step);
            long cycles = lockstep == null ? 0 : lockstep.cycle();
            progress.phase("option 2 (" + o.option2() + ")", o.option2().sets());
            Validation v2 = FastValidation.run(
                    o.config(),
                    o.seed(),
                    o.injection(),
                    cal.global(),
                    cal.offsets(),
                    patterns,
                    Patterns.Stream.OPTION2,
                    o.option2(),
                    o.threads(),
                    progress::step);
            List<ConditionSweep.Point> supply = List.of();
            List<ConditionSweep.Point> frequency = List.of();
            if (o.sweep() != null) {
                progress.phase("sweep supply", ConditionSweep.SUPPLY_POINTS.length);
                supply = ConditionSweep.run(
                        o.config(),
                        o.seed(),
                        o.injection(),
                        ConditionSweep.Axis.SUPPLY,
                        ConditionSweep.SUPPLY_POINTS,
                        o.sweep(),
                        o.threads(),
                        progress::step);
                progress.phase("sweep frequency", ConditionSweep.FREQUENCY_POINTS.length);
                frequency = ConditionSweep.run(
                        o.config(),
                        o.seed(),
                        o.injection(),
                        ConditionSweep.Axis.FREQUENCY,
                        ConditionSweep.FREQUENCY_POINTS,
                        o.sweep(),
                        o.threads(),
                        progress::step);
            }
            progress.done();
            return new Result(o, cal, v1, v2, supply, frequency, where, cycles, calSeconds);
        } finally {
            if (lockstep != null) {
                lockstep.close();
            }
        }
    }

    /** The offsets file of a result. */
    public static OffsetsFile offsetsFile(Result r) {
        Options o = r.options();
        return new OffsetsFile(
                o.config().rows(),
                o.config().cols(),
                r.calibration().global(),
                r.calibration().offsets(),
                o.seed(),
                o.preset(),
                o.config());
    }
}
