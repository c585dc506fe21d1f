package mramcim.calibration.measured;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mramcim.calibration.GlobalCalibration;
import mramcim.calibration.Injection;
import mramcim.calibration.Patterns;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Macro;
import mramcim.model.macro.Response;
import mramcim.results.Progress;
import mramcim.spec.Sizes;

/**
 * {@code mramcim measure}: a simulated bench run. The Java cycle-accurate macro of a die is driven
 * through host commands exactly as a lab's evaluation board drives the chip (seed 000 Extended Data
 * Fig. 6), in the order {@code mramcim calibrate} runs them, and every weight set programmed and
 * every raw code read is recorded in the measurement format. So the flow can be exercised without a
 * chip, and {@code calibrate --measured} on the files gives what {@code calibrate} gives on the die.
 */
public final class BenchRun {

    private BenchRun() {}

    /**
     * What to measure.
     *
     * @param design the die's design
     * @param seed the die (and the patterns)
     * @param injection comparator offsets added to chosen columns
     * @param plan the patterns
     * @param die the name written into the header
     * @param date the date written into the header, YYYY-MM-DD
     * @param source the command line written into the header
     */
    public record Options(
            MacroConfig design,
            long seed,
            Injection injection,
            BenchPlan plan,
            String die,
            String date,
            String source) {}

    /** Runs the plan on the die and returns the measurement. */
    public static Measurement run(Options o, Progress progress) {
        Macro macro = Macro.create(o.design(), o.seed());
        o.injection().apply(macro.array());
        Recorder port = new Recorder(macro);
        Patterns patterns = Patterns.of(o.design(), o.seed());
        BenchPlan plan = o.plan();
        progress.phase("measure (" + plan.conversions() + " conversions)", plan.weightSets());
        port.role = null; // step 1: the recorder names each conversion by its inputs
        GlobalCalibration.measure(port);
        progress.step(1);
        port.role = Role.CALIBRATION;
        for (int p = 0; p < plan.calibration(); p++) {
            port.program(patterns.weights(Patterns.Stream.CALIBRATION, p));
            port.mvm(patterns.input(Patterns.Stream.CALIBRATION, p, 0));
            progress.step(1);
        }
        port.role = Role.HELDOUT;
        for (int p = 0; p < plan.heldout(); p++) {
            port.program(patterns.weights(Patterns.Stream.VALIDATION, p));
            port.mvm(patterns.input(Patterns.Stream.VALIDATION, p, 0));
            progress.step(1);
        }
        port.role = Role.FIT;
        for (int s = 0; s < plan.fitSets(); s++) {
            port.program(patterns.weights(Patterns.Stream.TWIN, s, BenchPlan.fitWeightDensity(s, plan.fitSets())));
            for (int i = 0; i < plan.fitInputs(); i++) {
                port.mvm(patterns.spreadInput(Patterns.Stream.TWIN, s, i));
            }
            progress.step(1);
        }
        if (plan.repeatPatterns() > 0) {
            port.role = Role.REPEAT;
            port.program(patterns.weights(Patterns.Stream.TWIN, plan.fitSets()));
            for (int p = 0; p < plan.repeatPatterns(); p++) {
                int[] in = patterns.input(Patterns.Stream.TWIN, plan.fitSets(), p);
                for (int t = 0; t < plan.repeatTimes(); t++) {
                    port.mvm(in);
                }
            }
            progress.step(1);
        }
        progress.done();
        MacroConfig d = o.design();
        MeasurementHeader header = new MeasurementHeader(
                MeasurementHeader.FORMAT,
                o.die(),
                o.date(),
                d.rows(),
                d.cols(),
                d.timing().frameCycles(),
                1 / d.timing().tClk(),
                d.energy().vTdc(),
                Sizes.codeMax(),
                port.sets.size(),
                port.conversions.size(),
                o.source());
        return new Measurement(header, port.sets, port.conversions);
    }

    /**
     * The evaluation board's log: a host port that passes every command to the macro and records
     * the weight sets programmed and the codes of every matrix-vector product.
     */
    private static final class Recorder implements HostPort {
        private final HostPort inner;
        private final List<int[][]> sets = new ArrayList<>();
        private final List<MeasuredConversion> conversions = new ArrayList<>();
        private Role role;

        Recorder(HostPort inner) {
            this.inner = inner;
        }

        @Override
        public MacroConfig config() {
            return inner.config();
        }

        @Override
        public Response execute(int op, int addr, long data) {
            return inner.execute(op, addr, data);
        }

        @Override
        public ProgramReport program(int[][] w) {
            int[][] copy = new int[w.length][];
            for (int r = 0; r < w.length; r++) {
                copy[r] = w[r].clone();
            }
            sets.add(copy);
            return HostPort.super.program(w);
        }

        @Override
        public Mvm mvm(int[] in) {
            Mvm m = HostPort.super.mvm(in);
            Role r = role != null ? role : globalRole(in);
            conversions.add(new MeasuredConversion(conversions.size(), r, sets.size() - 1, in, m.codes()));
            return m;
        }

        private static Role globalRole(int[] in) {
            for (Role r : new Role[] {Role.GLOBAL_MATCH, Role.GLOBAL_MISMATCH}) {
                if (Arrays.equals(in, MeasurementFiles.globalInput(r, in.length))) {
                    return r;
                }
            }
            return Role.GLOBAL_REFERENCE;
        }
    }
}
