package mramcim.workloads;

import java.util.SplittableRandom;

/**
 * What both trainers of the workloads share about the order of their steps: a fresh random order
 * of the training samples every epoch, and the cosine decay of the learning rate over all steps.
 */
public final class TrainingSchedule {

    private TrainingSchedule() {}

    /**
     * The samples 0..n-1 in a random order (Fisher-Yates, drawing {@code nextInt(i + 1)} from i =
     * n - 1 down, so that a seed gives the same order as it always has).
     */
    public static int[] shuffled(int n, SplittableRandom rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The learning rate at {@code step} of {@code steps}: {@code lr0 (1 + cos(pi step / steps)) / 2}. */
    public static double cosine(double lr0, long step, long steps) {
        return lr0 * 0.5 * (1 + Math.cos(Math.PI * step / steps));
    }
}
