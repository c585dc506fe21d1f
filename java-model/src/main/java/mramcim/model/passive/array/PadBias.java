package mramcim.model.passive.array;

import java.util.Arrays;

/**
 * What each pad of the crossbar is connected to: a voltage source (grounded is a source at 0 V) or
 * nothing (floating). Immutable; the {@code drive...} and {@code float...} methods return copies.
 */
public final class PadBias {

    private final int rows;
    private final double[] volts; // rows first, then columns; NaN = floating

    private PadBias(int rows, double[] volts) {
        this.rows = rows;
        this.volts = volts;
    }

    /** Every line grounded. */
    public static PadBias grounded(int rows, int cols) {
        return new PadBias(rows, new double[rows + cols]);
    }

    /** The port-to-port read of seed 004: {@code vRead} on row i, every other line grounded. */
    public static PadBias read(int rows, int cols, int row, double vRead) {
        return grounded(rows, cols).driveRow(row, vRead);
    }

    /**
     * The "V over 2" write of seed 004 II.B: +V/2 on the target column, -V/2 on the target row, all
     * other lines grounded, so the target device sees V and the half-selected ones V/2.
     */
    public static PadBias halfSelect(int rows, int cols, int row, int col, double vApply) {
        return grounded(rows, cols).driveRow(row, -vApply / 2).driveCol(col, vApply / 2);
    }

    public PadBias driveRow(int i, double v) {
        return with(i, v);
    }

    public PadBias driveCol(int j, double v) {
        return with(rows + j, v);
    }

    public PadBias floatRow(int i) {
        return with(i, Double.NaN);
    }

    public PadBias floatCol(int j) {
        return with(rows + j, Double.NaN);
    }

    private PadBias with(int pad, double v) {
        double[] c = volts.clone();
        c[pad] = v;
        return new PadBias(rows, c);
    }

    /** Number of pads. */
    public int pads() {
        return volts.length;
    }

    /** True if pad p (rows first, then columns) is connected to nothing. */
    public boolean floating(int p) {
        return Double.isNaN(volts[p]);
    }

    /** Source voltage of pad p, V (NaN if floating). */
    public double volts(int p) {
        return volts[p];
    }

    @Override
    public String toString() {
        return "PadBias" + Arrays.toString(volts);
    }
}
