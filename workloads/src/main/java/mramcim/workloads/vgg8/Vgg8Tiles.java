package mramcim.workloads.vgg8;

import java.util.ArrayList;
import java.util.List;
import mramcim.workloads.mnist.TileSchedule;

/**
 * The mapping of the VGG-8 onto a ROWS x COLS array (docs/vgg8.md): every layer's dot products
 * (one per output channel and position) split into row tiles of at most ROWS inputs and column
 * tiles of at most COLS outputs, the partial sums of the row tiles added in the digital domain, as
 * the perceptron's 28 passes. A tile of at most ROWS / 2 inputs (a 3 x 3 patch of one channel: 9;
 * the last tile of a layer) is written as many times as it fits, so its dot product uses the whole
 * column and the digital side divides by the copy count: a conversion error of e becomes e / copies
 * (measured: with the 9-input first layer on 9 of 64 rows, the die's errors in that layer alone cost
 * 15 points of accuracy). The rows left over are padding with weight +1 and inputs alternately +1
 * and -1, so that they add 0 (or +1 for an odd count, subtracted digitally) and keep the tile's dot
 * product near 0, where SPEC 6's per-column offsets were calibrated. Unused columns hold +1 and are
 * ignored.
 */
public final class Vgg8Tiles {

    private final List<List<TileSchedule.Pass>> layers;

    /** The tiles of {@code net} on a ROWS x COLS array. */
    public Vgg8Tiles(BinaryVgg8 net, int rows, int cols) {
        List<List<TileSchedule.Pass>> all = new ArrayList<>();
        int index = 0;
        for (int l = 0; l < BinaryVgg8.ENGINE_LAYERS; l++) {
            byte[][] w = net.weightsOf(l);
            int nIn = net.inputs(l);
            int nOut = net.outputs(l);
            List<TileSchedule.Pass> passes = new ArrayList<>();
            for (TileSchedule.Pass p : TileSchedule.tile(index, l, nIn, nOut, rows, cols, (i, o) -> w[o][i])) {
                passes.add(replicated(p));
            }
            index += passes.size();
            all.add(List.copyOf(passes));
        }
        this.layers = List.copyOf(all);
    }

    /** {@code p} with its used rows repeated {@link #copies} times, the rest padding (+1). */
    private static TileSchedule.Pass replicated(TileSchedule.Pass p) {
        int copies = copies(p);
        if (copies == 1) {
            return p;
        }
        int[][] w = p.weights();
        int[][] r = new int[w.length][];
        for (int i = 0; i < w.length; i++) {
            r[i] = i < copies * p.inputs() ? w[i % p.inputs()].clone() : w[w.length - 1].clone();
        }
        return new TileSchedule.Pass(p.index(), p.layer(), p.firstInput(), p.inputs(), p.firstNeuron(), p.neurons(), r);
    }

    /** How many times a pass's inputs are written down its columns: as many as fit. */
    static int copies(TileSchedule.Pass pass) {
        return pass.weights().length / pass.inputs();
    }

    /** Padding rows of a pass: those its copies leave free. */
    static int padding(TileSchedule.Pass pass) {
        return pass.weights().length - copies(pass) * pass.inputs();
    }

    /** The passes of layer l (the class layer is {@link BinaryVgg8#CLASS_LAYER}). */
    public List<TileSchedule.Pass> passes(int layer) {
        return layers.get(layer);
    }

    /** Every programming of the array, over all layers. */
    public int passCount() {
        return layers.stream().mapToInt(List::size).sum();
    }

    /** Conversions per digit: every row tile of a layer converts once per output position. */
    public long conversionsPerDigit() {
        long n = 0;
        for (int l = 0; l < layers.size(); l++) {
            n += (long) layers.get(l).size() * BinaryVgg8.positions(l);
        }
        return n;
    }

    /** The array input vector of {@code pass} for the layer input {@code v} (a bit set). */
    static int[] input(TileSchedule.Pass pass, long[] v) {
        int[] in = new int[pass.weights().length];
        int used = copies(pass) * pass.inputs();
        for (int i = 0; i < in.length; i++) {
            in[i] = i < used ? BinaryVgg8.value(v, pass.firstInput() + i % pass.inputs()) : paddingInput(i - used);
        }
        return in;
    }

    /** The input of padding row {@code k} (from 0): +1, -1, +1, ... */
    static int paddingInput(int k) {
        return k % 2 == 0 ? 1 : -1;
    }

    /** What a pass's padding adds to every column's dot product: 0, or 1 for an odd count. */
    static int paddingSum(TileSchedule.Pass pass) {
        return padding(pass) % 2;
    }

    /**
     * The partial sum a column result of {@code pass} stands for: the result less the padding's
     * sum; for a replicated tile divided by the copy count and rounded to the nearest dot product
     * its inputs can give (their count's parity, within +-inputs), which removes any error
     * smaller than the copy count.
     */
    static int partialSum(TileSchedule.Pass pass, int result) {
        int copies = copies(pass);
        int raw = result - paddingSum(pass);
        if (copies == 1) {
            return raw;
        }
        int n = pass.inputs();
        int parity = n % 2;
        // The nearest value parity + 2m to raw / copies, halves rounded up.
        long m = Math.floorDiv((long) raw - (long) parity * copies + copies, 2L * copies);
        long dp = parity + 2 * m;
        return (int) Math.max(-n, Math.min(n, dp));
    }
}
