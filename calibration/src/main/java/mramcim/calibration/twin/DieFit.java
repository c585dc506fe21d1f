package mramcim.calibration.twin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mramcim.calibration.measured.MeasuredConversion;
import mramcim.calibration.measured.Measurement;
import mramcim.calibration.measured.Role;
import mramcim.model.config.MacroConfig;
import mramcim.results.Parallel;
import mramcim.results.Progress;
import org.apache.commons.math3.fitting.leastsquares.GaussNewtonOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.SimpleVectorValueChecker;
import org.apache.commons.math3.util.Pair;

/**
 * {@code mramcim fit}: a die's delay model estimated from its measured codes (docs/measurements.md,
 * "What codes can tell"). A column's delay is linear in its stage resistances, so the code of
 * column j in a conversion is {@code ceil(sum_i x_ij(state) + jitter)}, with {@code x_ij(s)} the
 * delay contribution (in codes) of cell i in state s (four per cell: {@link CellState}). Per column
 * the fit takes:
 *
 * <ol>
 *   <li>the jitter, from the spread of repeated conversions (closed form: averaged over where a
 *       delay falls within a code, {@code E|c1 - c2| = E|e1 - e2| / T = 2 sigma / (sqrt(pi) T)});
 *   <li>every contribution and two scales (of the low and of the high states against the
 *       design), by least squares on all codes of the non-held-out conversions (each code minus
 *       one half, the middle of its interval, weighted by the jitter), with the prior that each
 *       contribution lies within the design's device spread of its scale times the design's
 *       value; Apache Commons Math's Gauss-Newton optimizer;
 *   <li>expectation-maximisation for the codes being intervals, not values (see {@code
 *       refineForQuantisation});
 *   <li>the covariance from the observed information of the interval-censored codes.
 * </ol>
 *
 * <p>Columns are fitted in parallel.
 */
public final class DieFit {

    /**
     * Reported uncertainties are this many standard deviations: a parameter outside is a failure,
     * not a fluctuation.
     */
    public static final double UNCERTAINTY_SIGMAS = 3;

    /** Below this covariance eigen-threshold the fit's normal matrix counts as singular. */
    private static final double SINGULARITY = 1e-14;

    private static final int MAX_ITERATIONS = 100;

    /** Relative and absolute change of the residuals at which Gauss-Newton stops. */
    private static final double CONVERGENCE = 1e-9;

    private DieFit() {}

    /**
     * The jitter measured from repeated conversions.
     *
     * @param measured false if the measurement has no repeated patterns (then {@code sigma} is the
     *     design's)
     * @param sigma timing jitter, s
     * @param uncertainty {@link #UNCERTAINTY_SIGMAS} standard errors, s
     * @param pairs pairs of repeated codes it came from
     */
    public record Jitter(boolean measured, double sigma, double uncertainty, long pairs) {}

    /**
     * One column's fit.
     *
     * @param col the column
     * @param contribution {@code [row][state]} delay contribution, codes
     * @param sigma {@code [row][state]} its standard deviation, codes
     * @param delayScale the column's delay relative to the design's: the sum of its contributions
     *     over the design's
     * @param delayScaleUncertainty {@link #UNCERTAINTY_SIGMAS} standard deviations of it
     * @param highLowRatio the column's high-state contributions over its low-state ones
     * @param highLowRatioUncertainty {@link #UNCERTAINTY_SIGMAS} standard deviations of it
     * @param mtjSwing {@code [row][branch]}: AP minus P contribution of each MTJ (its TMR times its
     *     R_P, as the delay sees it), codes
     * @param mtjSwingSigma {@code [row][branch]}: its standard deviation, codes
     * @param expectedSwing {@code [row]}: the design's swing at the column's delay scale, codes
     * @param observations codes fitted (overflowed ones left out)
     * @param residualRms RMS of (code - 1/2 - predicted delay) over them, codes
     */
    public record ColumnFit(
            int col,
            double[][] contribution,
            double[][] sigma,
            double delayScale,
            double delayScaleUncertainty,
            double highLowRatio,
            double highLowRatioUncertainty,
            double[][] mtjSwing,
            double[][] mtjSwingSigma,
            double[] expectedSwing,
            int observations,
            double residualRms) {

        /**
         * The MTJs of this column whose swing is below {@link #STUCK_FRACTION} of the design's at
         * this column's delay scale: no TMR to speak of, a device that looks stuck. (Not a
         * significance test: the prior expects every MTJ to switch and pulls a stuck one's
         * estimate up by some tenths of a code, far more than its uncertainty.) Each as {row,
         * branch}.
         */
        public List<int[]> withoutSwing() {
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < mtjSwing.length; i++) {
                for (int b = 0; b < 2; b++) {
                    if (mtjSwing[i][b] < STUCK_FRACTION * expectedSwing[i]) {
                        out.add(new int[] {i, b});
                    }
                }
            }
            return out;
        }

