package mramcim.verification.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mramcim.verification.coverage.CodeCoverage;
import mramcim.verification.coverage.Coverage;
import mramcim.verification.coverage.MutationScore;

/**
 * Everything a regression (or a merge of shards) found, in the form written to {@code summary.json}
 * and read back by {@code mramcim merge}.
 *
 * @param format {@value #FORMAT}: the version of this file format
 * @param verdict the run's verdict; {@link Verdict#RUNNING} in the file written at the start
 * @param firstSeed the regression's first seed (all shards together)
 * @param seedCount the regression's number of seeds (all shards together)
 * @param shardIndex this shard (1-based), or 0 for a merge of shards
 * @param shardCount the number of shards the seeds were split into
 * @param shard "I/N", or what a merge joined ("merged 1/2, 2/2")
 * @param coverage coverpoint -> bin -> hits, over every seed
 * @param codeCoverage RTL line and toggle coverage over every seed ({@code --code-coverage}), or
 *     null
 * @param mutation the last mutation campaign's score, quoted beside the coverage, or null when none
 *     was found
 * @param directed the corpus's directed traces, run before the seeds (in a merge: every shard's)
 */
public record RegressionSummary(
        String format,
        Verdict verdict,
        String preset,
        int rows,
        int cols,
        long cyclesPerSeed,
        String netlist,
        long firstSeed,
        long seedCount,
        int shardIndex,
        int shardCount,
        String shard,
        int jobs,
        boolean interrupted,
        double wallSeconds,
        int seedsRun,
        int passed,
        int failed,
        int crashed,
        int timedOut,
        int notRun,
        long cycles,
        List<SeedResult> seeds,
        Map<String, Map<String, Long>> coverage,
        CodeCoverage.Summary codeCoverage,
        MutationScore mutation,
        List<DirectedResult> directed) {

    /**
     * The format id of {@code summary.json}; changing it is a visible, tested decision (3: the
     * directed traces of the corpus).
     */
    public static final String FORMAT = "mramcim-regress-summary/3";

    public RegressionSummary {
        directed = directed == null ? List.of() : List.copyOf(directed);
    }

    static RegressionSummary of(
            Regression.Options o,
            List<SeedResult> results,
            List<DirectedResult> directed,
            Coverage total,
            CodeCoverage.Summary code,
            boolean interrupted,
            double wall) {
        return build(
                        o.preset(),
                        o.config().rows(),
                        o.config().cols(),
                        o.cycles(),
                        netlist(o),
                        o.shard(),
                        o.shard().label(),
                        o.jobs(),
                        interrupted,
                        wall,
                        results.stream().map(SeedResult::withoutCoverage).toList(),
                        total,
                        false)
                .withCodeCoverage(code)
                .withDirected(directed);
    }

    /**
     * What {@code summary.json} says while the run has not ended: verdict RUNNING, every seed
     * unfinished. A run that is killed leaves exactly this behind, never an older PASS.
     */
    static RegressionSummary running(Regression.Options o, Coverage empty) {
        List<SeedResult> seeds = new ArrayList<>();
        for (long s : o.seeds()) {
            seeds.add(SeedResult.unfinished(
                    s,
                    SeedStatus.NOT_RUN,
                    Cause.UNFINISHED,
                    "the run has not finished (it is running, or it was killed)",
                    0,
                    0,
                    null,
                    List.of(),
                    null));
        }
        return build(
                o.preset(),
                o.config().rows(),
                o.config().cols(),
                o.cycles(),
                netlist(o),
                o.shard(),
                o.shard().label(),
                o.jobs(),
                false,
                0,
                seeds,
                empty,
                true);
    }

    private static String netlist(Regression.Options o) {
        return o.seed(o.seeds().get(0)).netlist();
    }

    /**
     * A summary whose totals are counted from {@code seeds}; {@code running} marks the start-of-run
     * file.
     */
    static RegressionSummary build(
            String preset,
            int rows,
            int cols,
            long cyclesPerSeed,
            String netlist,
            Shard split,
            String shardLabel,
            int jobs,
            boolean interrupted,
            double wall,
            List<SeedResult> seeds,
            Coverage total,
            boolean running) {
        int passed = count(seeds, SeedStatus.PASS);
        int failed = count(seeds, SeedStatus.FAIL);
        int crashed = count(seeds, SeedStatus.CRASHED);
        int timedOut = count(seeds, SeedStatus.TIMEOUT);
        int notRun = count(seeds, SeedStatus.NOT_RUN);
        long cycles = seeds.stream().mapToLong(SeedResult::cycles).sum();
        Verdict verdict = running
                ? Verdict.RUNNING
                : Verdict.of(seeds.stream().map(SeedResult::status).toList());
        return new RegressionSummary(
                FORMAT,
                verdict,
                preset,
                rows,
                cols,
                cyclesPerSeed,
                netlist,
                split.firstSeed(),
                split.seedCount(),
                split.index(),
                split.of(),
                shardLabel,
                jobs,
                interrupted || notRun > 0,
                wall,
                seeds.size() - notRun,
                passed,
                failed,
                crashed,
                timedOut,
                notRun,
                cycles,
                seeds,
                total.points(),
                null,
                null,
                List.of());
    }

    /** This summary with its RTL code coverage. */
    public RegressionSummary withCodeCoverage(CodeCoverage.Summary code) {
        return with(seeds, code, mutation, directed, verdict);
    }

    /** This summary quoting the last mutation campaign's score (null: none found). */
    public RegressionSummary withMutation(MutationScore m) {
        return with(seeds, codeCoverage, m, directed, verdict);
    }

    /**
     * This summary with the corpus's directed traces; one that failed makes a passing verdict FAIL
     * (a crash or an unfinished run keeps its own verdict).
     */
    public RegressionSummary withDirected(List<DirectedResult> d) {
        Verdict v = verdict;
        if (d.stream().anyMatch(DirectedResult::failed) && v == Verdict.PASS) {
            v = Verdict.FAIL;
        }
        return with(seeds, codeCoverage, mutation, d, v);
    }

    private RegressionSummary with(
            List<SeedResult> seeds,
            CodeCoverage.Summary codeCoverage,
            MutationScore mutation,
            List<DirectedResult> directed,
            Verdict verdict) {
        return new RegressionSummary(
                format,
                verdict,
                preset,
                rows,
                cols,
                cyclesPerSeed,
                netlist,
                firstSeed,
                seedCount,
                shardIndex,
                shardCount,
                shard,
                jobs,
                interrupted,
                wallSeconds,
                seedsRun,
                passed,
                failed,
                crashed,
                timedOut,
                notRun,
                cycles,
                seeds,
                coverage,
                codeCoverage,
                mutation,
                directed);
    }

    /**
     * This summary as seen from directory {@code to}: every file a seed names (relative to {@code
     * from}, the directory the run wrote) made relative to {@code to}, so that the reports written
     * there link and inline them (a merge, the report of a Slurm run).
     */
    public RegressionSummary relocated(java.nio.file.Path from, java.nio.file.Path to) {
        java.nio.file.Path f = from.toAbsolutePath().normalize();
        java.nio.file.Path t = to.toAbsolutePath().normalize();
        java.util.function.UnaryOperator<String> rename =
                p -> t.relativize(f.resolve(p)).toString();
        return with(
                seeds.stream().map(r -> r.withFiles(rename)).toList(),
                codeCoverage,
                mutation,
                directed.stream()
                        .map(d -> d.result() == null
                                ? d
                                : new DirectedResult(
                                        d.name(), d.file(), d.result().withFiles(rename), null))
                        .toList(),
                verdict);
    }

    private static int count(List<SeedResult> seeds, SeedStatus s) {
        return (int) seeds.stream().filter(r -> r.status() == s).count();
    }

    /** True when every seed ran and passed. */
    public boolean allPassed() {
        return verdict == Verdict.PASS;
    }

    /** The total coverage. */
    public Coverage totalCoverage() {
        return Coverage.of(coverage);
    }
}
