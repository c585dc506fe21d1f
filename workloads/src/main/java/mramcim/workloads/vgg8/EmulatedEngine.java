package mramcim.workloads.vgg8;

import java.util.SplittableRandom;
import mramcim.workloads.mnist.TileSchedule;

/**
 * Seed 000's "emulation with measured errors": every tile's exact dot product, each column's
 * result drawn from the error distribution measured on the die at that dot product ({@link
 * ErrorTable}), then the partial sums as on the array ({@link Vgg8Tiles#partialSum}). Pass p draws from its own stream (seed,
 * p), in the order of the vectors and columns, so a run never depends on threads or timing.
 */
public final class EmulatedEngine implements BinaryVgg8.Engine {

    private final Vgg8Tiles tiles;
    private final ErrorTable errors;
    private final long seed;

    public EmulatedEngine(Vgg8Tiles tiles, ErrorTable errors, long seed) {
        this.tiles = tiles;
        this.errors = errors;
        this.seed = seed;
    }

    @Override
    public int[][] dot(BinaryVgg8 net, int layer, long[][] vectors) {
        int[][] out = new int[vectors.length][net.outputs(layer)];
        long[][] w = net.bits(layer);
        for (TileSchedule.Pass pass : tiles.passes(layer)) {
            long[] mask = mask(net.inputs(layer), pass.firstInput(), pass.inputs());
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + pass.index());
            int pad = Vgg8Tiles.paddingSum(pass);
            int copies = Vgg8Tiles.copies(pass);
            for (int s = 0; s < vectors.length; s++) {
                long[] v = vectors[s];
                for (int j = 0; j < pass.neurons(); j++) {
                    long[] wo = w[pass.firstNeuron() + j];
                    int differ = 0;
                    for (int i = 0; i < mask.length; i++) {
                        differ += Long.bitCount((wo[i] ^ v[i]) & mask[i]);
                    }
                    int exact = copies * (pass.inputs() - 2 * differ) + pad;
                    out[s][pass.firstNeuron() + j] += Vgg8Tiles.partialSum(pass, errors.draw(j, exact, rnd));
                }
            }
        }
        return out;
    }

    /** Bits {@code from .. from + n - 1} of a vector of {@code k} bits. */
    private static long[] mask(int k, int from, int n) {
        long[] m = new long[(k + 63) / 64];
        for (int i = from; i < from + n; i++) {
            m[i >>> 6] |= 1L << (i & 63);
        }
        return m;
    }
}
