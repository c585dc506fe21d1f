package mramcim.run;

import java.util.List;
import java.util.Map;
import mramcim.coverage.Coverage;

/**
 * Everything a regression (or a merge of shards) found, in the form written to
 * {@code summary.json} and read back by {@code mramcim merge}.
 *
 * @param shard    "I/N" of the run, or "merged" for a merge
 * @param coverage coverpoint -> bin -> hits, over every seed
 */
public record RegressionSummary(String preset, int rows, int cols, long cyclesPerSeed, String netlist, String shard,
                                int jobs, boolean interrupted, double wallSeconds, int seedsRun, int passed, int failed,
                                int notRun, long cycles, List<SeedResult> seeds,
                                Map<String, Map<String, Long>> coverage) {

    /**
     * One seed's outcome.
     *
     * @param status    PASS, FAIL, or NOT_RUN (stopped before or during it)
     * @param divergence the first divergence in one line, or null
     * @param replay    the command that replays the seed, or null
     * @param waves     waveform files of a failure, relative to the output directory
     */
    public record SeedResult(long seed, String status, long cycles, long commands, long resets, double seconds,
                             String divergence, List<String> lastCommands, String replay, List<String> waves,
                             Map<String, Map<String, Long>> coverage) {

        static SeedResult of(long seed, CosimRun.Options o, CosimRun.Result r, List<String> waves, Coverage cov) {
            String status = !r.passed() ? "FAIL" : r.stopped() ? "NOT_RUN" : "PASS";
            return new SeedResult(seed, status, r.cycles(), r.commands(), r.resets(), r.seconds(),
                    r.passed() ? null : r.first().summary(), r.passed() ? List.of() : r.first().lastCommands(),
                    r.passed() ? null : o.replayCommand(), waves, cov.points());
        }

        static SeedResult notRun(long seed, Coverage empty) {
            return new SeedResult(seed, "NOT_RUN", 0, 0, 0, 0, null, List.of(), null, List.of(), empty.points());
        }

        public boolean failed() {
            return status.equals("FAIL");
        }

        /** The same result without its per-seed coverage (the summary keeps only the total). */
        SeedResult withoutCoverage() {
            return new SeedResult(seed, status, cycles, commands, resets, seconds, divergence, lastCommands, replay, waves, null);
        }
    }

    static RegressionSummary of(Regression.Options o, List<SeedResult> results, Coverage total, boolean interrupted,
                                double wall) {
        return build(o.preset(), o.config().rows(), o.config().cols(), o.cycles(),
                o.verilog() == null ? "generated" : o.verilog().toString(), o.shard(), o.jobs(), interrupted, wall,
                results.stream().map(SeedResult::withoutCoverage).toList(), total);
    }

    /** A summary whose totals are counted from {@code seeds}. */
    static RegressionSummary build(String preset, int rows, int cols, long cyclesPerSeed, String netlist, String shard,
                                   int jobs, boolean interrupted, double wall, List<SeedResult> seeds, Coverage total) {
        int passed = (int) seeds.stream().filter(s -> s.status().equals("PASS")).count();
        int failed = (int) seeds.stream().filter(SeedResult::failed).count();
        int notRun = seeds.size() - passed - failed;
        long cycles = seeds.stream().mapToLong(SeedResult::cycles).sum();
        return new RegressionSummary(preset, rows, cols, cyclesPerSeed, netlist, shard, jobs, interrupted || notRun > 0,
                wall, passed + failed, passed, failed, notRun, cycles, seeds, total.points());
    }

    /** True when every seed ran and passed. */
    public boolean allPassed() {
        return failed == 0 && notRun == 0;
    }

    /** The total coverage. */
    public Coverage totalCoverage() {
        return Coverage.of(coverage);
    }
}
