package mramcim.calibration.measured;

import java.util.List;
import mramcim.calibration.Calibration;
import mramcim.calibration.Calibrator;
import mramcim.calibration.ErrorStats;
import mramcim.calibration.GlobalCalibration;
import mramcim.calibration.Validation;
import mramcim.model.periphery.Converter;
import mramcim.model.periphery.OffsetCorrector;

/**
 * SPEC section 6 on measured codes, no model involved: step 1 from the {@code global-*}
 * conversions, step 2 from the {@code calibration} ones, step 3 on the {@code heldout} ones. The
 * dot products are what the chip's converter would return for each raw code (SPEC 5), so the
 * result equals {@link Calibrator#run} on the die the codes came from.
 */
public final class MeasuredCalibration {

    private MeasuredCalibration() {}

    /** SPEC 6 step 1: C0 and GAIN from the medians of the step-1 codes. */
    public static GlobalCalibration.Measured global(Measurement m) {
        int rows = m.rows();
        MeasuredConversion match = m.of(Role.GLOBAL_MATCH).get(0);
        MeasuredConversion mismatch = m.of(Role.GLOBAL_MISMATCH).get(0);
        boolean[] overflow = new boolean[m.cols()];
        for (int j = 0; j < overflow.length; j++) {
            overflow[j] = m.overflow(mismatch, j);
        }
        if (!GlobalCalibration.needsReference(overflow)) {
            return new GlobalCalibration.Measured(
                    GlobalCalibration.fromCodes(rows, match.codes(), mismatch.codes()), rows, 0);
        }
        List<MeasuredConversion> reference = m.of(Role.GLOBAL_REFERENCE);
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("conversions.csv: most columns overflowed in the global-mismatch"
                    + " conversion (line " + (mismatch.index() + 2) + "), so SPEC 6 step 1 needs a"
                    + " global-reference conversion (first half of the inputs -1), and there is none");
        }
        return new GlobalCalibration.Measured(
                GlobalCalibration.fromReference(match.codes(), reference.get(0).codes(), rows / 2), rows / 2, 0);
    }

    /** The dot product the converter returns for {@code code} (SPEC 5). */
    static int dotProduct(int rows, int code, GlobalCalibration g, int offset) {
        return OffsetCorrector.correct(rows, Converter.dpRaw(rows, code, g.c0(), g.gain()), offset);
    }

    /** SPEC 6 steps 1 and 2 on the measurement. */
    public static Calibration calibrate(Measurement m, double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException(
                    "--threshold = " + threshold + " is out of range: allowed 0 or more (DP units)");
        }
        List<MeasuredConversion> patterns = require(m, Role.CALIBRATION, "calibrate (SPEC 6 step 2)");
        GlobalCalibration.Measured measured = global(m);
        GlobalCalibration g = measured.global();
        ErrorStats errors = errors(m, patterns, g, new int[m.cols()]);
        int[] offsets = Calibrator.offsets(errors, threshold);
        return new Calibration(g, measured.referenceMismatches(), patterns.size(), threshold, errors, offsets, 0, 0);
    }

    /**
     * SPEC 6 step 3 on the held-out conversions: the same codes read without and with {@code
     * offsets}.
     */
    public static Validation validate(Measurement m, GlobalCalibration g, int[] offsets) {
        if (offsets.length != m.cols()) {
            throw new IllegalArgumentException(
                    "offsets for " + offsets.length + " columns given to a measurement of " + m.cols());
        }
        long t0 = System.nanoTime();
        List<MeasuredConversion> heldout = require(m, Role.HELDOUT, "validate (SPEC 6 step 3)");
        ErrorStats before = errors(m, heldout, g, new int[m.cols()]);
        ErrorStats after = errors(m, heldout, g, offsets);
        return new Validation(before, after, 0, 0, null, (System.nanoTime() - t0) / 1e9);
    }

    private static ErrorStats errors(
            Measurement m, List<MeasuredConversion> conversions, GlobalCalibration g, int[] offsets) {
        ErrorStats e = new ErrorStats(m.rows(), m.cols());
        for (MeasuredConversion c : conversions) {
            for (int j = 0; j < m.cols(); j++) {
                e.add(j, m.exact(c, j), dotProduct(m.rows(), c.code(j), g, offsets[j]), m.overflow(c, j));
            }
        }
        return e;
    }

    /** The conversions of {@code role}, refusing a measurement without any. */
    static List<MeasuredConversion> require(Measurement m, Role role, String what) {
        List<MeasuredConversion> out = m.of(role);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("conversions.csv holds no " + role.id() + " conversions: " + what
                    + " needs some (mramcim measure --plan ... " + role.id() + "=N writes them)");
        }
        return out;
    }
}
