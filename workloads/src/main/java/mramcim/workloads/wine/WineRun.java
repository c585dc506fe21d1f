package mramcim.workloads.wine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import mramcim.model.passive.array.PassiveArray;
import mramcim.model.passive.config.PassiveArrayConfig;
import mramcim.model.passive.programming.Programming;
import mramcim.results.Parallel;
import mramcim.results.Progress;

/**
 * {@code mramcim wine}: the experiment of seed 004 on the simulated passive array. Train the weight
 * solutions, program each into a fresh copy of one die (clear, write, read; Fig. 3(c)), and sweep
 * the accuracy on the 148 training samples and the RMS weight deviation (eq. (4)) over g_norm.
 */
public final class WineRun {

    /** Points of the g_norm sweep. */
    public static final int GRID_POINTS = 50;

    /**
     * The sweep spans these multiples of the estimate g_norm = mean(g_on) - mean(g_off) (eq. (3)).
     */
    public static final double GRID_LOW = 0.1;

    public static final double GRID_HIGH = 2.0;

    /**
     * @param diameterNm MTJ diameter (30, 40, 50, 60)
     * @param ideal the ideal model of seed 004 Fig. 6(c, d) instead of the fabricated array
     * @param solutions weight solutions (300 in the paper)
     * @param dieSeed seed of the die's device variation
     * @param threads worker threads
     */
    public record Options(int diameterNm, boolean ideal, int solutions, long dieSeed, int threads) {

        public Options {
            if (solutions < 1 || solutions > 10_000) {
                throw new IllegalArgumentException("--solutions = " + solutions + " is out of range: allowed 1..10000");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads = " + threads + " is out of range: allowed 1 or more");
            }
        }

        public PassiveArrayConfig config() {
            return ideal ? PassiveArrayConfig.ideal(diameterNm) : PassiveArrayConfig.goodwill2022(diameterNm);
        }
    }

    /** One programmed solution: its network, how programming went, and its sweep. */
    public record Solution(
            TernaryNetwork network,
            double softwareTrain,
            double softwareTest,
            Programming.Result programming,
            double[] trainAccuracy,
            double[] testAccuracy,
            double[] rmsDeviation) {}

    /**
     * @param grid g_norm values of the sweep, S
     * @param estimate g_norm = mean(g_on) - mean(g_off) of the write operation's reads (eq. (3)), S
     * @param candidates networks trained to find the solutions
     */
    public record Result(
            Options options,
            PassiveArray die,
            List<Solution> solutions,
            int candidates,
            double[] grid,
            double estimate,
            double trainSeconds,
            double programSeconds,
            WineData.Split data) {

        /** Training accuracy of every solution at the estimate. */
        public double[] atEstimate() {
            return accuracyAt(estimate);
        }

        /** Median over solutions of the training accuracy at each g_norm. */
        public double[] medianAccuracy() {
            return perPoint(Solution::trainAccuracy, 0.5);
        }

        /** Median over solutions of Delta_RMS at each g_norm. */
        public double[] medianRms() {
            return perPoint(Solution::rmsDeviation, 0.5);
        }

        /** Quantile q over solutions of metric at each g_norm. */
        public double[] perPoint(java.util.function.Function<Solution, double[]> metric, double q) {
            double[] out = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                int kk = k;
                out[k] = Stats.quantile(
                        solutions.stream().mapToDouble(s -> metric.apply(s)[kk]).toArray(), q);
            }
            return out;
        }