        /** The predicted (jitter-free) delay of this column for inputs and weights, codes. */
        public double delay(int[] in, int[] weightColumn) {
            double d = 0;
            for (int i = 0; i < in.length; i++) {
                d += contribution[i][CellState.of(in[i], weightColumn[i])];
            }
            return d;
        }
    }

    /**
     * The fit of one die.
     *
     * @param design the design the die was made to
     * @param designName its name, for reports
     * @param columns every column's fit
     * @param jitter the jitter estimate
     * @param latent the spread of a delay around its prediction the fit assumed: the measured
     *     jitter, codes
     * @param seconds wall time
     */
    public record Result(
            Measurement measurement,
            MacroConfig design,
            String designName,
            List<ColumnFit> columns,
            Jitter jitter,
            double latent,
            double seconds) {}

    /** Fits every column of the measured die to {@code design}. */
    public static Result fit(Measurement m, MacroConfig design, String designName, int threads, Progress progress) {
        m.header().checkDesign(design, designName);
        long t0 = System.nanoTime();
        DesignBasis basis = DesignBasis.of(design);
        Jitter jitter = jitter(m, design);
        double latent = Math.max(MIN_LATENT_SIGMA, jitter.sigma() / basis.tClk());
        List<MeasuredConversion> data = new ArrayList<>();
        for (MeasuredConversion c : m.conversions()) {
            if (c.role() != Role.HELDOUT) {
                data.add(c);
            }
        }
        int unknowns = CellState.STATES * m.rows();
        if (data.size() < unknowns / 2) {
            throw new IllegalArgumentException("the measurement has " + data.size()
                    + " conversions to fit (every role but heldout): a " + m.rows() + "-row column has " + unknowns
                    + " delay contributions, so give at least " + unknowns / 2 + " (mramcim measure --plan twin)");
        }
        List<Integer> cols = new ArrayList<>();
        for (int j = 0; j < m.cols(); j++) {
            cols.add(j);
        }
        progress.phase("fit (" + m.cols() + " columns x " + unknowns + " contributions)", m.cols());
        List<ColumnFit> fits = Parallel.map(cols, threads, "fit", j -> {
            ColumnFit f = column(m, data, basis, j, latent);
            progress.step(1);
            return f;
        });
        progress.done();
        return new Result(m, design, designName, fits, jitter, latent, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The jitter from every column of every repeated pattern: with codes c_1..c_n of one pattern
     * and column, the mean of |c_a - c_b| over its pairs; sigma = sqrt(pi) T mean / 2.
     */
    static Jitter jitter(Measurement m, MacroConfig design) {
        double t = m.header().tClk();
        Map<String, List<MeasuredConversion>> groups = new HashMap<>();
        for (MeasuredConversion c : m.of(Role.REPEAT)) {
            groups.computeIfAbsent(c.set() + "/" + java.util.Arrays.toString(c.input()), k -> new ArrayList<>())
                    .add(c);
        }
        List<Double> perGroup = new ArrayList<>();
        long pairs = 0;
        for (List<MeasuredConversion> g : groups.values()) {
            if (g.size() < 2) {
                continue;
            }
            for (int j = 0; j < m.cols(); j++) {
                double sum = 0;
                int n = 0;
                for (int a = 0; a < g.size(); a++) {
                    for (int b = a + 1; b < g.size(); b++) {
                        if (m.overflow(g.get(a), j) || m.overflow(g.get(b), j)) {
                            continue;
                        }
                        sum += Math.abs(g.get(a).code(j) - g.get(b).code(j));
                        n++;
                    }
                }
                if (n > 0) {
                    perGroup.add(sum / n);
                    pairs += n;
                }
            }
        }
        double designSigma = design.column().jitterSigma() * design.energy().delayScale();
        if (perGroup.size() < 2) {
            return new Jitter(false, designSigma, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : perGroup) {
            mean += v;
        }
        mean /= perGroup.size();
        double var = 0;
        for (double v : perGroup) {
            var += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(var / (perGroup.size() - 1) / perGroup.size());
        double k = Math.sqrt(Math.PI) / 2 * t;
        return new Jitter(true, k * mean, UNCERTAINTY_SIGMAS * k * se, pairs);
    }

    private static ColumnFit column(
            Measurement m, List<MeasuredConversion> data, DesignBasis basis, int j, double noise) {
        int rows = m.rows();
        List<int[]> states = new ArrayList<>();
        List<Double> codes = new ArrayList<>();
        for (MeasuredConversion c : data) {
            if (m.overflow(c, j)) {
                continue; // censored: the delay is only known to exceed the frame
            }
            int[] s = new int[rows];
            for (int i = 0; i < rows; i++) {
                s[i] = CellState.of(c.in(i), m.weight(c.set(), i, j));
            }
            states.add(s);
            codes.add(c.code(j) - 0.5);
        }
        int n = states.size();
        // Unknowns: the 4 ROWS contributions, then the column's scales of its low and its high
        // states, which set the prior's means: x ~ scale(state) * nominal, spread as the design's.
        int p = CellState.STATES * rows;
        int unknowns = p + 2;
        double[][] a = new double[n + p][unknowns];
        double[] target = new double[n + p];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < rows; i++) {
                a[r][CellState.STATES * i + states.get(r)[i]] = 1 / noise;
            }
            target[r] = codes.get(r) / noise;
        }
        double[] start = new double[unknowns];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < CellState.STATES; k++) {
                int q = CellState.STATES * i + k;
                double nominal = basis.nominal()[i][k];
                double sd = basis.relativeSigma()[k] * nominal;
                a[n + q][q] = 1 / sd;
                a[n + q][p + (CellState.match(k) ? 0 : 1)] = -nominal / sd;
                start[q] = nominal;
            }
        }
        start[p] = 1;
        start[p + 1] = 1;
        LinearSolution sol = solve(a, target, start);
        refineForQuantisation(sol, a, target, states, codes, n, noise);
        sol = new LinearSolution(sol.x, observedCovariance(sol, a, states, codes, n, noise));
        double[][] x = new double[rows][CellState.STATES];
        double[][] sd = new double[rows][CellState.STATES];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < CellState.STATES; k++) {
                int q = CellState.STATES * i + k;
                x[i][k] = sol.x[q];
                sd[i][k] = Math.sqrt(sol.cov.getEntry(q, q));
            }
        }
        // Linear combinations of the contributions and their variances g' C g.
        double[] all = new double[unknowns];
        double[] high = new double[unknowns];
        double[] low = new double[unknowns];
        double sumHigh = 0;
        double sumLow = 0;
        for (int q = 0; q < p; q++) {
            all[q] = 1 / basis.total();
            if (CellState.match(q % CellState.STATES)) {
                low[q] = 1;
                sumLow += sol.x[q];
            } else {
                high[q] = 1;
                sumHigh += sol.x[q];
            }
        }
        double scale = dot(all, sol.x);
        double ratio = sumHigh / sumLow;
        // d(ratio) = (dH - ratio dL) / L
        double[] g = new double[unknowns];
        for (int q = 0; q < p; q++) {
            g[q] = (high[q] - ratio * low[q]) / sumLow;
        }
        double[][] swing = new double[rows][2];
        double[][] swingSd = new double[rows][2];
        for (int i = 0; i < rows; i++) {
            int base = CellState.STATES * i;
            swing[i][0] = sol.x[base + CellState.A_AP] - sol.x[base + CellState.A_P];
            swing[i][1] = sol.x[base + CellState.B_AP] - sol.x[base + CellState.B_P];
            swingSd[i][0] = differenceSd(sol.cov, base + CellState.A_AP, base + CellState.A_P);
            swingSd[i][1] = differenceSd(sol.cov, base + CellState.B_AP, base + CellState.B_P);
        }
        double ss = 0;
        for (int r = 0; r < n; r++) {
            double pred = 0;
            for (int i = 0; i < rows; i++) {
                pred += x[i][states.get(r)[i]];
            }
            ss += Math.pow(codes.get(r) - pred, 2);
        }
        return new ColumnFit(
                j,
                x,
                sd,
                scale,
                UNCERTAINTY_SIGMAS * Math.sqrt(quadratic(sol.cov, all)),
                ratio,
                UNCERTAINTY_SIGMAS * Math.sqrt(quadratic(sol.cov, g)),
                swing,
                swingSd,
                expected(basis, scale),
                n,
                n == 0 ? Double.NaN : Math.sqrt(ss / n));
    }

    /**
     * Step 3's codes are intervals, not values: code c means the delay (with its jitter) lay in
     * (c - 1, c]. Where one mismatch moves a column's delay by about a whole code, the delays of
     * all patterns sit at nearly the same place within their code and "c - 1/2" is biased the same
     * way for all of them. So the least-squares solution is refined by expectation-maximisation
     * for interval-censored data: each code's target becomes the mean of the latent delay within
     * its interval under the current prediction and the jitter, and the same least-squares
     * problem is solved again (its normal matrix, and so the covariance from the first solve, does
     * not change), until the contributions settle.
     */
    private static void refineForQuantisation(
            LinearSolution sol,
            double[][] a,
            double[] target,
            List<int[]> states,
            List<Double> codes,
            int n,
            double s) {
        RealMatrix matrix = new Array2DRowRealMatrix(a, false);
        double[] b = target.clone();
        for (int it = 0; it < EM_ITERATIONS; it++) {
            for (int r = 0; r < n; r++) {
                double pred = 0;
                int[] st = states.get(r);
                for (int i = 0; i < st.length; i++) {
                    pred += sol.x[CellState.STATES * i + st[i]];
                }
                double top = codes.get(r) + 0.5;
                b[r] = truncatedMean(pred, s, top - 1, top) / s;
            }
            double[] next = sol.cov.operate(matrix.preMultiply(b));
            double change = 0;
            for (int q = 0; q < next.length; q++) {
                change = Math.max(change, Math.abs(next[q] - sol.x[q]));
            }
            System.arraycopy(next, 0, sol.x, 0, next.length);
            if (change < EM_TOLERANCE) {
                if (System.getenv("EMDBG") != null) System.out.println("em " + it);
                return;
            }
        }
    }

    /**
     * The covariance of the estimate: the inverse of the observed information. A code observed as
     * an interval tells less than a value would: its weight is {@code (1 - Var(y | interval) /
     * s^2) / s^2}, with y the latent delay (a truncated normal around the prediction); the prior
     * rows keep theirs.
     */
    private static RealMatrix observedCovariance(
            LinearSolution sol, double[][] a, List<int[]> states, List<Double> codes, int n, double s) {
        int unknowns = sol.x.length;
        double[][] h = new double[unknowns][unknowns];
        int[] index = new int[states.isEmpty() ? 0 : states.get(0).length];
        for (int r = 0; r < n; r++) {
            double pred = 0;
            int[] st = states.get(r);
            for (int i = 0; i < st.length; i++) {
                index[i] = CellState.STATES * i + st[i];
                pred += sol.x[index[i]];
            }
            double top = codes.get(r) + 0.5;
            double info = Math.max(0, 1 - truncatedVariance(pred, s, top - 1, top) / (s * s)) / (s * s);
            // A data row has one 1 per cell: its outer product touches ROWS x ROWS entries only.
            for (int p : index) {
                for (int q : index) {
                    h[p][q] += info;
                }
            }
        }
        for (int r = n; r < a.length; r++) {
            double[] row = a[r];
            for (int p = 0; p < unknowns; p++) {
                if (row[p] == 0) {
                    continue;
                }
                for (int q = 0; q < unknowns; q++) {
                    h[p][q] += row[p] * row[q];
                }
            }
        }
        RealMatrix information = new Array2DRowRealMatrix(h, false);
        try {
            return new CholeskyDecomposition(information).getSolver().getInverse();
        } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException e) {
            // Codes that all sit deep inside their intervals say little: the pseudo-inverse keeps
            // what they do say.
            return new org.apache.commons.math3.linear.SingularValueDecomposition(information)
                    .getSolver()
                    .getInverse();
        }
    }

    /** Variance of N(mu, s^2) restricted to (lo, hi]; 0 when the interval is far out. */
    static double truncatedVariance(double mu, double s, double lo, double hi) {
        double alpha = (lo - mu) / s;
        double beta = (hi - mu) / s;
        double mass = NORMAL.cumulativeProbability(beta) - NORMAL.cumulativeProbability(alpha);
        if (!(mass > 1e-12)) {
            return 0;
        }
        double pa = NORMAL.density(alpha);
        double pb = NORMAL.density(beta);
        double aa = Double.isInfinite(alpha) ? 0 : alpha * pa;
        double bb = Double.isInfinite(beta) ? 0 : beta * pb;
        double v = s * s * (1 + (aa - bb) / mass - Math.pow((pa - pb) / mass, 2));
        return Math.max(0, Math.min(s * s, v));
    }

    /** Smallest latent spread of the refinement, codes: a jitter-free die still has some noise. */
    static final double MIN_LATENT_SIGMA = 0.02;

    static final int EM_ITERATIONS = 200;

    /** The refinement stops when no contribution moves by more than this, codes. */
    static final double EM_TOLERANCE = 1e-6;

    private static final org.apache.commons.math3.distribution.NormalDistribution NORMAL =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

    /** Mean of N(mu, s^2) restricted to (lo, hi]; the nearer end when the interval is far out. */
    static double truncatedMean(double mu, double s, double lo, double hi) {
        double alpha = (lo - mu) / s;
        double beta = (hi - mu) / s;
        double mass = NORMAL.cumulativeProbability(beta) - NORMAL.cumulativeProbability(alpha);
        if (!(mass > 1e-12)) {
            return mu < lo ? lo : hi;
        }
        double m = mu + s * (NORMAL.density(alpha) - NORMAL.density(beta)) / mass;
        return Math.max(lo, Math.min(hi, m));
    }

    /**
     * A fitted swing below this fraction of the design's marks an MTJ that does not switch: the
     * design's devices spread by a few percent (SPEC 2: TMR 5 %, R_P 2 %), a stuck one has none.
     */
    public static final double STUCK_FRACTION = 0.5;

    private static double[] expected(DesignBasis basis, double scale) {
        double[] e = new double[basis.rows()];
        for (int i = 0; i < e.length; i++) {
            e[i] = scale * (basis.nominal()[i][CellState.A_AP] - basis.nominal()[i][CellState.A_P]);
        }
        return e;
    }

    /** A linear least-squares solution and its covariance. */
    private record LinearSolution(double[] x, RealMatrix cov) {}

    /** Minimises |A x - b|^2 with Commons Math (Levenberg-Marquardt), starting from {@code start}. */
    private static LinearSolution solve(double[][] a, double[] b, double[] start) {
        RealMatrix matrix = new Array2DRowRealMatrix(a, false);
        LeastSquaresOptimizer.Optimum o = new GaussNewtonOptimizer(GaussNewtonOptimizer.Decomposition.CHOLESKY)
                .optimize(new LeastSquaresBuilder()
                        .model(x -> new Pair<RealVector, RealMatrix>(matrix.operate(x), matrix))
                        .target(new ArrayRealVector(b, false))
                        .start(new ArrayRealVector(start))
                        .checkerPair(new SimpleVectorValueChecker(CONVERGENCE, CONVERGENCE))
                        .maxEvaluations(MAX_ITERATIONS)
                        .maxIterations(MAX_ITERATIONS)
                        .build());
        return new LinearSolution(o.getPoint().toArray(), o.getCovariances(SINGULARITY));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double quadratic(RealMatrix c, double[] g) {
        return dot(g, c.operate(g));
    }

    private static double differenceSd(RealMatrix c, int p, int q) {
        return Math.sqrt(Math.max(0, c.getEntry(p, p) + c.getEntry(q, q) - 2 * c.getEntry(p, q)));
    }
}
