package mramcim.workloads.mnist;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import mramcim.workloads.Adam;
import mramcim.workloads.TrainingSchedule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Trains the binary perceptron in Java, seeded and single-threaded, so a seed gives the same
 * network bit for bit: latent real weights binarised by sign in the forward pass with the
 * straight-through estimator (gradient passed where |w| <= 1), sign hidden activations with the
 * hard-tanh STE, batch normalisation on the hidden pre-activations (folded afterwards into integer
 * thresholds), a learnable softmax temperature on the integer output scores, Adam, and random
 * one-pixel shifts of the training digits.
 */
public final class Trainer {

    /**
     * Training settings (assumed: what reaches the 92 % on 8,000 digits in well under a
     * minute on two cores).
     */
    public record Settings(int hidden, int epochs, int batch, double learningRate, long seed) {
        public Settings {
            if (hidden < 1 || epochs < 1 || batch < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("training settings out of range: hidden "
                        + hidden
                        + ", epochs "
                        + epochs
                        + ", batch "
                        + batch
                        + ", learning rate "
                        + learningRate);
            }
        }

        /** The network of seed 000: 128 hidden neurons. */
        public static Settings defaults(long seed) {
            return new Settings(128, 60, 100, 0.01, seed);
        }
    }

    private static final double EPS = 1e-5;

    private Trainer() {}