        /**
         * Index of the accuracy-optimal g_norm: highest median accuracy; a tie (the median moves in
         * steps of 1/148) goes to the higher mean accuracy, then to the smaller g_norm.
         */
        public int accuracyOptimum() {
            double[] med = medianAccuracy();
            double[] mean = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                int kk = k;
                mean[k] = solutions.stream()
                        .mapToDouble(s -> s.trainAccuracy()[kk])
                        .average()
                        .orElse(0);
            }
            int best = 0;
            for (int k = 1; k < grid.length; k++) {
                if (med[k] > med[best] || (med[k] == med[best] && mean[k] > mean[best])) {
                    best = k;
                }
            }
            return best;
        }

        /** Index of the g_norm with the smallest median Delta_RMS. */
        public int rmsOptimum() {
            double[] med = medianRms();
            int best = 0;
            for (int k = 1; k < grid.length; k++) {
                if (med[k] < med[best]) {
                    best = k;
                }
            }
            return best;
        }

        /**
         * xi_norm of seed 004 Fig. 6(f): g_norm at minimum RMS deviation over g_norm at maximum
         * accuracy.
         */
        public double xiNorm() {
            return grid[rmsOptimum()] / grid[accuracyOptimum()];
        }

        /**
         * Mean over solutions and over the nonzero weights of both layers of W (g_e - g_i), S: the
         * conductance difference the programmed pairs actually carry, to set beside the estimate.
         */
        public double meanPairDifference() {
            return Stats.mean(solutions.stream()
                    .flatMapToDouble(s -> {
                        double[][] g = s.programming().readBack();
                        return DoubleStream.concat(
                                Arrays.stream(
                                        GnormSweep.pairDifferences(s.network().w1(), WineLayout.deltaG1(g))),
                                Arrays.stream(
                                        GnormSweep.pairDifferences(s.network().w2(), WineLayout.deltaG2(g))));
                    })
                    .toArray());
        }

        /** Training accuracy of every solution at one g_norm (S). */
        public double[] accuracyAt(double gNorm) {
            double[] g = {gNorm};
            return solutions.stream()
                    .mapToDouble(s ->
                            GnormSweep.accuracy(s.network(), s.programming().readBack(), g, data.train())[0])
                    .toArray();
        }

        /** Mean share of devices in their target state. */
        public double writeAccuracy() {
            return solutions.stream()
                    .mapToDouble(s -> s.programming().writeAccuracy())
                    .average()
                    .orElse(0);
        }
    }

    private WineRun() {}

    /** Runs the experiment. */
    public static Result run(Options o, Progress progress) {
        WineData.Split data = WineData.load();
        long t0 = System.nanoTime();
        SolutionSet.Result set = SolutionSet.train(data, o.solutions(), o.threads(), progress);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        PassiveArrayConfig cfg = o.config();
        PassiveArray die = PassiveArray.fabricate(cfg, o.dieSeed());
        t0 = System.nanoTime();
        progress.phase("program", o.solutions());
        List<Integer> idx = IntStream.range(0, o.solutions()).boxed().toList();
        List<Programming.Result> programmed = Parallel.map(idx, o.threads(), "wine-program", k -> {
            Programming.Result r = Programming.program(
                    die.fresh(k), WineLayout.targets(set.networks().get(k), cfg.rows(), cfg.cols()));
            progress.step(1);
            return r;
        });
        // Eq. (3) from the on- and off-state reads of the write operation (seed 004 Fig. 4(c)).
        double on = Stats.mean(programmed.stream()
                .flatMapToDouble(p -> Arrays.stream(p.onReads()))
                .toArray());
        double off = Stats.mean(programmed.stream()
                .flatMapToDouble(p -> Arrays.stream(p.offReads()))
                .toArray());
        double estimate = on - off;
        double[] grid = new double[GRID_POINTS];
        for (int k = 0; k < GRID_POINTS; k++) {
            grid[k] = estimate * (GRID_LOW + (GRID_HIGH - GRID_LOW) * k / (GRID_POINTS - 1));
        }
        List<Solution> solutions = Parallel.map(idx, o.threads(), "wine-sweep", k -> {
            TernaryNetwork n = set.networks().get(k);
            double[][] g = programmed.get(k).readBack();
            return new Solution(
                    n,
                    n.accuracy(data.train()),
                    n.accuracy(data.test()),
                    programmed.get(k),
                    GnormSweep.accuracy(n, g, grid, data.train()),
                    GnormSweep.accuracy(n, g, grid, data.test()),
                    GnormSweep.rmsDeviation(n, g, grid));
        });
        double programSeconds = (System.nanoTime() - t0) / 1e9;
        progress.done();
        return new Result(
                o,
                die,
                new ArrayList<>(solutions),
                set.candidates(),
                grid,
                estimate,
                trainSeconds,
                programSeconds,
                data);
    }
}
