package mramcim.model.array;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exact transient of the column's RC ladder (the golden solver).
 *
 * <p>Stage k connects node k-1 to node k (node 0 is the driver, stepped to V_drv at t = 0; node N
 * is the sense node with C_sense, nodes 1..N-1 carry C_node). With the node voltages offset by
 * V_drv and scaled by sqrt(C), the ladder is {@code dW/dt = -A W} with A = C^-1/2 G C^-1/2
 * symmetric, so {@code V_sense(t) / V_drv = 1 - sum_k a_k exp(-lambda_k t)} exactly, from one
 * eigendecomposition (EJML). The crossing time is then found by safeguarded Newton iteration on
 * this sum, which is monotone in t. With C_node = 0 the internal nodes carry no charge and the
 * ladder collapses to one RC, solved in closed form.
 */
public final class ExactLadderSolver implements DelaySolver {

    private static final int MAX_ITERATIONS = 200;
    private static final double REL_TOL = 1e-14;

    @Override
    public double delay(double[] seriesR, ColumnElectrical e) {
        int n = seriesR.length;
        double y = 1 - e.vThreshold() / e.vDrv();
        if (e.cNode() == 0) {
            double rTotal = 0;
            for (double r : seriesR) {
                rTotal += r;
            }
            return rTotal * e.cSense() * Math.log(1 / y);
        }
        double[] c = new double[n];
        for (int k = 0; k < n - 1; k++) {
            c[k] = e.cNode();
        }
        c[n - 1] = e.cSense();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double gkk = 1 / seriesR[k] + (k + 1 < n ? 1 / seriesR[k + 1] : 0);
            a.set(k, k, gkk / c[k]);
            if (k + 1 < n) {
                double off = -1 / seriesR[k + 1] / Math.sqrt(c[k] * c[k + 1]);
                a.set(k, k + 1, off);
                a.set(k + 1, k, off);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("eigendecomposition of the " + n + "-stage ladder failed");
        }
        double[] lambda = new double[n];
        double[] amp = new double[n];
        double sqrtCs = Math.sqrt(c[n - 1]);
        for (int k = 0; k < n; k++) {
            lambda[k] = eig.getEigenvalue(k).getReal();
            DMatrixRMaj q = eig.getEigenVector(k);
            double norm = 0;
            double beta = 0;
            for (int m = 0; m < n; m++) {
                norm += q.get(m) * q.get(m);
                beta += q.get(m) * Math.sqrt(c[m]);
            }
            amp[k] = q.get(n - 1) * beta / norm / sqrtCs;
        }
        return crossing(lambda, amp, y);
    }

    /** Time t at which {@code sum_k amp_k exp(-lambda_k t)} falls to {@code y}. */
    static double crossing(double[] lambda, double[] amp, double y) {
        double lambdaMin = Double.MAX_VALUE;
        for (double l : lambda) {
            lambdaMin = Math.min(lambdaMin, l);
        }
        double lo = 0;
        double hi = Math.log(1 / y) / lambdaMin;
        while (residual(lambda, amp, y, hi) > 0) {
            lo = hi;
            hi *= 2;
        }
        double t = hi;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double f = 0;
            double df = 0;
            for (int k = 0; k < lambda.length; k++) {
                double term = amp[k] * Math.exp(-lambda[k] * t);
                f += term;
                df -= lambda[k] * term;
            }
            f -= y;
            if (f > 0) {
                lo = t;
            } else {
                hi = t;
            }
            double next = df < 0 ? t - f / df : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= REL_TOL * t) {
                return next;
            }
            t = next;
        }
        return t;
    }

    private static double residual(double[] lambda, double[] amp, double y, double t) {
        double f = 0;
        for (int k = 0; k < lambda.length; k++) {
            f += amp[k] * Math.exp(-lambda[k] * t);
        }
        return f - y;
    }
}
