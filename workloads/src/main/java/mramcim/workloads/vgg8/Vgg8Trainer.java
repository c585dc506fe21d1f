package mramcim.workloads.vgg8;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import mramcim.workloads.Adam;
import mramcim.workloads.TrainingSchedule;
import mramcim.workloads.mnist.MnistData;

/**
 * Trains the binary VGG-8 with the straight-through estimator (as the perceptron's {@code
 * Trainer}): latent weights clipped to [-1, 1] whose signs are the binary weights, batch
 * normalisation with the batch's statistics before every sign (hard-tanh STE: the gradient passes
 * where the normalised value lies in [-1, 1]), max pooling after the second convolution of each
 * block, a learnable softmax temperature on the integer class scores, Adam with cosine decay, and
 * random shifts of up to {@link Settings#shift} pixels. After training the batch norms are folded
 * into integer thresholds with the training set's exact statistics ({@link #fold}).
 *
 * <p>Everything random comes from one {@code SplittableRandom(seed)}; a batch is split into a fixed
 * number of chunks whose gradients are added in order, so a seed gives the same network bit for
 * bit whatever the thread count.
 */
public final class Vgg8Trainer {

    /**
     * Training settings.
     *
     * @param epochs passes over the training digits
     * @param batch digits per step
     * @param learningRate Adam's initial step
     * @param shift largest random shift, pixels
     * @param rotation largest random rotation, degrees
     * @param scaling largest random relative scaling
     * @param seed the one seed of the initialisation, the order and the augmentation
     * @param threads worker threads (the result does not depend on them)
     */
    public record Settings(
            int epochs,
            int batch,
            double learningRate,
            int shift,
            double rotation,
            double scaling,
            long seed,
            int threads) {
        public Settings {
            if (epochs < 1
                    || batch < CHUNKS
                    || !(learningRate > 0)
                    || shift < 0
                    || shift > 4
                    || !(rotation >= 0 && rotation <= 45)
                    || !(scaling >= 0 && scaling <= 0.5)
                    || threads < 1) {
                throw new IllegalArgumentException(
                        "training settings out of range: epochs " + epochs + ", batch " + batch
                                + " (at least " + CHUNKS + "), learning rate " + learningRate + ", shift " + shift
                                + ", rotation " + rotation + ", scaling " + scaling + ", threads " + threads);
            }
        }

        /**
         * The default network's training (assumed): 14 epochs in batches of 50, Adam at 0.005,
         * shifts of 2 pixels, rotations of 12 degrees, scaling by 10 %. 8,000 digits are few for
         * six convolutions: with shifts only, the held-out accuracy stays some three points below
         * the training accuracy; batches of 100 instead of 50 (half the steps) cost about a point.
         */
        public static Settings defaults(long seed, int threads) {
            return new Settings(14, 50, 0.005, 2, 12, 0.1, seed, threads);
        }

        /** The small network's training: 3 epochs, shifts only. */
        public static Settings small(long seed, int threads) {
            return new Settings(3, 100, 0.01, 1, 0, 0, seed, threads);
        }
    }

    /** Gradient chunks per batch: fixed, so the sums do not depend on the thread count. */
    static final int CHUNKS = 4;

    private static final float EPS = 1e-5f;

    private final Vgg8Shape shape;
    private final Settings settings;
    /** Binary layers: the six convolutions and the first fully connected layer. */
    private final Layer[] layers;
    /** The class layer's latent weights [class][hidden]. */
    private final float[] out;

    private final Adam outAdam;
    private final double[] logScale = {Math.log(0.05)};
    private final Adam scaleAdam = new Adam(1);

