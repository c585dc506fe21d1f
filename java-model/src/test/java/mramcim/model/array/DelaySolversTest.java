package mramcim.model.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.Test;

/**
 * The exact ladder solver against closed forms and a second, independent solver (time-stepping of
 * the ladder ODE), and the fast path against the exact solver.
 */
class DelaySolversTest {

    private static final MacroConfig CFG = MacroConfig.ideal();
    private static final double V_DRV = CFG.column().vDrv();
    private static final double V_REF = CFG.column().vRef();
    private static final double C_SENSE = CFG.column().cSense();
    private static final double C_NODE = MacroConfig.jung2022().column().cNode();
    private final ExactLadderSolver exact = new ExactLadderSolver();

    @Test
    void withoutNodeCapacitanceTheExactSolverIsTheLumpedRcLog() {
        double[] r = new double[64];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < r.length; i++) {
            r[i] = 4000 + 3600 * rnd.nextInt(2) + 10;
        }
        double rTotal = Arrays.stream(r).sum();
        double lumped = rTotal * C_SENSE * Math.log(V_DRV / (V_DRV - V_REF));
        ColumnElectrical none = new ColumnElectrical(0, C_SENSE, V_DRV, V_REF);
        assertEquals(lumped, exact.delay(r, none), lumped * 1e-3);
        // The eigen path with a vanishing node capacitance converges to the same value.
        ColumnElectrical tiny = new ColumnElectrical(1e-24, C_SENSE, V_DRV, V_REF);
        assertEquals(lumped, exact.delay(r, tiny), lumped * 1e-3);
    }

    @Test
    void exactSolverAgreesWithTimeSteppingOfTheLadder() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 5; trial++) {
            int n = 4 + rnd.nextInt(12);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = 2000 + 8000 * rnd.nextDouble();
            }
            // A node capacitance large enough that the distribution matters.
            ColumnElectrical e = new ColumnElectrical(20e-15, C_SENSE, V_DRV, V_REF + 0.02 * rnd.nextDouble());
            double stepped = timeStepped(r, e);
            assertEquals(stepped, exact.delay(r, e), stepped * 1e-4, "trial " + trial + ", " + n + " stages");
        }
    }

    /** Crank-Nicolson integration of C dV/dt = -G V + b V_drv, crossing found by interpolation. */
    private static double timeStepped(double[] r, ColumnElectrical e) {
        int n = r.length;
        double[] c = new double[n];
        Arrays.fill(c, e.cNode());
        c[n - 1] = e.cSense();
        double rc = Arrays.stream(r).sum() * (e.cSense() + n * e.cNode());
        double dt = rc / 200_000;
        double[] v = new double[n];
        double t = 0;
        double prev = 0;
        while (true) {
            double[] next = crankNicolson(r, c, v, dt, e.vDrv());
            double vs = next[n - 1];
            if (vs >= e.vThreshold()) {
                return t + dt * (e.vThreshold() - prev) / (vs - prev);
            }
            prev = vs;
            v = next;
            t += dt;
        }
    }

    private static double[] crankNicolson(double[] r, double[] c, double[] v, double dt, double vDrv) {
        int n = v.length;
        // (C/dt + G/2) v' = (C/dt - G/2) v + b vDrv, G tridiagonal; solved with the Thomas
        // algorithm.
        double[] lower = new double[n];
        double[] diag = new double[n];
        double[] upper = new double[n];
        double[] rhs = new double[n];
        for (int k = 0; k < n; k++) {
            double gl = 1 / r[k];
            double gr = k + 1 < n ? 1 / r[k + 1] : 0;
            double gv = (k > 0 ? -gl * v[k - 1] : 0) + (gl + gr) * v[k] - (k + 1 < n ? gr * v[k + 1] : 0);
            diag[k] = c[k] / dt + 0.5 * (gl + gr);
            lower[k] = k > 0 ? -0.5 * gl : 0;
            upper[k] = k + 1 < n ? -0.5 * gr : 0;
            rhs[k] = c[k] / dt * v[k] - 0.5 * gv + (k == 0 ? gl * vDrv : 0);
        }
        for (int k = 1; k < n; k++) {
            double m = lower[k] / diag[k - 1];
            diag[k] -= m * upper[k - 1];
            rhs[k] -= m * rhs[k - 1];
        }
        double[] x = new double[n];
        x[n - 1] = rhs[n - 1] / diag[n - 1];
        for (int k = n - 2; k >= 0; k--) {
            x[k] = (rhs[k] - upper[k] * x[k + 1]) / diag[k];
        }
        return x;
    }

    @Test
    void mismatchesNearTheDriverDelayMoreAndTheFastPathFollows() {
        int rows = 64;
        double rL = 4000 + 10;
        double rH = 7600 + 10;
        double[] driverEnd = new double[rows];
        double[] senseEnd = new double[rows];
        Arrays.fill(driverEnd, rL);
        Arrays.fill(senseEnd, rL);
        for (int i = 0; i < 16; i++) {
            driverEnd[i] = rH;
            senseEnd[rows - 1 - i] = rH;
        }
        ColumnElectrical e = new ColumnElectrical(C_NODE, C_SENSE, V_DRV, V_REF);
        double exactShift = exact.delay(driverEnd, e) - exact.delay(senseEnd, e);
        // Elmore: each of the 16 moved mismatches passes 48 more node capacitances' charge.
        double elmoreShift = e.logFactor() * C_NODE * 16 * 48 * (rH - rL);
        assertTrue(exactShift > 0, "mismatches at the driver end must delay more, got " + exactShift);
        assertEquals(elmoreShift, exactShift, 0.35 * elmoreShift, "the exact shift is of Elmore's order");
        FastDelayModel fast = FastDelayModel.refined(rows, 0.5 * (rL + rH), e);
        double fastShift = fast.delay(driverEnd, e) - fast.delay(senseEnd, e);
        assertEquals(exactShift, fastShift, 0.01 * exactShift, "fast path follows the exact shift within 1 %");
    }

    @Test
    void fastPathStaysWithinAQuarterPercentOfTheExactDelayOnRandomColumns() {
        MacroConfig cfg = MacroConfig.jung2022();
        AnalogArray array = AnalogArray.fabricate(cfg, 99);
        SplittableRandom rnd = new SplittableRandom(9);
        int[][] w = new int[64][64];
        for (int[] row : w) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rnd.nextBoolean() ? 1 : -1;
            }
        }
        array.program(w);
        FastDelayModel fast = ((FastReadout) Readout.of(array, Solver.FAST)).model();
        double worst = 0;
        for (int trial = 0; trial < 20; trial++) {
            long[] in = {rnd.nextLong()};
            for (int c = 0; c < 64; c += 7) {
                double[] r = array.stageResistances(c, in);
                double ex = exact.delay(r, array.electrical(c));
                worst = Math.max(worst, Math.abs(fast.delay(r, array.electrical(c)) - ex) / ex);
            }
        }
        assertTrue(worst < 2.5e-3, "worst relative difference fast vs exact: " + worst);
    }
}
