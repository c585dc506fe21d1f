package mramcim.verification.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import mramcim.verification.coverage.Coverage;

/**
 * Joins the summaries of the shards of one regression ({@code mramcim merge}). Every part must come
 * from the same regression (preset, size, cycles per seed, netlist, seed range, shard count), each
 * shard at most once and holding exactly its seeds. Shards that are missing, or whose run did not
 * finish, leave their seeds NOT_RUN: the merge is INCOMPLETE and says which shards to run again,
 * never a PASS of part of the seeds.
 */
public final class ShardMerge {

    private ShardMerge() {}

    /** One summary and where it came from (for messages). */
    public record Part(Path source, RegressionSummary summary) {}

    /**
     * The merged summary, with every seed's files named relative to {@code out}, the merge's output
     * directory (each part's files are relative to its own directory: the source, or the directory
     * of the summary file).
     */
    public static RegressionSummary merge(List<Part> parts, Path out) {
        List<Part> moved = parts.stream()
                .map(p -> new Part(
                        p.source(),
                        p.summary()
                                .relocated(
                                        java.nio.file.Files.isDirectory(p.source())
                                                ? p.source()
                                                : p.source().toAbsolutePath().getParent(),
                                        out)))
                .toList();
        return merge(moved);
    }

    /** The merged summary. */
    public static RegressionSummary merge(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("merge: no summaries given");
        }
        RegressionSummary a = parts.get(0).summary();
        Map<Integer, Part> byShard = new TreeMap<>();
        for (Part p : parts) {
            RegressionSummary s = p.summary();
            same(p, parts.get(0), "preset", RegressionSummary::preset);
            same(p, parts.get(0), "size", x -> x.rows() + "x" + x.cols());
            same(p, parts.get(0), "cycles per seed", RegressionSummary::cyclesPerSeed);
            same(p, parts.get(0), "netlist", RegressionSummary::netlist);
            same(p, parts.get(0), "seed range", x -> x.firstSeed() + ".." + (x.firstSeed() + x.seedCount() - 1));
            same(p, parts.get(0), "shard count", RegressionSummary::shardCount);
            if (s.verdict() != Verdict.RUNNING && a.verdict() != Verdict.RUNNING) {
                same(p, parts.get(0), "with code coverage", x -> x.codeCoverage() != null);
            }
            Shard shard = new Shard(s.firstSeed(), s.seedCount(), s.shardIndex(), s.shardCount());
            Part twice = byShard.put(shard.index(), p);
            if (twice != null) {
                throw new IllegalArgumentException("merge: shard "
                        + shard.label()
                        + " is given twice ("
                        + twice.source()
                        + " and "
                        + p.source()
                        + "): give each shard once");
            }
            List<Long> held = s.seeds().stream().map(SeedResult::seed).toList();
            if (!held.equals(shard.seeds())) {
                throw new IllegalArgumentException("merge: "
                        + p.source()
                        + " says it is shard "
                        + shard.label()
                        + " but holds seeds "
                        + abbreviate(held)
                        + " instead of "
                        + abbreviate(shard.seeds())
                        + ": it is not an unaltered shard summary");
            }
        }
        Shard whole = Shard.whole(a.firstSeed(), a.seedCount());
        List<SeedResult> seeds = new ArrayList<>();
        List<DirectedResult> directed = new ArrayList<>();
        Coverage total = Coverage.of(a.coverage()).copy();
        double wall = 0;
        boolean interrupted = false;
        int jobs = 0;
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= a.shardCount(); i++) {
            Part p = byShard.get(i);
            Shard shard = new Shard(a.firstSeed(), a.seedCount(), i, a.shardCount());
            if (p == null) {
                missing.add(shard.label());
                for (long seed : shard.seeds()) {
                    seeds.add(SeedResult.unfinished(
                            seed,
                            SeedStatus.NOT_RUN,
                            Cause.MISSING_SHARD,
                            "shard "
                                    + shard.label()
                                    + " is missing from the merge: run it (regress --shard "
                                    + shard.label()
                                    + ") and merge again",
                            0,
                            0,
                            null,
                            List.of(),
                            null));
                }
                continue;
            }
            RegressionSummary s = p.summary();
            present.add(shard.label() + (s.verdict() == Verdict.RUNNING ? " (unfinished)" : ""));
            seeds.addAll(s.seeds());
            directed.addAll(s.directed());
            if (p != parts.get(0)) {
                total.merge(Coverage.of(s.coverage()));
            }
            wall = Math.max(wall, s.wallSeconds());
            interrupted |= s.interrupted() || s.verdict() == Verdict.RUNNING;
            jobs += s.jobs();
        }
        seeds.sort(Comparator.comparingLong(SeedResult::seed));
        String label = "merged "
                + String.join(", ", present)
                + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing));
        return RegressionSummary.build(
                        a.preset(),
                        a.rows(),
                        a.cols(),
                        a.cyclesPerSeed(),
                        a.netlist(),
                        whole,
                        label,
                        jobs,
                        interrupted,
                        wall,
                        seeds,
                        total,
                        false)
                .withDirected(directed);
    }

    private static void same(Part p, Part first, String what, Function<RegressionSummary, Object> f) {
        Object mine = f.apply(p.summary());
        Object theirs = f.apply(first.summary());
        if (!mine.equals(theirs)) {
            throw new IllegalArgumentException("merge: "
                    + p.source()
                    + " ran "
                    + what
                    + " "
                    + mine
                    + " but "
                    + first.source()
                    + " ran "
                    + theirs
                    + ": only shards of one regression can be merged");
        }
    }

    private static String abbreviate(List<Long> seeds) {
        return seeds.size() <= 6 ? seeds.toString() : seeds.subList(0, 6) + "... (" + seeds.size() + ")";
    }
}
