package mramcim.model.passive.array;

/**
 * Node voltages of a solved crossbar and the current each pad's source delivers into the array
 * (negative where the array returns current to the pad, as at a grounded column being read).
 */
public record NodalSolution(CrossbarNetwork network, double[] nodeVolts, double[] padCurrents) {

    /** Voltage of node {@code node}, V. */
    public double volts(int node) {
        return nodeVolts[node];
    }

    /** Current from the source of row pad i into the array, A (0 when floating). */
    public double rowCurrent(int i) {
        return padCurrents[i];
    }

    /**
     * Current flowing out of the array into column pad j, A: what an ammeter on a grounded column
     * reads.
     */
    public double columnCurrent(int j) {
        return -padCurrents[network.rows() + j];
    }

    /** Voltage across the device at (i, j), bit line minus word line, V. */
    public double deviceVolts(int i, int j) {
        return nodeVolts[network.bitNode(i, j)] - nodeVolts[network.wordNode(i, j)];
    }
}
