package mramcim.calibration;

import java.util.List;
import java.util.function.LongConsumer;
import mramcim.model.config.MacroConfig;
import mramcim.model.config.TimingParams;
import mramcim.model.macro.Macro;
import mramcim.results.Parallel;

/**
 * Mean absolute error and efficiency under other operating conditions, side by side (seed 000
 * Extended Data Fig. 5): (a) the TDC readout supply at the default operating frequency, (b) the
 * operating frequency at the default supply. At each point the die is recalibrated through host
 * commands (C0, GAIN, offsets, as a lab would after changing a condition), the error is measured on
 * held-out patterns as in Option 1, and the energy per conversion comes from the fast path.
 *
 * <p>The operating frequency is changed through the TDC clock with the frame kept at FRAME_CYCLES
 * cycles ({@code T_clk = 1 / (f FRAME_CYCLES)}): faster frames resolve the delay more finely but
 * cut off the slowest columns (overflow), slower ones quantise more coarsely. A point whose clock
 * the counters cannot run at that supply ({@link mramcim.model.config.EnergyParams#fClkMax}) is
 * reported as infeasible with the reason.
 */
public final class ConditionSweep {

    /** Which condition is swept. */
    public enum Axis {
        SUPPLY("TDC readout supply", "V"),
        FREQUENCY("operating frequency", "MHz");

        private final String title;
        private final String unit;

        Axis(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }

        public String title() {
            return title;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * One condition.
     *
     * @param value the swept value in the axis unit (V or MHz)
     * @param feasible false if the configuration is not realisable (then only {@code reason} is
     *     set)
     * @param reason why not, or null
     * @param fOp operating frequency, Hz
     * @param tClk TDC clock period, s
     * @param vTdc readout supply, V
     * @param maeBefore mean absolute error with C0/GAIN only, DP units
     * @param maeAfter with the offsets too
     * @param overflowFraction fraction of held-out results whose TDC saturated
     * @param energy mean energy per conversion, J
     * @param topsPerWatt efficiency
     */
    public record Point(
            double value,
            boolean feasible,
            String reason,
            double fOp,
            double tClk,
            double vTdc,
            double maeBefore,
            double maeAfter,
            double overflowFraction,
            EnergyModel.Breakdown energy,
            double topsPerWatt) {}

    /** The sweep's size: calibration patterns, held-out patterns, fast-path energy plan. */
    public record Plan(int calibrationPatterns, int validationPatterns, double threshold, FastValidation.Plan energy) {}

    private ConditionSweep() {}

    /**
     * Default supply points, V (seed 000 Extended Data Fig. 5a sweeps the TDC readout supply around
     * 1.0 V).
     */
    public static final double[] SUPPLY_POINTS = {0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00, 1.05, 1.10, 1.15, 1.20};

    /** Default frequency points, MHz (seed 000 Extended Data Fig. 5b sweeps around 11.1 MHz). */
    public static final double[] FREQUENCY_POINTS = {5, 6, 7, 8, 9, 10, 11.1, 12, 13, 14, 15, 16, 17};

    /** The configuration at a point of an axis, or an exception saying why it is not realisable. */
    public static MacroConfig at(MacroConfig base, Axis axis, double value) {
        if (axis == Axis.SUPPLY) {
            return base.withEnergy(base.energy().withVTdc(value));
        }
        TimingParams t = base.timing();
        double tClk = 1.0 / (value * 1e6 * t.frameCycles());
        return base.withTiming(new TimingParams(tClk, t.frameCycles(), t.rdCycles()));
    }

    /**
     * Runs every point of {@code values} on {@code threads} threads; points are independent.
     *
     * @param progress told once per point done
     */
    public static List<Point> run(
            MacroConfig base,
            long seed,
            Injection injection,
            Axis axis,
            double[] values,
            Plan plan,
            int threads,
            LongConsumer progress) {
        List<Double> points = java.util.Arrays.stream(values).boxed().toList();
        return Parallel.map(points, threads, "sweep", v -> {
            Point p = point(base, seed, injection, axis, v, plan);
            progress.accept(1);
            return p;
        });
    }

    /** One point: recalibrate, validate, estimate energy. */
    static Point point(MacroConfig base, long seed, Injection injection, Axis axis, double value, Plan plan) {
        MacroConfig cfg;
        try {
            cfg = at(base, axis, value);
            Macro.wrPulseCycles(cfg);
        } catch (IllegalArgumentException e) {
            return infeasible(base, axis, value, e.getMessage());
        }
        Macro macro = Macro.create(cfg, seed);
        injection.apply(macro.array());
        Patterns patterns = Patterns.of(cfg, seed);
        Calibration cal = Calibrator.run(macro, patterns, plan.calibrationPatterns(), plan.threshold(), n -> {});
        Validation v =
                HostValidation.run(macro, patterns, plan.validationPatterns(), cal.global(), cal.offsets(), n -> {});
        Validation e = FastValidation.run(
                cfg,
                seed,
                injection,
                cal.global(),
                cal.offsets(),
                patterns,
                Patterns.Stream.ENERGY,
                plan.energy(),
                1,
                n -> {});
        double j = e.energy().total();
        return new Point(
                value,
                true,
                null,
                cfg.timing().operatingFrequency(),
                cfg.timing().tClk(),
                cfg.energy().vTdc(),
                v.before().mae(),
                v.after().mae(),
                (double) v.after().overflows() / v.after().count(),
                e.energy(),
                EnergyModel.topsPerWatt(cfg, j));
    }

    private static Point infeasible(MacroConfig base, Axis axis, double value, String reason) {
        double fOp = axis == Axis.FREQUENCY ? value * 1e6 : base.timing().operatingFrequency();
        double v = axis == Axis.SUPPLY ? value : base.energy().vTdc();
        return new Point(
                value,
                false,
                reason,
                fOp,
                1.0 / (fOp * base.timing().frameCycles()),
                v,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                null,
                Double.NaN);
    }
}
