package mramcim.model.passive.array;

import java.util.Arrays;

/**
 * The unknowns of a nodal analysis: nodes joined by ideal wires (zero resistance) merge into one
 * group; a group holding a pad that is driven or grounded has a known voltage, every other group is
 * a free unknown. Depends only on the topology and on which pads float.
 */
final class NodeGroups {

    private final int[] groupOfNode;
    private final int[] fixedPadOfGroup; // pad index, or -1 for a free group
    private final int[] freeIndexOfGroup; // 0 .. free-1, or -1 for a fixed group
    private final int free;

    NodeGroups(CrossbarNetwork net, boolean[] padFixed) {
        int n = net.nodes();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = net.devices(); e < net.elements(); e++) {
            if (net.resistance(e) == 0) {
                int a = root(parent, net.from(e));
                int b = root(parent, net.to(e));
                if (a != b) {
                    parent[a] = b;
                }
            }
        }
        groupOfNode = new int[n];
        int[] groupOfRoot = new int[n];
        Arrays.fill(groupOfRoot, -1);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (groupOfRoot[r] < 0) {
                groupOfRoot[r] = groups++;
            }
            groupOfNode[i] = groupOfRoot[r];
        }
        fixedPadOfGroup = new int[groups];
        Arrays.fill(fixedPadOfGroup, -1);
        for (int p = 0; p < padFixed.length; p++) {
            if (padFixed[p]) {
                int node = p < net.rows() ? net.rowPad(p) : net.colPad(p - net.rows());
                fixedPadOfGroup[groupOfNode[node]] = p;
            }
        }
        freeIndexOfGroup = new int[groups];
        int f = 0;
        for (int g = 0; g < groups; g++) {
            freeIndexOfGroup[g] = fixedPadOfGroup[g] < 0 ? f++ : -1;
        }
        free = f;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    int group(int node) {
        return groupOfNode[node];
    }

    int groups() {
        return fixedPadOfGroup.length;
    }

    /** Pad whose source fixes the group's voltage, or -1 if the group is free. */
    int fixedPad(int group) {
        return fixedPadOfGroup[group];
    }

    /** Index of the group among the unknowns, or -1 if its voltage is fixed. */
    int freeIndex(int group) {
        return freeIndexOfGroup[group];
    }

    /** Number of unknowns. */
    int free() {
        return free;
    }

    /** An element joining two different groups. */
    interface Branch {
        void accept(int element, double conductance, int groupA, int groupB);
    }

    /** One entry of the nodal matrix of the free groups (row, column: free indices). */
    interface MatrixEntry {
        void add(int row, int col, double conductance);
    }

    /**
     * Every element of {@code net} whose ends lie in different groups (ideal wires inside a group
     * are skipped).
     */
    void forEachBranch(CrossbarNetwork net, double[] deviceG, Branch branch) {
        for (int e = 0; e < net.elements(); e++) {
            int a = groupOfNode[net.from(e)];
            int b = groupOfNode[net.to(e)];
            if (a != b) {
                branch.accept(e, net.conductance(e, deviceG), a, b);
            }
        }
    }

    /**
     * Stamps the nodal equations G v = rhs of the free groups: every branch adds its conductance to
     * the diagonal of its free ends and subtracts it between two free ends; a branch to a fixed
     * group moves g V_fixed to the right-hand side ({@code rhs} may be null when only G is wanted).
     */
    void stamp(CrossbarNetwork net, double[] deviceG, double[] groupVolts, double[] rhs, MatrixEntry matrix) {
        forEachBranch(net, deviceG, (e, g, a, b) -> {
            int fa = freeIndexOfGroup[a];
            int fb = freeIndexOfGroup[b];
            if (fa >= 0) {
                matrix.add(fa, fa, g);
                if (fb < 0 && rhs != null) {
                    rhs[fa] += g * groupVolts[b];
                }
            }
            if (fb >= 0) {
                matrix.add(fb, fb, g);
                if (fa < 0 && rhs != null) {
                    rhs[fb] += g * groupVolts[a];
                }
            }
            if (fa >= 0 && fb >= 0) {
                matrix.add(fa, fb, -g);
                matrix.add(fb, fa, -g);
            }
        });
    }
}