    private Vgg8Trainer(Vgg8Shape shape, Settings settings) {
        this.shape = shape;
        this.settings = settings;
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        this.layers = new Layer[Vgg8Shape.CONVOLUTIONS + 1];
        for (int l = 0; l < Vgg8Shape.CONVOLUTIONS; l++) {
            int side = Vgg8Shape.side(l);
            layers[l] = new Layer(
                    shape.in(l) * Vgg8Shape.KERNEL * Vgg8Shape.KERNEL,
                    shape.out(l),
                    side,
                    true,
                    Vgg8Shape.pools(l),
                    rnd);
        }
        layers[Vgg8Shape.CONVOLUTIONS] = new Layer(shape.flat(), shape.hidden(), 1, false, false, rnd);
        this.out = new float[Vgg8Shape.CLASSES * shape.hidden()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) rnd.nextDouble(-0.1, 0.1);
        }
        this.outAdam = new Adam(out.length);
    }

    /**
     * Trains a network of {@code shape} on {@code data}.
     *
     * @param progress told once per epoch
     */
    public static BinaryVgg8 train(Vgg8Shape shape, List<MnistData.Digit> data, Settings s, LongConsumer progress) {
        Vgg8Trainer t = new Vgg8Trainer(shape, s);
        ExecutorService pool = Executors.newFixedThreadPool(s.threads(), r -> {
            Thread th = new Thread(r, "vgg8-train");
            th.setDaemon(true);
            return th;
        });
        try {
            t.run(data, pool, progress);
        } finally {
            pool.shutdownNow();
        }
        return t.fold(data);
    }

    private void run(List<MnistData.Digit> data, ExecutorService pool, LongConsumer progress) {
        SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        int n = data.size();
        int b = settings.batch();
        long steps = (long) settings.epochs() * (n / b);
        long step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            int[] order = TrainingSchedule.shuffled(n, rnd);
            for (int start = 0; start + b <= n; start += b) {
                double lr = TrainingSchedule.cosine(settings.learningRate(), step, steps);
                step++;
                float[][] x = new float[b][];
                int[] labels = new int[b];
                for (int r = 0; r < b; r++) {
                    MnistData.Digit d = data.get(order[start + r]);
                    labels[r] = d.label();
                    x[r] = augmented(d.pixels(), rnd);
                }
                step(x, labels, lr, pool);
            }
            progress.accept(1);
        }
    }

    /** One training step on a batch: forward, backward, Adam. */
    private void step(float[][] x, int[] labels, double lr, ExecutorService pool) {
        int b = x.length;
        for (Layer l : layers) {
            l.binarise();
        }
        float[][] act = x;
        for (Layer l : layers) {
            act = l.forward(act, pool);
        }
        // act: [b][hidden] of +1/-1. Scores, softmax with a learnable temperature.
        int hid = shape.hidden();
        float[] outB = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            outB[i] = out[i] >= 0 ? 1 : -1;
        }
        double scale = Math.exp(logScale[0]);
        double dScale = 0;
        float[] gOut = new float[out.length];
        float[][] dAct = new float[b][hid];
        for (int r = 0; r < b; r++) {
            double[] z = new double[Vgg8Shape.CLASSES];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < z.length; k++) {
                double s = 0;
                for (int j = 0; j < hid; j++) {
                    s += act[r][j] * outB[k * hid + j];
                }
                z[k] = s;
                max = Math.max(max, scale * s);
            }
            double sum = 0;
            double[] p = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                p[k] = Math.exp(scale * z[k] - max);
                sum += p[k];
            }
            for (int k = 0; k < z.length; k++) {
                double g = (p[k] / sum - (k == labels[r] ? 1 : 0)) / b;
                dScale += g * z[k];
                float gz = (float) (g * scale);
                for (int j = 0; j < hid; j++) {
                    gOut[k * hid + j] += gz * act[r][j];
                    dAct[r][j] += gz * outB[k * hid + j];
                }
            }
        }
        float[][] grad = dAct;
        for (int l = layers.length - 1; l >= 0; l--) {
            grad = layers[l].backward(grad, l > 0, pool);
        }
        for (Layer l : layers) {
            l.update(lr);
        }
        ste(out, gOut);
        outAdam.step(out, gOut, lr);
        clip(out);
        scaleAdam.step(logScale, new double[] {dScale * scale}, lr);
    }

    /**
     * The integer network: binary weights, and each batch norm folded into an integer threshold
     * and a direction with the exact statistics of the training digits (unshifted), layer by
     * layer through the folded network itself.
     */
    private BinaryVgg8 fold(List<MnistData.Digit> data) {
        int n = Vgg8Shape.CONVOLUTIONS + 1;
        byte[][][] w = new byte[n][][];
        int[][] threshold = new int[n][];
        int[][] direction = new int[n][];
        for (int l = 0; l < n; l++) {
            Layer layer = layers[l];
            layer.binarise();
            w[l] = new byte[layer.cout][layer.k];
            for (int co = 0; co < layer.cout; co++) {
                for (int k = 0; k < layer.k; k++) {
                    w[l][co][k] = layer.wb[co * layer.k + k] >= 0 ? (byte) 1 : (byte) -1;
                }
            }
            threshold[l] = new int[layer.cout];
            direction[l] = new int[layer.cout];
        }
        byte[][] outW = new byte[Vgg8Shape.CLASSES][shape.hidden()];
        for (int k = 0; k < Vgg8Shape.CLASSES; k++) {
            for (int j = 0; j < shape.hidden(); j++) {
                outW[k][j] = out[k * shape.hidden() + j] >= 0 ? (byte) 1 : (byte) -1;
            }
        }
        // Fold layer by layer: the statistics of layer l come from the integer network whose
        // layers before l are already folded, run on every training digit (unshifted).
        BinaryVgg8 net = new BinaryVgg8(shape, w, threshold, direction, outW);
        boolean[][] act = new boolean[data.size()][];
        for (int s = 0; s < act.length; s++) {
            act[s] = BinaryVgg8.image(data.get(s).pixels());
        }
        for (int l = 0; l < n; l++) {
            int layer = l;
            int outs = layers[l].cout;
            int[][][] pre = new int[act.length][][];
            long[][] wBits = net.bits(layer);
            int k = net.inputs(layer);
            java.util.stream.IntStream.range(0, act.length)
                    .parallel()
                    .forEach(s -> pre[s] = BinaryVgg8.exact(wBits, k, net.vectors(layer, act[s])));
            double[] sum = new double[outs];
            double[] sumSq = new double[outs];
            long count = 0;
            for (int[][] image : pre) {
                for (int[] position : image) {
                    for (int co = 0; co < outs; co++) {
                        sum[co] += position[co];
                        sumSq[co] += (double) position[co] * position[co];
                    }
                }
                count += image.length;
            }
            Layer ly = layers[l];
            for (int co = 0; co < outs; co++) {
                double mean = sum[co] / count;
                double std = Math.sqrt(Math.max(0, sumSq[co] / count - mean * mean) + EPS);
                double gamma = ly.gamma[co];
                // gamma (a - mean) / std + beta >= 0  <=>  a >= t (gamma > 0) or a <= t (gamma <
                // 0), t = mean - beta std / gamma.
                double t = mean - ly.beta[co] * std / (gamma == 0 ? 1e-12 : gamma);
                direction[l][co] = gamma >= 0 ? 1 : -1;
                long bound = ly.k + 1L;
                threshold[l][co] = (int) Math.max(-bound, Math.min(bound, gamma >= 0 ? Math.ceil(t) : Math.floor(t)));
            }
            for (int s = 0; s < act.length; s++) {
                act[s] = net.activations(layer, pre[s]);
            }
        }
        return net;
    }

    /**
     * A training digit under a random affine map about its centre: rotated by up to {@link
     * Settings#rotation} degrees, scaled by up to {@link Settings#scaling}, shifted by up to {@link
     * Settings#shift} pixels; nearest-neighbour, background (-1) outside.
     */
    float[] augmented(byte[] px, SplittableRandom rnd) {
        int k = settings.shift();
        double rot = Math.toRadians(settings.rotation());
        double angle = rot > 0 ? rnd.nextDouble(-rot, rot) : 0;
        double scale = 1 + (settings.scaling() > 0 ? rnd.nextDouble(-settings.scaling(), settings.scaling()) : 0);
        double tx = k > 0 ? rnd.nextDouble(-k, k) : 0;
        double ty = k > 0 ? rnd.nextDouble(-k, k) : 0;
        int s = Vgg8Shape.SIDE;
        double c = (s - 1) / 2.0;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        float[] out = new float[s * s];
        for (int r = 0; r < s; r++) {
            for (int col = 0; col < s; col++) {
                // The source pixel of (r, col): the inverse map.
                double y = r - c - ty;
                double x = col - c - tx;
                int sr = (int) Math.round(c + cos * y - sin * x);
                int sc = (int) Math.round(c + sin * y + cos * x);
                out[r * s + col] = sr >= 0 && sr < s && sc >= 0 && sc < s ? px[sr * s + sc] : -1;
            }
        }
        return out;
    }

    private static void ste(float[] w, float[] g) {
        for (int i = 0; i < w.length; i++) {
            if (Math.abs(w[i]) > 1) {
                g[i] = 0;
            }
        }
    }

    private static void clip(float[] w) {
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(-1, Math.min(1, w[i]));
        }
    }

    /** Runs {@code job(chunk)} for every chunk of a batch of {@code b} on the pool, in order. */
    private static void chunks(int b, ExecutorService pool, ChunkJob job) {
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CHUNKS; c++) {
            int from = c * b / CHUNKS;
            int to = (c + 1) * b / CHUNKS;
            int chunk = c;
            futures.add(pool.submit(() -> job.run(chunk, from, to)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @FunctionalInterface
    private interface ChunkJob {
        void run(int chunk, int from, int to);
    }

    /**
     * One binary layer: a 3 x 3 convolution with same padding (or, with side 1 and no im2col, a
     * fully connected layer), its batch norm, optional 2 x 2 max pooling, and the sign.
     */
    private static final class Layer {
        final int k;
        final int cout;
        final int side;
        final boolean conv;
        final boolean pool;
        final float[] w;
        final float[] wb;
        final float[] gamma;
        final float[] beta;
        final Adam wAdam;
        final Adam gAdam;
        final Adam bAdam;
        /** The im2col map, built on first use. */
        private int[] taps;
        // Forward state of the batch.
        float[][] cols;
        float[][] xhat;
        float[][] y;
        int[][] argmax;
        float[][] pooled;
        float[] invStd;
        // Gradients.
        final float[][] gw = new float[CHUNKS][];
        float[] gGamma;
        float[] gBeta;

        Layer(int k, int cout, int side, boolean conv, boolean pool, SplittableRandom rnd) {
            this.k = k;
            this.cout = cout;
            this.side = side;
            this.conv = conv;
            this.pool = pool;
            this.w = new float[cout * k];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rnd.nextDouble(-0.1, 0.1);
            }
            this.wb = new float[w.length];
            this.gamma = new float[cout];
            java.util.Arrays.fill(gamma, 1);
            this.beta = new float[cout];
            this.wAdam = new Adam(w.length);
            this.gAdam = new Adam(cout);
            this.bAdam = new Adam(cout);
        }

        int positions() {
            return side * side;
        }

        void binarise() {
            for (int i = 0; i < w.length; i++) {
                wb[i] = w[i] >= 0 ? 1 : -1;
            }
        }

        /**
         * For every entry of the position-major im2col matrix ([position][k]), the input it reads
         * ({@code channel * positions + y * side + x}), or -1 for padding outside the image. One
         * map serves the forward copy and the backward scatter.
         */
        int[] taps() {
            if (taps == null) {
                int p = positions();
                int cin = k / 9;
                int[] t = new int[p * k];
                for (int yy = 0; yy < side; yy++) {
                    for (int xx = 0; xx < side; xx++) {
                        int row = (yy * side + xx) * k;
                        for (int ci = 0; ci < cin; ci++) {
                            for (int dy = 0; dy < 3; dy++) {
                                int sy = yy + dy - 1;
                                for (int dx = 0; dx < 3; dx++) {
                                    int sx = xx + dx - 1;
                                    t[row + ci * 9 + dy * 3 + dx] =
                                            sy >= 0 && sy < side && sx >= 0 && sx < side ? ci * p + sy * side + sx : -1;
                                }
                            }
                        }
                    }
                }
                taps = t;
            }
            return taps;
        }

        /** im2col, position-major: [position][k], padding -1 (for the dense layer: x itself). */
        float[] columns(float[] x) {
            if (!conv) {
                return x;
            }
            int[] t = taps();
            float[] c = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                c[i] = t[i] < 0 ? -1 : x[t[i]];
            }
            return c;
        }

        /** Each output's binary weights as bit sets. */
        long[][] weightBits() {
            int words = (k + 63) / 64;
            long[][] bits = new long[cout][words];
            for (int co = 0; co < cout; co++) {
                for (int kk = 0; kk < k; kk++) {
                    if (wb[co * k + kk] > 0) {
                        bits[co][kk >>> 6] |= 1L << (kk & 63);
                    }
                }
            }
            return bits;
        }

        float[][] forward(float[][] x, ExecutorService exec) {
            int b = x.length;
            int p = positions();
            cols = new float[b][];
            float[][] a = new float[b][cout * p];
            long[][] wbits = weightBits();
            int words = (k + 63) / 64;
            chunks(b, exec, (chunk, from, to) -> {
                long[] xbits = new long[words];
                for (int s = from; s < to; s++) {
                    cols[s] = columns(x[s]);
                    float[] c = cols[s];
                    float[] as = a[s];
                    // Inputs and weights are +1/-1: the dot product is K - 2 popcount(w xor x).
                    for (int q = 0; q < p; q++) {
                        java.util.Arrays.fill(xbits, 0);
                        int row = q * k;
                        for (int kk = 0; kk < k; kk++) {
                            if (c[row + kk] > 0) {
                                xbits[kk >>> 6] |= 1L << (kk & 63);
                            }
                        }
                        for (int co = 0; co < cout; co++) {
                            long[] wv = wbits[co];
                            int differ = 0;
                            for (int i = 0; i < words; i++) {
                                differ += Long.bitCount(wv[i] ^ xbits[i]);
                            }
                            as[co * p + q] = k - 2 * differ;
                        }
                    }
                }
            });
            // Batch norm over the batch and the positions.
            int count = b * p;
            invStd = new float[cout];
            xhat = new float[b][cout * p];
            y = new float[b][cout * p];
            for (int co = 0; co < cout; co++) {
                double mean = 0;
                for (int s = 0; s < b; s++) {
                    for (int q = 0; q < p; q++) {
                        mean += a[s][co * p + q];
                    }
                }
                mean /= count;
                double var = 0;
                for (int s = 0; s < b; s++) {
                    for (int q = 0; q < p; q++) {
                        double d = a[s][co * p + q] - mean;
                        var += d * d;
                    }
                }
                float inv = (float) (1 / Math.sqrt(var / count + EPS));
                invStd[co] = inv;
                for (int s = 0; s < b; s++) {
                    for (int q = 0; q < p; q++) {
                        int i = co * p + q;
                        xhat[s][i] = (float) ((a[s][i] - mean) * inv);
                        y[s][i] = gamma[co] * xhat[s][i] + beta[co];
                    }
                }
            }
            // Pooling, then the sign.
            int ps = pool ? side / 2 : side;
            int pp = ps * ps;
            pooled = new float[b][cout * pp];
            argmax = pool ? new int[b][cout * pp] : null;
            float[][] next = new float[b][cout * pp];
            for (int s = 0; s < b; s++) {
                for (int co = 0; co < cout; co++) {
                    for (int q = 0; q < pp; q++) {
                        int src;
                        if (pool) {
                            int yy = (q / ps) * 2;
                            int xx = (q % ps) * 2;
                            src = co * p + yy * side + xx;
                            for (int d = 1; d < 4; d++) {
                                int cand = co * p + (yy + d / 2) * side + xx + d % 2;
                                if (y[s][cand] > y[s][src]) {
                                    src = cand;
                                }
                            }
                            argmax[s][co * pp + q] = src;
                        } else {
                            src = co * p + q;
                        }
                        float v = y[s][src];
                        pooled[s][co * pp + q] = v;
                        next[s][co * pp + q] = v >= 0 ? 1 : -1;
                    }
                }
            }
            return next;
        }

        /** Backward from the gradient on this layer's sign outputs; returns its inputs' gradient. */
        float[][] backward(float[][] gNext, boolean needInput, ExecutorService exec) {
            int b = gNext.length;
            int p = positions();
            int ps = pool ? side / 2 : side;
            int pp = ps * ps;
            float[][] gy = new float[b][cout * p];
            for (int s = 0; s < b; s++) {
                for (int i = 0; i < cout * pp; i++) {
                    float g = Math.abs(pooled[s][i]) <= 1 ? gNext[s][i] : 0;
                    gy[s][pool ? argmax[s][i] : i] += g;
                }
            }
            gGamma = new float[cout];
            gBeta = new float[cout];
            float[][] ga = new float[b][cout * p];
            int count = b * p;
            for (int co = 0; co < cout; co++) {
                double sg = 0;
                double sgx = 0;
                double dg = 0;
                double db = 0;
                for (int s = 0; s < b; s++) {
                    for (int q = 0; q < p; q++) {
                        int i = co * p + q;
                        dg += gy[s][i] * xhat[s][i];
                        db += gy[s][i];
                        double gx = gy[s][i] * gamma[co];
                        sg += gx;
                        sgx += gx * xhat[s][i];
                    }
                }
                gGamma[co] = (float) dg;
                gBeta[co] = (float) db;
                float inv = invStd[co];
                for (int s = 0; s < b; s++) {
                    for (int q = 0; q < p; q++) {
                        int i = co * p + q;
                        double gx = gy[s][i] * gamma[co];
                        ga[s][i] = (float) (inv / count * (count * gx - sg - xhat[s][i] * sgx));
                    }
                }
            }
            float[][] gx = needInput ? new float[b][] : null;
            chunks(b, exec, (chunk, from, to) -> {
                float[] g = new float[w.length];
                for (int s = from; s < to; s++) {
                    float[] gc = needInput ? new float[p * k] : null;
                    weightGradient(ga[s], cols[s], g);
                    if (gc != null) {
                        inputGradient(ga[s], gc);
                        gx[s] = conv ? col2im(gc) : gc;
                    }
                }
                gw[chunk] = g;
            });
            cols = null;
            return gx;
        }

        /** {@code g[co][kk] += sum_q ga[co][q] x[q][kk]}, {@code x} position-major. */
        void weightGradient(float[] ga, float[] x, float[] g) {
            int p = positions();
            for (int co = 0; co < cout; co++) {
                accumulate(g, co * k, x, ga, co * p, 1, p, k);
            }
        }

        /** {@code gc[q][kk] = sum_co ga[co][q] wb[co][kk]}, the gradient on the im2col inputs. */
        void inputGradient(float[] ga, float[] gc) {
            int p = positions();
            for (int q = 0; q < p; q++) {
                accumulate(gc, q * k, wb, ga, q, p, cout, k);
            }
        }

        /**
         * {@code out[ob + i] += sum_r c[c0 + r cs] m[r k + i]} for i below k and r below n: rows of
         * {@code m} four at a time, so that {@code out} is loaded and stored once per four
         * multiply-adds and the inner loop runs contiguously, which vectorises (a float reduction
         * would not).
         */
        private static void accumulate(float[] out, int ob, float[] m, float[] c, int c0, int cs, int n, int k) {
            int r = 0;
            for (; r + 4 <= n; r += 4) {
                float a0 = c[c0 + r * cs];
                float a1 = c[c0 + (r + 1) * cs];
                float a2 = c[c0 + (r + 2) * cs];
                float a3 = c[c0 + (r + 3) * cs];
                int m0 = r * k;
                int m1 = m0 + k;
                int m2 = m1 + k;
                int m3 = m2 + k;
                for (int i = 0; i < k; i++) {
                    out[ob + i] += a0 * m[m0 + i] + a1 * m[m1 + i] + a2 * m[m2 + i] + a3 * m[m3 + i];
                }
            }
            for (; r < n; r++) {
                float a0 = c[c0 + r * cs];
                int m0 = r * k;
                for (int i = 0; i < k; i++) {
                    out[ob + i] += a0 * m[m0 + i];
                }
            }
        }

        /** Adds the (position-major) im2col gradient back onto the input positions, padding dropped. */
        float[] col2im(float[] gc) {
            int[] t = taps();
            float[] g = new float[k / 9 * positions()];
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= 0) {
                    g[t[i]] += gc[i];
                }
            }
            return g;
        }

        void update(double lr) {
            float[] g = new float[w.length];
            for (float[] part : gw) {
                for (int i = 0; i < g.length; i++) {
                    g[i] += part[i];
                }
            }
            ste(w, g);
            wAdam.step(w, g, lr);
            clip(w);
            gAdam.step(gamma, gGamma, lr);
            bAdam.step(beta, gBeta, lr);
        }
    }
}
