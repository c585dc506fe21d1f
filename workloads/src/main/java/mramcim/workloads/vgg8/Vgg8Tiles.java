package mramcim.workloads.vgg8;

import java.util.ArrayList;
import java.util.List;
import mramcim.workloads.mnist.TileSchedule;

/**
 * The mapping of the VGG-8 onto a ROWS x COLS array (docs/vgg8.md): every layer's dot products
 * (one per output channel and position) split into row tiles of at most ROWS inputs and column
 * tiles of at most COLS outputs, the partial sums of the row tiles added in the digital domain, as
 * the perceptron's 28 passes. A tile's unused rows are padding with weight +1 and inputs
 * alternately +1 and -1, so that they add 0 (or +1 for an odd count, subtracted digitally) and every
 * tile's dot product stays near 0, where SPEC 6's per-column offsets were calibrated: with +1
 * padding (the perceptron's) a 3 x 3 patch of one channel would sit at DP = +46..+64, where a column's
 * gain error is left uncorrected (docs/vgg8.md). Unused columns hold +1 and are ignored.
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
            List<TileSchedule.Pass> passes = TileSchedule.tile(index, l, nIn, nOut, rows, cols, (i, o) -> w[o][i]);
            index += passes.size();
            all.add(List.copyOf(passes));
        }
        this.layers = List.copyOf(all);
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
        for (int i = 0; i < in.length; i++) {
            in[i] = i < pass.inputs() ? BinaryVgg8.value(v, pass.firstInput() + i) : paddingInput(i - pass.inputs());
        }
        return in;
    }

    /** The input of padding row {@code k} (from 0): +1, -1, +1, ... */
    static int paddingInput(int k) {
        return k % 2 == 0 ? 1 : -1;
    }

    /** What a pass's padding adds to every column's dot product: 0, or 1 for an odd count. */
    static int paddingSum(TileSchedule.Pass pass) {
        return pass.padding() % 2;
    }
}
