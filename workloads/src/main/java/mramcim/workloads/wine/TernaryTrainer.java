package mramcim.workloads.wine;

import java.util.List;
import java.util.Random;

/**
 * Offline training of one ternary 13-6-3 network (seed 004 II.A: "Network training was performed
 * offline"): real latent weights, ternarised in the forward pass (|w| > {@link #THRESHOLD} gives
 * sign(w), else 0), the straight-through estimator for the gradient, softmax cross-entropy, Adam,
 * full batch over the 148 training samples. The seed draws the initial latent weights, so 300 seeds
 * give 300 different weight solutions, as in the paper.
 */
public final class TernaryTrainer {

    /** Latent magnitude above which a weight is +-1. */
    public static final double THRESHOLD = 0.5;

    /** Latent weights are kept in [-CLIP, CLIP] (straight-through estimator's range). */
    public static final double CLIP = 1.0;

    public static final int EPOCHS = 300;
    public static final double LEARNING_RATE = 0.02;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private TernaryTrainer() {}

    /** Trains the network of {@code seed} on {@code train}. */
    public static TernaryNetwork train(List<WineData.Sample> train, long seed) {
        int in = TernaryNetwork.INPUTS;
        int hid = TernaryNetwork.HIDDEN;
        int out = TernaryNetwork.OUTPUTS;
        Random r = new Random(seed);
        double[] p = new double[in * hid + hid + hid * out + out]; // latent w1, b1, latent w2, b2
        int ob1 = in * hid;
        int ow2 = ob1 + hid;
        int ob2 = ow2 + hid * out;
        for (int k = 0; k < ob1; k++) {
            p[k] = (2 * r.nextDouble() - 1) * CLIP;
        }
        for (int k = ow2; k < ob2; k++) {
            p[k] = (2 * r.nextDouble() - 1) * CLIP;
        }
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        double[] grad = new double[p.length];
        double[] z = new double[hid];
        double[] a = new double[hid];
        double[] y = new double[out];
        double[] dz = new double[hid];
        double n = train.size();
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            java.util.Arrays.fill(grad, 0);
            for (WineData.Sample s : train) {
                double[] x = s.features();
                for (int h = 0; h < hid; h++) {
                    double acc = p[ob1 + h];
                    for (int i = 0; i < in; i++) {
                        acc += x[i] * ternary(p[i * hid + h]);
                    }
                    z[h] = acc;
                    a[h] = Math.tanh(acc);
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < out; k++) {
                    double acc = p[ob2 + k];
                    for (int h = 0; h < hid; h++) {
                        acc += a[h] * ternary(p[ow2 + h * out + k]);
                    }
                    y[k] = acc;
                    max = Math.max(max, acc);
                }
                double sum = 0;
                for (int k = 0; k < out; k++) {
                    y[k] = Math.exp(y[k] - max);
                    sum += y[k];
                }
                java.util.Arrays.fill(dz, 0);
                for (int k = 0; k < out; k++) {
                    double dy = (y[k] / sum - (k == s.label() ? 1 : 0)) / n;
                    grad[ob2 + k] += dy;
                    for (int h = 0; h < hid; h++) {
                        grad[ow2 + h * out + k] += a[h] * dy;
                        dz[h] += ternary(p[ow2 + h * out + k]) * dy;
                    }
                }
                for (int h = 0; h < hid; h++) {
                    double d = dz[h] * (1 - a[h] * a[h]);
                    grad[ob1 + h] += d;
                    for (int i = 0; i < in; i++) {
                        grad[i * hid + h] += x[i] * d;
                    }
                }
            }
            double c1 = 1 - Math.pow(BETA1, epoch);
            double c2 = 1 - Math.pow(BETA2, epoch);
            for (int k = 0; k < p.length; k++) {
                m[k] = BETA1 * m[k] + (1 - BETA1) * grad[k];
                v[k] = BETA2 * v[k] + (1 - BETA2) * grad[k] * grad[k];
                p[k] -= LEARNING_RATE * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPS);
                boolean latent = k < ob1 || (k >= ow2 && k < ob2);
                if (latent) {
                    p[k] = Math.max(-CLIP, Math.min(CLIP, p[k]));
                }
            }
        }
        int[][] w1 = new int[in][hid];
        int[][] w2 = new int[hid][out];
        double[] b1 = new double[hid];
        double[] b2 = new double[out];
        for (int i = 0; i < in; i++) {
            for (int h = 0; h < hid; h++) {
                w1[i][h] = ternary(p[i * hid + h]);
            }
        }
        for (int h = 0; h < hid; h++) {
            b1[h] = p[ob1 + h];
            for (int k = 0; k < out; k++) {
                w2[h][k] = ternary(p[ow2 + h * out + k]);
            }
        }
        System.arraycopy(p, ob2, b2, 0, out);
        return new TernaryNetwork(w1, b1, w2, b2, seed);
    }

    static int ternary(double w) {
        return w > THRESHOLD ? 1 : w < -THRESHOLD ? -1 : 0;
    }
}
