package mramcim.model.passive;

import java.util.Arrays;

/**
 * The unknowns of a nodal analysis: nodes joined by ideal wires (zero resistance) merge into one
 * group; a group holding a pad that is driven or grounded has a known voltage, every other group
 * is a free unknown. Depends only on the topology and on which pads float.
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
}
