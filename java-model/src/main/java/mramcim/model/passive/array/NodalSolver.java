package mramcim.model.passive.array;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Nodal analysis of a passive crossbar for any set of driven, grounded and floating lines: the
 * conductance matrix of the free node groups (sparse, symmetric positive definite) is assembled and
 * solved by EJML's sparse Cholesky decomposition. Ideal wires are merged first ({@link
 * NodeGroups}), so a crossbar without line resistance is solved exactly.
 */
public final class NodalSolver {

    private NodalSolver() {}

    /**
     * Solves the network with device conductances {@code deviceG} (S, element i*N+j) under {@code
     * bias}.
     *
     * @throws IllegalArgumentException if no pad is driven or grounded, or a device conductance is
     *     not positive and finite
     */
    public static NodalSolution solve(CrossbarNetwork net, double[] deviceG, PadBias bias) {
        if (deviceG.length != net.devices()) {
            throw new IllegalArgumentException("deviceG has "
                    + deviceG.length
                    + " entries, the "
                    + net.rows()
                    + " x "
                    + net.cols()
                    + " crossbar needs "
                    + net.devices());
        }
        for (int d = 0; d < deviceG.length; d++) {
            if (!(deviceG[d] > 0) || Double.isInfinite(deviceG[d])) {
                throw new IllegalArgumentException("device conductance ["
                        + d / net.cols()
                        + "]["
                        + d % net.cols()
                        + "] = "
                        + deviceG[d]
                        + " S is out of range: allowed > 0 (finite)");
            }
        }
        boolean[] fixed = new boolean[bias.pads()];
        boolean any = false;
        for (int p = 0; p < fixed.length; p++) {
            fixed[p] = !bias.floating(p);
            any |= fixed[p];
        }
        if (!any) {
            throw new IllegalArgumentException(
                    "bias floats all " + fixed.length + " pads: at least one line must be driven or grounded");
        }
        NodeGroups groups = new NodeGroups(net, fixed);
        int f = groups.free();
        double[] groupVolts = new double[groups.groups()];
        for (int g = 0; g < groups.groups(); g++) {
            int p = groups.fixedPad(g);
            groupVolts[g] = p >= 0 ? bias.volts(p) : 0;
        }
        if (f > 0) {
            double[] diag = new double[f];
            double[] rhs = new double[f];
            Map<Long, Double> off = new HashMap<>();
            groups.stamp(net, deviceG, groupVolts, rhs, (r, c, g) -> {
                if (r == c) {
                    diag[r] += g;
                } else if (r < c) {
                    off.merge((long) r * f + c, g, Double::sum);
                }
            });
            DMatrixSparseTriplet t = new DMatrixSparseTriplet(f, f, f + 2 * off.size());
            for (int i = 0; i < f; i++) {
                t.addItem(i, i, diag[i]);
            }
            for (Map.Entry<Long, Double> en : off.entrySet()) {
                int r = (int) (en.getKey() / f);
                int c = (int) (en.getKey() % f);
                t.addItem(r, c, en.getValue());
                t.addItem(c, r, en.getValue());
            }
            DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
            LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
                    LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
            if (!solver.setA(a)) {
                throw new IllegalStateException("nodal matrix of the "
                        + net.rows()
                        + " x "
                        + net.cols()
                        + " crossbar is singular: a group of nodes is connected to no driven or grounded pad");
            }
            DMatrixRMaj x = new DMatrixRMaj(f, 1);
            solver.solve(new DMatrixRMaj(f, 1, true, rhs), x);
            for (int g = 0; g < groups.groups(); g++) {
                int fi = groups.freeIndex(g);
                if (fi >= 0) {
                    groupVolts[g] = x.get(fi, 0);
                }
            }
        }
        double[] nodeVolts = new double[net.nodes()];
        for (int n = 0; n < nodeVolts.length; n++) {
            nodeVolts[n] = groupVolts[groups.group(n)];
        }
        // A pad's source current is what leaves its group through the finite elements (KCL on the
        // group), which also holds when ideal wires merge the pad with a whole line.
        double[] outflow = new double[groups.groups()];
        groups.forEachBranch(net, deviceG, (e, g, a, b) -> {
            double i = g * (groupVolts[a] - groupVolts[b]);
            outflow[a] += i;
            outflow[b] -= i;
        });
        double[] padCurrents = new double[bias.pads()];
        for (int p = 0; p < padCurrents.length; p++) {
            if (fixed[p]) {
                int node = p < net.rows() ? net.rowPad(p) : net.colPad(p - net.rows());
                padCurrents[p] = outflow[groups.group(node)];
            }
        }
        return new NodalSolution(net, nodeVolts, padCurrents);
    }
}
