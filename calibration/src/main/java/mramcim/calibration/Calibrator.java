package mramcim.calibration;

import java.util.function.LongConsumer;
import mramcim.model.macro.HostPort;
import mramcim.spec.Offsets;

/**
 * Calibration through host commands only, as on silicon (SPEC section 6): clear the offsets,
 * measure and program C0 and GAIN, then run K random (IN, W) patterns, take each column's mean
 * error against the exact dot product and program {@code OFFSET[j] = -round(mean)} for the columns
 * whose |mean| exceeds the threshold (seed 000: "digital offsets applied to select columns"). Runs
 * unchanged on the Java macro and on the RTL in co-simulation.
 */
public final class Calibrator {

    /** Offsets are signed 8-bit registers. */
    static final int OFFSET_MIN = Offsets.MIN;

    static final int OFFSET_MAX = Offsets.MAX;

    /**
     * Default threshold, DP units (assumed): 0.5, so every column whose rounded correction is not
     * zero gets one. A higher value touches only the worst columns.
     */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Calibrator() {}

    /**
     * Calibrates the macro behind {@code port}; it is left with C0, GAIN and the offsets
     * programmed.
     *
     * @param progress told once per pattern done (K + 1 steps: the global step, then the patterns)
     */
    public static Calibration run(HostPort port, Patterns patterns, int k, double threshold, LongConsumer progress) {
        if (k < 1) {
            throw new IllegalArgumentException("patterns = " + k + " is out of range: allowed 1 or more");
        }
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException(
                    "threshold = " + threshold + " is out of range: allowed 0 or more (DP units)");
        }
        int rows = port.config().rows();
        int cols = port.config().cols();
        long cycles = 0;
        for (int j = 0; j < cols; j++) {
            cycles += port.writeReg(Offsets.BASE + j, 0).cycles();
        }
        GlobalCalibration.Measured measured = GlobalCalibration.measure(port);
        GlobalCalibration global = measured.global();
        cycles += measured.cycles();
        global.program(port);
        progress.accept(1);
        ErrorStats errors = new ErrorStats(rows, cols);
        int failed = 0;
        for (int p = 0; p < k; p++) {
            int[][] w = patterns.weights(Patterns.Stream.CALIBRATION, p);
            int[] in = patterns.input(Patterns.Stream.CALIBRATION, p, 0);
            HostPort.ProgramReport prog = port.program(w);
            failed += prog.failedCells();
            HostPort.Mvm mvm = port.mvm(in);
            cycles += prog.cycles() + mvm.cycles();
            for (int j = 0; j < cols; j++) {
                errors.add(j, Patterns.exact(in, w, j), mvm.dotProducts()[j], mvm.overflow()[j]);
            }
            progress.accept(1);
        }
        int[] offsets = offsets(errors, threshold);
        for (int j = 0; j < cols; j++) {
            cycles += port.writeReg(Offsets.BASE + j, offsets[j]).cycles();
        }
        return new Calibration(global, measured.referenceMismatches(), k, threshold, errors, offsets, failed, cycles);
    }

    /**
     * SPEC 6 step 2: {@code -round(mean)} (half away from zero) where |mean| > threshold, clamped
     * to 8 bits.
     */
    public static int[] offsets(ErrorStats errors, double threshold) {
        int[] out = new int[errors.cols()];
        for (int j = 0; j < out.length; j++) {
            double m = errors.columnMean(j);
            if (Math.abs(m) > threshold) {
                long o = -Math.round(Math.abs(m)) * (long) Math.signum(m);
                out[j] = (int) Math.max(OFFSET_MIN, Math.min(OFFSET_MAX, o));
            }
        }
        return out;
    }
}
