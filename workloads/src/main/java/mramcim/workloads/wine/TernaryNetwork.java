package mramcim.workloads.wine;

import java.util.List;

/**
 * The 13-6-3 perceptron of seed 004 Fig. 1(b): ternary weights in {-1, 0, 1}, real biases kept in
 * software, tanh hidden layer, softmax output (argmax decides). {@link #classify} takes real
 * weights, so the same function runs the software network ({@code W}) and the programmed array
 * ({@code U = (g_e - g_i) / g_norm}, seed 004 eq. (2)).
 *
 * @param w1 layer-1 weights [13][6]
 * @param b1 layer-1 biases [6]
 * @param w2 layer-2 weights [6][3]
 * @param b2 layer-2 biases [3]
 * @param seed training seed
 */
public record TernaryNetwork(int[][] w1, double[] b1, int[][] w2, double[] b2, long seed) {

    public static final int INPUTS = WineData.FEATURES;
    public static final int HIDDEN = 6;
    public static final int OUTPUTS = WineData.CLASSES;

    /** Layer-1 weights as reals. */
    public double[][] u1() {
        return toDouble(w1);
    }

    /** Layer-2 weights as reals. */
    public double[][] u2() {
        return toDouble(w2);
    }

    private static double[][] toDouble(int[][] w) {
        double[][] u = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                u[i][j] = w[i][j];
            }
        }
        return u;
    }

    /**
     * Class predicted for {@code x} with real weights {@code u1}, {@code u2} and this network's
     * biases.
     */
    public int classify(double[] x, double[][] u1, double[][] u2) {
        double[] a = new double[HIDDEN];
        for (int n = 0; n < HIDDEN; n++) {
            double z = b1[n];
            for (int i = 0; i < INPUTS; i++) {
                z += x[i] * u1[i][n];
            }
            a[n] = Math.tanh(z);
        }
        int best = 0;
        double bestY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < OUTPUTS; k++) {
            double y = b2[k];
            for (int n = 0; n < HIDDEN; n++) {
                y += a[n] * u2[n][k];
            }
            if (y > bestY) {
                bestY = y;
                best = k;
            }
        }
        return best;
    }

    /** Share of {@code samples} classified correctly with the ideal ternary weights. */
    public double accuracy(List<WineData.Sample> samples) {
        double[][] u1 = u1();
        double[][] u2 = u2();
        int ok = 0;
        for (WineData.Sample s : samples) {
            ok += classify(s.features(), u1, u2) == s.label() ? 1 : 0;
        }
        return (double) ok / samples.size();
    }
}
