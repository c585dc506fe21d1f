package mramcim.calibration.measured;

import java.util.ArrayList;
import java.util.List;

/**
 * A bench run of one die (docs/measurements.md): its header, the weight sets programmed and the
 * conversions measured. Consistent by construction: every conversion names an existing weight
 * set, has ROWS inputs of +1/-1 and COLS codes in the counter's range, and the counts agree with
 * the header.
 */
public final class Measurement {

    private final MeasurementHeader header;
    private final List<int[][]> weights;
    private final List<MeasuredConversion> conversions;

    /**
     * @param weights weight set s as {@code w[row][col]}, +1 or -1
     */
    public Measurement(MeasurementHeader header, List<int[][]> weights, List<MeasuredConversion> conversions) {
        this.header = header;
        this.weights = List.copyOf(weights);
        this.conversions = List.copyOf(conversions);
        if (weights.size() != header.weightSets()) {
            throw new IllegalArgumentException("weights.csv holds " + weights.size()
                    + " weight sets but measurement.json says weightSets = " + header.weightSets());
        }
        if (conversions.size() != header.conversions()) {
            throw new IllegalArgumentException("conversions.csv holds " + conversions.size()
                    + " conversions but measurement.json says conversions = " + header.conversions());
        }
    }

    public MeasurementHeader header() {
        return header;
    }

    public int rows() {
        return header.rows();
    }

    public int cols() {
        return header.cols();
    }

    /** Weight set {@code s}, {@code w[row][col]} (a copy). */
    public int[][] weights(int s) {
        int[][] w = weights.get(s);
        int[][] out = new int[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i].clone();
        }
        return out;
    }

    /** Weight of (row, col) in set {@code s}. */
    public int weight(int s, int row, int col) {
        return weights.get(s)[row][col];
    }

    /** Every conversion, in order. */
    public List<MeasuredConversion> conversions() {
        return conversions;
    }

    /** The conversions of one role, in order. */
    public List<MeasuredConversion> of(Role role) {
        List<MeasuredConversion> out = new ArrayList<>();
        for (MeasuredConversion c : conversions) {
            if (c.role() == role) {
                out.add(c);
            }
        }
        return out;
    }

    /** True if column {@code j} of conversion {@code c} saturated (the frame ended first). */
    public boolean overflow(MeasuredConversion c, int j) {
        return c.code(j) > header.frameCycles();
    }

    /** The exact dot product of column {@code j} in conversion {@code c}. */
    public int exact(MeasuredConversion c, int j) {
        int[][] w = weights.get(c.set());
        int dp = 0;
        for (int i = 0; i < rows(); i++) {
            dp += c.in(i) * w[i][j];
        }
        return dp;
    }
}
