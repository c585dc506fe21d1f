package mramcim.workloads.vgg8;

import java.util.ArrayList;
import java.util.List;
import mramcim.workloads.mnist.TileExecutor;
import mramcim.workloads.mnist.TileSchedule;

/**
 * Dot products on the array, tile by tile through a {@link TileExecutor} (the die's fast path, or
 * host commands on the RTL in lockstep): each pass programmed once for the whole batch, every
 * vector converted, the row tiles' partial sums ({@link Vgg8Tiles#partialSum}) added. Optionally keeps
 * every column result of every pass, for comparing two executors column by column.
 */
public final class TiledEngine implements BinaryVgg8.Engine {

    private final Vgg8Tiles tiles;
    private final TileExecutor exec;
    private final boolean keep;
    private final List<int[][]> results = new ArrayList<>();
    private long conversions;

    /**
     * @param keep keep every pass's column results ({@link #results})
     */
    public TiledEngine(Vgg8Tiles tiles, TileExecutor exec, boolean keep) {
        this.tiles = tiles;
        this.exec = exec;
        this.keep = keep;
    }

    @Override
    public int[][] dot(BinaryVgg8 net, int layer, long[][] vectors) {
        int[][] out = new int[vectors.length][net.outputs(layer)];
        for (TileSchedule.Pass pass : tiles.passes(layer)) {
            List<int[]> inputs = new ArrayList<>(vectors.length);
            for (long[] v : vectors) {
                inputs.add(Vgg8Tiles.input(pass, v));
            }
            int[][] r = exec.run(pass, inputs);
            conversions += vectors.length;
            if (keep) {
                results.add(r);
            }
            for (int s = 0; s < vectors.length; s++) {
                for (int j = 0; j < pass.neurons(); j++) {
                    out[s][pass.firstNeuron() + j] += Vgg8Tiles.partialSum(pass, r[s][j]);
                }
            }
        }
        return out;
    }

    /** The column results of every pass run, in order: [pass][vector][column]. */
    public List<int[][]> results() {
        return results;
    }

    /** Conversions run. */
    public long conversions() {
        return conversions;
    }

    /** WRITE_CELLs answered CELL_FAIL. */
    public int failedCells() {
        return exec.failedCells();
    }
}
