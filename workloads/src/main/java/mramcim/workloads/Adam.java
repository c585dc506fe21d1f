package mramcim.workloads;

/**
 * Adam (Kingma and Ba) for one parameter array, with the usual constants (beta1 0.9, beta2 0.999,
 * epsilon 1e-8): the optimiser of both trainers of the workloads.
 */
public final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int n) {
        m = new double[n];
        v = new double[n];
    }

    /** One step of {@code p} along the gradient {@code g} at learning rate {@code lr}. */
    public void step(double[] p, double[] g, double lr) {
        t++;
        for (int i = 0; i < p.length; i++) {
            p[i] -= delta(i, g[i], lr);
        }
    }

    /** As {@link #step(double[], double[], double)} for float parameters. */
    public void step(float[] p, float[] g, double lr) {
        t++;
        for (int i = 0; i < p.length; i++) {
            p[i] -= (float) delta(i, g[i], lr);
        }
    }

    private double delta(int i, double g, double lr) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * g;
        v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        return lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
    }
}
