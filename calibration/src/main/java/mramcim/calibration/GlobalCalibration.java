package mramcim.calibration;

import java.util.Arrays;
import mramcim.model.macro.HostPort;
import mramcim.spec.Gain;
import mramcim.spec.Register;

/**
 * SPEC section 6 step 1: the global converter registers. With every weight +1, IN = all +1 gives no
 * mismatch (DP = +ROWS) and IN = all -1 gives ROWS mismatches (DP = -ROWS); C0 is the median code
 * of the first, and GAIN (Q8.8) maps the median code span onto the 2 ROWS DP units between them.
 *
 * @param c0 the C0 register: code at DP = +ROWS
 * @param gain the GAIN register, unsigned Q8.8 (256 = 1.0)
 */
public record GlobalCalibration(int c0, int gain) {

    public GlobalCalibration {
        if (c0 < 0 || c0 > Register.C0.max()) {
            throw new IllegalArgumentException("c0 = " + c0 + " is out of range: allowed 0.." + Register.C0.max());
        }
        if (gain < 1 || gain > Register.C0.max()) {
            throw new IllegalArgumentException("gain = " + gain + " is out of range: allowed 1.." + Register.C0.max());
        }
    }

    /**
     * From the codes of every column at DP = +ROWS ({@code matchCodes}) and at DP = -ROWS ({@code
     * mismatchCodes}), clamped to the registers' ranges.
     */
    public static GlobalCalibration fromCodes(int rows, int[] matchCodes, int[] mismatchCodes) {
        return fromReference(matchCodes, mismatchCodes, rows);
    }

    /**
     * From the codes at no mismatch and at {@code referenceMismatches} mismatches (DP = ROWS - 2
     * m): GAIN = 256 * 2 m / (median reference code - C0).
     */
    public static GlobalCalibration fromReference(int[] matchCodes, int[] referenceCodes, int referenceMismatches) {
        int match = median(matchCodes);
        int reference = median(referenceCodes);
        long g = Math.round((double) Gain.ONE * 2 * referenceMismatches / Math.max(1, reference - match));
        return new GlobalCalibration(Math.max(0, Math.min(Register.C0.max(), match)), (int)
                Math.max(1, Math.min(Register.C0.max(), g)));
    }

    /**
     * What {@link #measure} found.
     *
     * @param global C0 and GAIN
     * @param referenceMismatches mismatches of the second reference: ROWS (IN all -1, the SPEC's),
     *     or ROWS/2 when that one overflowed the frame
     * @param cycles clock cycles the measurement took
     */
    public record Measured(GlobalCalibration global, int referenceMismatches, long cycles) {}

    /**
     * Measures through host commands: every weight written +1, then IN = all +1 and IN = all -1.
     * When most columns overflow the frame at IN = all -1 (a clock too fast for the frame, as in
     * the frequency sweep), the SPEC's reference cannot be measured and half the rows are inverted
     * instead (DP = 0): a decision of this project, reported with the result.
     */
    public static Measured measure(HostPort port) {
        int rows = port.config().rows();
        int[][] ones = new int[rows][port.config().cols()];
        for (int[] r : ones) {
            Arrays.fill(r, 1);
        }
        long cycles = port.program(ones).cycles();
        int[] in = new int[rows];
        Arrays.fill(in, 1);
        HostPort.Mvm match = port.mvm(in);
        Arrays.fill(in, -1);
        HostPort.Mvm mismatch = port.mvm(in);
        cycles += match.cycles() + mismatch.cycles();
        if (!needsReference(mismatch.overflow())) {
            return new Measured(fromCodes(rows, match.codes(), mismatch.codes()), rows, cycles);
        }
        int half = rows / 2;
        Arrays.fill(in, 0, half, -1);
        Arrays.fill(in, half, rows, 1);
        HostPort.Mvm reference = port.mvm(in);
        return new Measured(fromReference(match.codes(), reference.codes(), half), half, cycles + reference.cycles());
    }

    /**
     * True when most columns overflowed the frame at IN = all -1 ({@code mismatchOverflow}), so
     * that GAIN must come from the half-rows reference instead.
     */
    public static boolean needsReference(boolean[] mismatchOverflow) {
        return overflowed(mismatchOverflow) * 2 > mismatchOverflow.length;
    }

    private static int overflowed(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** Writes C0 and GAIN. */
    public void program(HostPort port) {
        port.writeReg(Register.C0.index(), c0);
        port.writeReg(Register.GAIN.index(), gain);
    }

    /** One TDC code step in DP units: GAIN / 256. */
    public double codeStep() {
        return Gain.decode(gain);
    }

    /** Upper median, as a host would take it from a sorted list. */
    static int median(int[] v) {
        int[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
