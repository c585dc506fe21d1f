package mramcim.model.passive.array;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The crossbar's response with every pad held by a source, which is how seed 004 reads (one row at
 * V_read, the rest grounded) and writes (V/2 scheme): the inverse Z of the nodal matrix of the free
 * nodes, so that any pad voltages give node voltages by a few columns of Z and a port-to-port read
 * costs one entry. A device that switches changes one conductance, a rank-one change of the nodal
 * matrix, and Z follows by the Sherman-Morrison formula in O(n^2) instead of a new factorisation.
 * The sparse {@link NodalSolver} is the reference it is tested against.
 */
final class ResponseMatrix {

    private final CrossbarNetwork net;
    private final NodeGroups groups;
    private final double[] deviceG;
    private final int n;
    private final double[] z; // n x n, row major, symmetric

    /** Per pad: the elements joining its group to a free group, and that free index. */
    private final int[][] padElements;

    private final int[][] padFree;

    /** Per pad: every element joining its group to another group, and that group. */
    private final int[][] adjElements;

    private final int[][] adjOther;
    private final double[] scratch;
    private final double[] freeVolts;

    ResponseMatrix(CrossbarNetwork net, double[] deviceG) {
        this.net = net;
        this.deviceG = deviceG.clone();
        boolean[] fixed = new boolean[net.rows() + net.cols()];
        java.util.Arrays.fill(fixed, true);
        groups = new NodeGroups(net, fixed);
        n = groups.free();
        scratch = new double[n];
        freeVolts = new double[n];
        padElements = new int[fixed.length][];
        padFree = new int[fixed.length][];
        adjElements = new int[fixed.length][];
        adjOther = new int[fixed.length][];
        for (int p = 0; p < fixed.length; p++) {
            int pg = groups.group(padNode(p));
            java.util.List<int[]> adj = new java.util.ArrayList<>();
            groups.forEachBranch(net, this.deviceG, (e, g, a, b) -> {
                if (a == pg || b == pg) {
                    adj.add(new int[] {e, a == pg ? b : a});
                }
            });
            adjElements[p] = adj.stream().mapToInt(x -> x[0]).toArray();
            adjOther[p] = adj.stream().mapToInt(x -> x[1]).toArray();
            java.util.List<int[]> toFree =
                    adj.stream().filter(x -> groups.freeIndex(x[1]) >= 0).toList();
            padElements[p] = toFree.stream().mapToInt(x -> x[0]).toArray();
            padFree[p] = toFree.stream().mapToInt(x -> groups.freeIndex(x[1])).toArray();
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        groups.stamp(net, this.deviceG, null, null, a::add);
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        if (n > 0 && !CommonOps_DDRM.invertSPD(a, inv)) {
            throw new IllegalStateException("nodal matrix of the crossbar is singular");
        }
        z = inv.data;
    }

    private ResponseMatrix(ResponseMatrix o) {
        net = o.net;
        groups = o.groups;
        deviceG = o.deviceG.clone();
        n = o.n;
        z = o.z.clone();
        padElements = o.padElements;
        padFree = o.padFree;
        adjElements = o.adjElements;
        adjOther = o.adjOther;
        scratch = new double[n];
        freeVolts = new double[n];
    }

    /** An independent copy (the same die in another state later). */
    ResponseMatrix copy() {
        return new ResponseMatrix(this);
    }

    private int padNode(int p) {
        return p < net.rows() ? net.rowPad(p) : net.colPad(p - net.rows());
    }

    /** Current conductance of device d, S. */
    double deviceG(int d) {
        return deviceG[d];
    }

    /** Changes the conductance of device d and updates Z (Sherman-Morrison). */
    void setDeviceG(int d, double g) {
        double delta = g - deviceG[d];
        deviceG[d] = g;
        int a = groups.freeIndex(groups.group(net.from(d)));
        int b = groups.freeIndex(groups.group(net.to(d)));
        if (delta == 0 || (a < 0 && b < 0)) {
            return;
        }
        double[] u = scratch; // u = Z (e_a - e_b)
        for (int k = 0; k < n; k++) {
            u[k] = (a >= 0 ? z[k * n + a] : 0) - (b >= 0 ? z[k * n + b] : 0);
        }
        double uTzu = (a >= 0 ? u[a] : 0) - (b >= 0 ? u[b] : 0);
        double s = delta / (1 + delta * uTzu);
        for (int r = 0; r < n; r++) {
            double f = s * u[r];
            if (f == 0) {
                continue;
            }
            int row = r * n;
            for (int c = 0; c < n; c++) {
                z[row + c] -= f * u[c];
            }
        }
    }

    /**
     * Voltages of every device (bit line minus word line) when pad {@code p1} is at {@code v1}, pad
     * {@code p2} at {@code v2} and all other pads are grounded. Pads: rows first, then columns.
     */
    void deviceVolts(int p1, double v1, int p2, double v2, double[] out) {
        double[] free = freeVolts;
        java.util.Arrays.fill(free, 0);
        addPad(p1, v1, free);
        addPad(p2, v2, free);
        for (int d = 0; d < net.devices(); d++) {
            out[d] = groupVolts(groups.group(net.to(d)), free, p1, v1, p2, v2)
                    - groupVolts(groups.group(net.from(d)), free, p1, v1, p2, v2);
        }
    }

    private void addPad(int p, double v, double[] free) {
        if (v == 0) {
            return;
        }
        for (int k = 0; k < padElements[p].length; k++) {
            double w = v * net.conductance(padElements[p][k], deviceG);
            int col = padFree[p][k];
            for (int r = 0; r < n; r++) {
                free[r] += w * z[r * n + col];
            }
        }
    }

    private double groupVolts(int g, double[] free, int p1, double v1, int p2, double v2) {
        int fi = groups.freeIndex(g);
        if (fi >= 0) {
            return free[fi];
        }
        int p = groups.fixedPad(g);
        return p == p1 ? v1 : p == p2 ? v2 : 0;
    }

    /**
     * Current into the grounded pad of column {@code col} when row {@code row} is at {@code v} and
     * every other pad is grounded: the port-to-port read of seed 004.
     */
    double readCurrent(int row, int col, double v) {
        int colPad = net.rows() + col;
        int rg = groups.group(padNode(row));
        double current = 0;
        // Every element leaving the column's group carries I = g (V_other - 0) into the grounded
        // pad.
        for (int k = 0; k < adjElements[colPad].length; k++) {
            int other = adjOther[colPad][k];
            double vOther;
            int fo = groups.freeIndex(other);
            if (fo >= 0) {
                vOther = 0;
                for (int m = 0; m < padElements[row].length; m++) {
                    vOther += v * net.conductance(padElements[row][m], deviceG) * z[fo * n + padFree[row][m]];
                }
            } else {
                vOther = other == rg ? v : 0;
            }
            current += net.conductance(adjElements[colPad][k], deviceG) * vOther;
        }
        return current;
    }
}