    /**
     * @param progress told once per epoch
     */
    public static BinaryMlp train(List<MnistData.Digit> data, Settings s, LongConsumer progress) {
        int in = MnistData.PIXELS;
        int hid = s.hidden();
        int cls = MnistData.CLASSES;
        SplittableRandom rnd = new SplittableRandom(s.seed());
        DMatrixRMaj w1 = new DMatrixRMaj(in, hid);
        DMatrixRMaj w2 = new DMatrixRMaj(hid, cls);
        for (int i = 0; i < w1.data.length; i++) {
            w1.data[i] = rnd.nextDouble(-0.1, 0.1);
        }
        for (int i = 0; i < w2.data.length; i++) {
            w2.data[i] = rnd.nextDouble(-0.1, 0.1);
        }
        double[] gamma = filled(hid, 1.0);
        double[] beta = new double[hid];
        double[] logS = {Math.log(0.1)};
        Adam aw1 = new Adam(w1.data.length);
        Adam aw2 = new Adam(w2.data.length);
        Adam ag = new Adam(hid);
        Adam ab = new Adam(hid);
        Adam as = new Adam(1);

        int n = data.size();
        int b = s.batch();
        DMatrixRMaj x = new DMatrixRMaj(b, in);
        DMatrixRMaj w1b = new DMatrixRMaj(in, hid);
        DMatrixRMaj w2b = new DMatrixRMaj(hid, cls);
        DMatrixRMaj a1 = new DMatrixRMaj(b, hid);
        DMatrixRMaj h = new DMatrixRMaj(b, hid);
        DMatrixRMaj a2 = new DMatrixRMaj(b, cls);
        DMatrixRMaj da2 = new DMatrixRMaj(b, cls);
        DMatrixRMaj dh = new DMatrixRMaj(b, hid);
        DMatrixRMaj da1 = new DMatrixRMaj(b, hid);
        DMatrixRMaj gw1 = new DMatrixRMaj(in, hid);
        DMatrixRMaj gw2 = new DMatrixRMaj(hid, cls);
        double[] xhat = new double[b * hid];
        double[] y = new double[b * hid];
        int steps = s.epochs() * (n / b);
        int step = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            int[] order = TrainingSchedule.shuffled(n, rnd);
            for (int start = 0; start + b <= n; start += b) {
                double lr = TrainingSchedule.cosine(s.learningRate(), step, steps);
                step++;
                int[] labels = new int[b];
                for (int r = 0; r < b; r++) {
                    MnistData.Digit d = data.get(order[start + r]);
                    labels[r] = d.label();
                    shifted(d.pixels(), rnd.nextInt(3) - 1, rnd.nextInt(3) - 1, x.data, r * in);
                }
                sign(w1, w1b);
                sign(w2, w2b);
                CommonOps_DDRM.mult(x, w1b, a1);
                // Batch normalisation with the batch's statistics, then sign.
                double[] invStd = new double[hid];
                for (int j = 0; j < hid; j++) {
                    double mean = 0;
                    for (int r = 0; r < b; r++) {
                        mean += a1.data[r * hid + j];
                    }
                    mean /= b;
                    double var = 0;
                    for (int r = 0; r < b; r++) {
                        double dv = a1.data[r * hid + j] - mean;
                        var += dv * dv;
                    }
                    invStd[j] = 1 / Math.sqrt(var / b + EPS);
                    for (int r = 0; r < b; r++) {
                        int k = r * hid + j;
                        xhat[k] = (a1.data[k] - mean) * invStd[j];
                        y[k] = gamma[j] * xhat[k] + beta[j];
                        h.data[k] = y[k] >= 0 ? 1 : -1;
                    }
                }
                CommonOps_DDRM.mult(h, w2b, a2);
                double scale = Math.exp(logS[0]);
                double dScale = 0;
                for (int r = 0; r < b; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < cls; k++) {
                        max = Math.max(max, scale * a2.data[r * cls + k]);
                    }
                    double sum = 0;
                    double[] p = new double[cls];
                    for (int k = 0; k < cls; k++) {
                        p[k] = Math.exp(scale * a2.data[r * cls + k] - max);
                        sum += p[k];
                    }
                    for (int k = 0; k < cls; k++) {
                        double g = (p[k] / sum - (k == labels[r] ? 1 : 0)) / b;
                        dScale += g * a2.data[r * cls + k];
                        da2.data[r * cls + k] = g * scale;
                    }
                }
                CommonOps_DDRM.multTransA(h, da2, gw2);
                CommonOps_DDRM.multTransB(da2, w2b, dh);
                double[] dGamma = new double[hid];
                double[] dBeta = new double[hid];
                for (int j = 0; j < hid; j++) {
                    double sumDx = 0;
                    double sumDxX = 0;
                    for (int r = 0; r < b; r++) {
                        int k = r * hid + j;
                        double dy = Math.abs(y[k]) <= 1 ? dh.data[k] : 0;
                        dGamma[j] += dy * xhat[k];
                        dBeta[j] += dy;
                        double dx = dy * gamma[j];
                        da1.data[k] = dx;
                        sumDx += dx;
                        sumDxX += dx * xhat[k];
                    }
                    for (int r = 0; r < b; r++) {
                        int k = r * hid + j;
                        da1.data[k] = invStd[j] / b * (b * da1.data[k] - sumDx - xhat[k] * sumDxX);
                    }
                }
                CommonOps_DDRM.multTransA(x, da1, gw1);
                ste(w1, gw1);
                ste(w2, gw2);
                aw1.step(w1.data, gw1.data, lr);
                aw2.step(w2.data, gw2.data, lr);
                ag.step(gamma, dGamma, lr);
                ab.step(beta, dBeta, lr);
                as.step(logS, new double[] {dScale * scale}, lr);
                clip(w1.data);
                clip(w2.data);
            }
            progress.accept(1);
        }
        return fold(data, w1, w2, gamma, beta);
    }

    /**
     * Binary weights, and the batch norm folded into integer thresholds with the training set's
     * exact statistics.
     */
    private static BinaryMlp fold(
            List<MnistData.Digit> data, DMatrixRMaj w1, DMatrixRMaj w2, double[] gamma, double[] beta) {
        int in = w1.numRows;
        int hid = w1.numCols;
        int cls = w2.numCols;
        byte[][] b1 = new byte[in][hid];
        byte[][] b2 = new byte[hid][cls];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < hid; j++) {
                b1[i][j] = w1.get(i, j) >= 0 ? (byte) 1 : (byte) -1;
            }
        }
        for (int j = 0; j < hid; j++) {
            for (int k = 0; k < cls; k++) {
                b2[j][k] = w2.get(j, k) >= 0 ? (byte) 1 : (byte) -1;
            }
        }
        BinaryMlp net = new BinaryMlp(in, hid, cls, b1, new int[hid], new int[hid], b2);
        double[] sum = new double[hid];
        double[] sumSq = new double[hid];
        for (MnistData.Digit d : data) {
            int[] a = net.hiddenPreActivation(d.pixels());
            for (int j = 0; j < hid; j++) {
                sum[j] += a[j];
                sumSq[j] += (double) a[j] * a[j];
            }
        }
        int[] threshold = new int[hid];
        int[] direction = new int[hid];
        for (int j = 0; j < hid; j++) {
            double mean = sum[j] / data.size();
            double std = Math.sqrt(Math.max(0, sumSq[j] / data.size() - mean * mean) + EPS);
            // gamma (a - mean) / std + beta >= 0  <=>  a >= t (gamma > 0) or a <= t (gamma < 0), t
            // = mean - beta std / gamma.
            double t = mean - beta[j] * std / (gamma[j] == 0 ? 1e-12 : gamma[j]);
            direction[j] = gamma[j] >= 0 ? 1 : -1;
            threshold[j] = (int) Math.max(-in - 1, Math.min(in + 1, direction[j] > 0 ? Math.ceil(t) : Math.floor(t)));
        }
        return new BinaryMlp(in, hid, cls, b1, threshold, direction, b2);
    }

    /**
     * A digit moved by (dx, dy) pixels, background (-1) filled in, written at {@code
     * out[off..off+784)}.
     */
    static void shifted(byte[] px, int dx, int dy, double[] out, int off) {
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int sr = r - dy;
                int sc = c - dx;
                out[off + r * 28 + c] = sr >= 0 && sr < 28 && sc >= 0 && sc < 28 ? px[sr * 28 + sc] : -1;
            }
        }
    }

    private static void sign(DMatrixRMaj w, DMatrixRMaj out) {
        for (int i = 0; i < w.data.length; i++) {
            out.data[i] = w.data[i] >= 0 ? 1 : -1;
        }
    }

    private static void ste(DMatrixRMaj w, DMatrixRMaj g) {
        for (int i = 0; i < w.data.length; i++) {
            if (Math.abs(w.data[i]) > 1) {
                g.data[i] = 0;
            }
        }
    }

    private static void clip(double[] w) {
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(-1, Math.min(1, w[i]));
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
