package mramcim.workloads.wine;

import java.util.List;

/**
 * Accuracy and RMS weight deviation of one programmed solution over a grid of normalisation
 * conductances: the array weights are U = (g_e - g_i) / g_norm (seed 004 eq. (2)), the deviation
 * Delta_RMS = sum over the two layers of sqrt(sum (W - U)^2) (eq. (4)).
 */
public final class GnormSweep {

    private GnormSweep() {}

    /**
     * Accuracy on {@code samples} of {@code net} with array weights from {@code readBack} at each
     * g_norm of {@code grid}.
     */
    public static double[] accuracy(
            TernaryNetwork net, double[][] readBack, double[] grid, List<WineData.Sample> samples) {
        double[][] d1 = WineLayout.deltaG1(readBack);
        double[][] d2 = WineLayout.deltaG2(readBack);
        double[] acc = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            double[][] u1 = scale(d1, 1 / grid[k]);
            double[][] u2 = scale(d2, 1 / grid[k]);
            int ok = 0;
            for (WineData.Sample s : samples) {
                ok += net.classify(s.features(), u1, u2) == s.label() ? 1 : 0;
            }
            acc[k] = (double) ok / samples.size();
        }
        return acc;
    }

    /** Delta_RMS of eq. (4) at each g_norm of {@code grid}. */
    public static double[] rmsDeviation(TernaryNetwork net, double[][] readBack, double[] grid) {
        double[][] d1 = WineLayout.deltaG1(readBack);
        double[][] d2 = WineLayout.deltaG2(readBack);
        double[] rms = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            rms[k] = layerDeviation(net.w1(), d1, grid[k]) + layerDeviation(net.w2(), d2, grid[k]);
        }
        return rms;
    }

    /**
     * W (g_e - g_i) of every nonzero weight of one layer, S: how far apart the programmed pairs
     * are. Per layer, eq. (4) is smallest at a g_norm no lower than the mean of these
     * (Cauchy-Schwarz: sum dG^2 >= (sum W dG)^2 / N), so the RMS optimum bounds that mean from
     * above.
     *
     * @param w ideal weights of the layer
     * @param dg conductance differences g_e - g_i of the same layer ({@link WineLayout#deltaG1},
     *     {@link WineLayout#deltaG2})
     */
    public static double[] pairDifferences(int[][] w, double[][] dg) {
        double[] out = new double[w.length * w[0].length];
        int n = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                if (w[i][j] != 0) {
                    out[n++] = w[i][j] * dg[i][j];
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double layerDeviation(int[][] w, double[][] dg, double gNorm) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                double e = w[i][j] - dg[i][j] / gNorm;
                sum += e * e;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[][] scale(double[][] m, double f) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[i][j] = m[i][j] * f;
            }
        }
        return out;
    }
}
