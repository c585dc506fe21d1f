package mramcim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import mramcim.cosim.verilator.NativeBuilder;
import mramcim.results.OutputDir;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.regression.Regression;
import mramcim.verification.regression.RegressionReport;
import mramcim.verification.regression.RegressionSummary;
import mramcim.verification.slurm.SlurmRegression;
import mramcim.verification.trace.Corpus;

/** {@code regress --scheduler slurm}: submit the shards as an array job, follow it, report the merge. */
final class SlurmRun {

    /** How often the submission asks squeue, ms. */
    static final long POLL_MILLIS = 2000;

    /** Heap of each task's JVM (one regression shard: its supervisor; workers have their own). */
    static final String TASK_HEAP = "-Xmx4g";

    /** Worker processes per task when --jobs is not given. */
    static final int DEFAULT_JOBS_PER_TASK = 1;

    private SlurmRun() {}

    /** The java command a task runs: this JVM's java, class path and the cache and corpus properties. */
    static List<String> jvm() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TASK_HEAP,
                "-Djava.awt.headless=true",
                "-D" + NativeBuilder.CACHE_PROPERTY + "=" + NativeBuilder.defaultCache(),
                "-D" + Corpus.PROPERTY + "=" + Corpus.defaultDir(),
                "-cp",
                System.getProperty("java.class.path"));
    }

    /**
     * Submits (or, with --rerun-missing, resubmits what is missing), follows unless --no-wait,
     * and writes the merged report into the output directory.
     */
    static int run(SchedulerOptions s, Regression.Options o, List<String> originalArgs, Path out, Integer jobs)
            throws Exception {
        Path dir =
                (s.rerunMissing != null ? s.rerunMissing : out).toAbsolutePath().normalize();
        SlurmRegression.Job job;
        List<Integer> tasks;
        List<Path> inputs = new ArrayList<>(o.corpus());
        if (s.rerunMissing != null) {
            job = SlurmRegression.load(dir);
            tasks = SlurmRegression.missing(job, dir);
            inputs.add(dir.resolve(SlurmRegression.SHARDS));
            inputs.add(dir.resolve(SlurmRegression.SCRIPTS));
        } else {
            long seeds = o.shard().seedCount();
            if (s.shards == null || s.shards < 1 || s.shards > seeds) {
                throw new IllegalArgumentException("--shards = " + s.shards + " is out of range: allowed 1.." + seeds
                        + " (one or more seeds per task)");
            }
            if (!o.shard().label().equals("1/1")) {
                throw new IllegalArgumentException("--shard and --scheduler slurm exclude each other: the array job"
                        + " makes the shards (--shards N)");
            }
            int perTask = jobs != null ? jobs : DEFAULT_JOBS_PER_TASK;
            job = new SlurmRegression.Job(
                    SlurmRegression.FORMAT,
                    s.shards,
                    SchedulerOptions.taskArgs(originalArgs),
                    jvm(),
                    Main.class.getName(),
                    s.partition,
                    s.time,
                    s.sbatchArgs,
                    perTask);
            tasks = IntStream.rangeClosed(1, s.shards).boxed().toList();
        }
        List<String> known = new ArrayList<>(RegressionReport.FILES);
        OutputDir od = OutputDir.claim(dir, "regress", known, inputs);
        final SlurmRegression.Job submitted = job;
        return od.guard(() -> {
            if (s.rerunMissing == null) {
                // the library once, before any task starts (tasks never race to build it)
                CosimRun.library(o.seed(o.seeds().get(0)), line -> System.err.println("regress: " + line));
                deleteTree(dir.resolve(SlurmRegression.SHARDS));
                SlurmRegression.save(submitted, dir);
            } else {
                for (int i : tasks) {
                    deleteTree(SlurmRegression.shardDir(dir, i));
                }
                System.err.println("regress: shards to run again: " + (tasks.isEmpty() ? "none" : tasks));
            }
            deleteTree(dir.resolve(SlurmRegression.MERGED));
            od.record(List.of(SlurmRegression.SCRIPTS, SlurmRegression.SHARDS, SlurmRegression.MERGED));
            // nothing missing: only the merge job, of what is there
            SlurmRegression.Submitted sub = SlurmRegression.submit(submitted, dir, tasks);
            System.out.println("slurm: "
                    + (sub.arrayId() == null
                            ? "no shard to run"
                            : "array job " + sub.arrayId() + " (shards " + tasks + " of " + submitted.shards() + ")")
                    + ", merge job " + sub.mergeId() + "; scripts in " + dir.resolve(SlurmRegression.SCRIPTS));
            if (s.noWait) {
                System.out.println("slurm: not waiting; the merge job writes " + dir.resolve(SlurmRegression.MERGED)
                        + " (mramcim merge " + dir.resolve(SlurmRegression.SHARDS) + "/shard-* to merge by hand)");
                return new OutputDir.Outcome("SUBMITTED", 0);
            }
            RegressionSummary merged = SlurmRegression.follow(sub, dir, System.out::println, POLL_MILLIS)
                    .relocated(dir.resolve(SlurmRegression.MERGED), dir);
            List<Path> files = RegressionReport.write(merged, od);
            RegressionReport.console(merged).forEach(System.out::println);
            System.out.println("report: "
                    + String.join(", ", files.stream().map(Path::toString).toList()));
            return new OutputDir.Outcome(merged.verdict().id(), merged.verdict().exitCode());
        });
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
