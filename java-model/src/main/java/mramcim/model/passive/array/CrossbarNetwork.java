package mramcim.model.passive.array;

import mramcim.model.passive.config.CrossbarLines;

/**
 * The resistor network of a passive M x N crossbar: a word-line node and a bit-line node at every
 * cross point, the MTJ between them, line segments between neighbouring cross points, and one pad
 * per line reached through its access resistance (routing plus contact, {@link CrossbarLines}).
 * Word lines enter at column 0, bit lines at row 0.
 *
 * <p>Elements 0 .. M*N-1 are the devices (element {@code i*N + j} is the MTJ at row i, column j),
 * whose conductances the caller supplies; the line elements that follow have fixed resistances,
 * zero meaning an ideal wire.
 */
public final class CrossbarNetwork {

    private final int rows;
    private final int cols;
    private final int[] from;
    private final int[] to;
    private final double[] resistance;

    /** The network of {@code rows x cols} cross points with the given lines. */
    public CrossbarNetwork(int rows, int cols, CrossbarLines lines) {
        this.rows = rows;
        this.cols = cols;
        int devices = rows * cols;
        int elements = devices + rows * cols + cols * rows; // devices, word-line pieces, bit-line pieces
        from = new int[elements];
        to = new int[elements];
        resistance = new double[elements];
        int e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                set(e++, wordNode(i, j), bitNode(i, j), Double.NaN);
            }
        }
        for (int i = 0; i < rows; i++) {
            set(e++, rowPad(i), wordNode(i, 0), lines.accessResistance(i, rows));
            for (int j = 0; j + 1 < cols; j++) {
                set(e++, wordNode(i, j), wordNode(i, j + 1), lines.segmentResistance());
            }
        }
        for (int j = 0; j < cols; j++) {
            set(e++, colPad(j), bitNode(0, j), lines.accessResistance(j, cols));
            for (int i = 0; i + 1 < rows; i++) {
                set(e++, bitNode(i, j), bitNode(i + 1, j), lines.segmentResistance());
            }
        }
    }

    private void set(int e, int a, int b, double r) {
        from[e] = a;
        to[e] = b;
        resistance[e] = r;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of devices, {@code rows * cols}; also the index of the first line element. */
    public int devices() {
        return rows * cols;
    }

    /** Number of nodes: two per cross point and one pad per line. */
    public int nodes() {
        return 2 * rows * cols + rows + cols;
    }

    /** Number of elements: devices first, then line pieces. */
    public int elements() {
        return from.length;
    }

    /** Word-line node at the cross point (i, j). */
    public int wordNode(int i, int j) {
        return i * cols + j;
    }

    /** Bit-line node at the cross point (i, j). */
    public int bitNode(int i, int j) {
        return rows * cols + i * cols + j;
    }

    /** Pad of word line (row) i. */
    public int rowPad(int i) {
        return 2 * rows * cols + i;
    }

    /** Pad of bit line (column) j. */
    public int colPad(int j) {
        return 2 * rows * cols + rows + j;
    }

    /** Pad index 0 .. rows+cols-1 of a node, or -1 if it is not a pad. */
    public int padOf(int node) {
        int p = node - 2 * rows * cols;
        return p >= 0 ? p : -1;
    }

    /** First node of element e. */
    public int from(int e) {
        return from[e];
    }

    /** Second node of element e. */
    public int to(int e) {
        return to[e];
    }

    /** True if element e is a device, whose conductance the caller supplies. */
    public boolean isDevice(int e) {
        return e < rows * cols;
    }

    /** Fixed resistance of line element e, Ohm (zero: an ideal wire); NaN for a device. */
    public double resistance(int e) {
        return resistance[e];
    }

    /** Conductance of element e given the device conductances, S; infinite for an ideal wire. */
    public double conductance(int e, double[] deviceG) {
        if (e < rows * cols) {
            return deviceG[e];
        }
        return resistance[e] == 0 ? Double.POSITIVE_INFINITY : 1 / resistance[e];
    }
}
