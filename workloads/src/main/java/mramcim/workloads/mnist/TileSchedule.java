package mramcim.workloads.mnist;

import java.util.ArrayList;
import java.util.List;

/**
 * How the 784-128-10 network runs on one ROWS x COLS macro reprogrammed tile by tile (seed 000:
 * "the same array was used 28 times" on 64 x 64: 13 x 2 tiles of layer 1, 2 x 1 of layer 2). Layer
 * 1 first, every column tile over all its row tiles, then layer 2. Rows a tile does not use are
 * padding: weight +1 and input +1, so each adds exactly +1 to every column's dot product, and the
 * digital side subtracts the padding count. Unused columns hold +1 and their results are ignored.
 */
public final class TileSchedule {

    /**
     * One programming of the array.
     *
     * @param index position in the schedule
     * @param layer 1 or 2
     * @param firstInput the layer input the tile's row 0 carries
     * @param inputs rows in use (the rest are padding)
     * @param firstNeuron the layer output the tile's column 0 computes
     * @param neurons columns in use
     * @param weights [ROWS][COLS], +1/-1, padding and unused columns +1
     */
    public record Pass(
            int index, int layer, int firstInput, int inputs, int firstNeuron, int neurons, int[][] weights) {

        /** Padding rows: each adds +1 to every column's dot product. */
        public int padding() {
            return weights.length - inputs;
        }

        /** The array's input vector for layer input {@code x}: the tile's slice, padding +1. */
        public int[] input(byte[] x) {
            int[] in = new int[weights.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = i < inputs ? x[firstInput + i] : 1;
            }
            return in;
        }
    }

    private final int rows;
    private final int cols;
    private final List<Pass> passes;

    /** The schedule of {@code net} on a ROWS x COLS array. */
    public TileSchedule(BinaryMlp net, int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        List<Pass> p = new ArrayList<>();
        add(p, 1, net.w1(), net.inputs(), net.hidden());
        add(p, 2, net.w2(), net.hidden(), net.classes());
        this.passes = List.copyOf(p);
    }

    private void add(List<Pass> out, int layer, byte[][] w, int nIn, int nOut) {
        out.addAll(tile(out.size(), layer, nIn, nOut, rows, cols, (i, o) -> w[i][o]));
    }

    /** The weight of layer input {@code i} on layer output {@code o}, +1 or -1. */
    @FunctionalInterface
    public interface Weight {
        int of(int input, int output);
    }

    /**
     * A layer of {@code nIn} inputs and {@code nOut} outputs in tiles of {@code rows x cols}: for
     * each column tile, its row tiles; unused rows and columns hold +1. Passes are numbered from
     * {@code firstIndex}.
     */
    public static List<Pass> tile(int firstIndex, int layer, int nIn, int nOut, int rows, int cols, Weight w) {
        List<Pass> out = new ArrayList<>();
        for (int c0 = 0; c0 < nOut; c0 += cols) {
            for (int r0 = 0; r0 < nIn; r0 += rows) {
                int usedRows = Math.min(rows, nIn - r0);
                int usedCols = Math.min(cols, nOut - c0);
                int[][] tile = new int[rows][cols];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        tile[i][j] = i < usedRows && j < usedCols ? w.of(r0 + i, c0 + j) : 1;
                    }
                }
                out.add(new Pass(firstIndex + out.size(), layer, r0, usedRows, c0, usedCols, tile));
            }
        }
        return out;
    }

    public List<Pass> passes() {
        return passes;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }
}
