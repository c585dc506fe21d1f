package mramcim.workloads.wine;

import java.util.ArrayList;
import java.util.List;
import mramcim.results.Parallel;
import mramcim.results.Progress;

/**
 * The 300 weight solutions of seed 004: networks trained from consecutive seeds, each kept only if
 * its software accuracy reaches what the paper reports for all of its solutions ("All weight matrix
 * solutions trained offline in software achieved a simulated accuracy above 96 % on the training
 * dataset and 95 % on the test dataset", seed 004 II.A). Candidates are trained in batches in
 * parallel and accepted in seed order, so the set depends only on the count.
 */
public final class SolutionSet {

    /** Software accuracy on the 148 training samples a solution must reach. */
    public static final double MIN_TRAIN_ACCURACY = 0.96;

    /** Software accuracy on the 30 test samples a solution must reach. */
    public static final double MIN_TEST_ACCURACY = 0.95;

    /** First training seed. */
    public static final long FIRST_SEED = 1;

    /** Candidates tried before giving up, per solution asked for. */
    public static final int MAX_CANDIDATES_PER_SOLUTION = 20;

    /** Candidates trained per batch and thread (enough work per batch to keep the threads busy). */
    private static final int BATCH_PER_THREAD = 8;

    /** The accepted networks and how many candidates were trained to find them. */
    public record Result(List<TernaryNetwork> networks, int candidates) {}

    private SolutionSet() {}

    /** Trains candidates until {@code count} solutions are accepted. */
    public static Result train(WineData.Split data, int count, int threads, Progress progress) {
        progress.phase("train", count);
        List<TernaryNetwork> accepted = new ArrayList<>();
        long next = FIRST_SEED;
        int tried = 0;
        int batch = threads * BATCH_PER_THREAD;
        while (accepted.size() < count) {
            if (tried >= (long) MAX_CANDIDATES_PER_SOLUTION * count) {
                throw new IllegalStateException("only "
                        + accepted.size()
                        + " of "
                        + tried
                        + " trained networks reach "
                        + (100 * MIN_TRAIN_ACCURACY)
                        + " % train / "
                        + (100 * MIN_TEST_ACCURACY)
                        + " % test accuracy; "
                        + count
                        + " were asked for");
            }
            List<Long> seeds = new ArrayList<>();
            for (int k = 0; k < batch; k++) {
                seeds.add(next++);
            }
            List<TernaryNetwork> nets =
                    Parallel.map(seeds, threads, "wine-train", s -> TernaryTrainer.train(data.train(), s));
            for (TernaryNetwork n : nets) {
                if (accepted.size() == count) {
                    break;
                }
                tried++;
                if (n.accuracy(data.train()) >= MIN_TRAIN_ACCURACY && n.accuracy(data.test()) >= MIN_TEST_ACCURACY) {
                    accepted.add(n);
                    progress.step(1);
                }
            }
        }
        return new Result(List.copyOf(accepted), tried);
    }
}
