package mramcim.model.array;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast delay path: {@code tau = sum_i R_i * w_i}, linear in the stage resistances.
 *
 * <p>The position weights start from Elmore's delay with the lumped log factor, {@code w_i =
 * ln(V_drv / (V_drv - V_th)) * (C_sense + C_node * (N - 1 - i))} (SPEC section 2), and are refined
 * against the exact solver: {@code w_i *= J_i / elmore_i}, where J is the gradient of the exact
 * delay with respect to each stage resistance at a nominal column (every cell midway between R_L
 * and R_H). The exact delay is homogeneous of degree one in the resistances, so {@code tau(R) =
 * J(R) . R} holds exactly at the nominal column and the linear form stays close nearby; the
 * remaining difference is measured by the tests and reported by {@code mramcim array --solver
 * both}.
 */
public final class FastDelayModel implements DelaySolver {

    private static final double STEP = 1e-4;
    private static final Map<String, double[]> CORRECTIONS = new ConcurrentHashMap<>();

    private final double[] correction;

    private FastDelayModel(double[] correction) {
        this.correction = correction;
    }

    /** The Elmore-log weights with no refinement: exact for a lumped column (C_node = 0). */
    public static FastDelayModel elmore(int stages) {
        double[] ones = new double[stages];
        java.util.Arrays.fill(ones, 1.0);
        return new FastDelayModel(ones);
    }

    /**
     * Weights refined against {@link ExactLadderSolver} at a nominal column of {@code stages}
     * stages, each of resistance {@code rNominal}, in the electrical environment {@code nominal}.
     * Cached per set of arguments.
     */
    public static FastDelayModel refined(int stages, double rNominal, ColumnElectrical nominal) {
        String key = stages + "/" + rNominal + "/" + nominal;
        double[] corr = CORRECTIONS.computeIfAbsent(key, k -> fit(stages, rNominal, nominal));
        return new FastDelayModel(corr);
    }

    private static double[] fit(int stages, double rNominal, ColumnElectrical e) {
        ExactLadderSolver exact = new ExactLadderSolver();
        double[] r = new double[stages];
        java.util.Arrays.fill(r, rNominal);
        double base = exact.delay(r, e);
        double[] elmore = elmoreWeights(stages, e);
        double[] corr = new double[stages];
        for (int i = 0; i < stages; i++) {
            double[] rp = r.clone();
            double[] rm = r.clone();
            rp[i] *= 1 + STEP;
            rm[i] *= 1 - STEP;
            double grad = (exact.delay(rp, e) - exact.delay(rm, e)) / (2 * STEP * rNominal);
            corr[i] = grad / elmore[i];
        }
        if (!(base > 0)) {
            throw new IllegalStateException("exact delay of the nominal column is " + base);
        }
        return corr;
    }

    /** Elmore weights with the log factor, stage 0 at the driver. */
    public static double[] elmoreWeights(int stages, ColumnElectrical e) {
        double l = e.logFactor();
        double[] w = new double[stages];
        for (int i = 0; i < stages; i++) {
            w[i] = l * (e.cSense() + e.cNode() * (stages - 1 - i));
        }
        return w;
    }

    /**
     * This model's weights for a column in environment {@code e}: Elmore-log times the fitted
     * correction.
     */
    public double[] weights(ColumnElectrical e) {
        double[] w = elmoreWeights(correction.length, e);
        for (int i = 0; i < w.length; i++) {
            w[i] *= correction[i];
        }
        return w;
    }

    @Override
    public double delay(double[] seriesR, ColumnElectrical e) {
        if (seriesR.length != correction.length) {
            throw new IllegalArgumentException(
                    "column of " + seriesR.length + " stages given to a model fitted for " + correction.length);
        }
        double[] w = weights(e);
        double tau = 0;
        for (int i = 0; i < w.length; i++) {
            tau += w[i] * seriesR[i];
        }
        return tau;
    }
}
