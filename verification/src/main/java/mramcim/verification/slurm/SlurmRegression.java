package mramcim.verification.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import mramcim.verification.regression.RegressionReport;
import mramcim.verification.regression.RegressionSummary;
import mramcim.verification.regression.SeedStatus;
import mramcim.verification.regression.Verdict;

/**
 * A regression on Slurm (issue 23): one array job whose task I runs {@code regress --shard I/N}
 * into {@code DIR/shards/shard-I}, then a merge job ({@code --dependency=afterany}) that runs
 * {@code mramcim merge} of every shard that wrote a summary into {@code DIR/merged}. The scripts
 * stay in {@code DIR/slurm} for a person to read and resubmit. A shard that failed, was cancelled
 * or lost its node leaves its seeds NOT_RUN in the merge (verdict INCOMPLETE), never missing.
 */
public final class SlurmRegression {

    /** Where the scripts, the job description and the tasks' logs go, below the output directory. */
    public static final String SCRIPTS = "slurm";

    /** Where each shard's regression goes. */
    public static final String SHARDS = "shards";

    /** Where the merge job writes the merged regression. */
    public static final String MERGED = "merged";

    static final String JOB_FILE = "job.json";
    static final String ARRAY_SCRIPT = "array.sh";
    static final String MERGE_SCRIPT = "merge.sh";

    /** The format of {@code job.json}; changing it is a visible, tested decision. */
    public static final String FORMAT = "mramcim-slurm-job/1";

    /**
     * What every task runs: {@code java JVM MAIN regress ARGS --shard I/N --jobs J --out
     * DIR/shards/shard-I}.
     *
     * @param shards N
     * @param regressArgs the user's regress options, without the Slurm, shard, jobs and out ones
     * @param jvm the java command and its options (class path, system properties)
     * @param mainClass the command line's main class
     * @param jobsPerTask worker processes per task ({@code --cpus-per-task})
     */
    public record Job(
            String format,
            int shards,
            List<String> regressArgs,
            List<String> jvm,
            String mainClass,
            String partition,
            String time,
            List<String> sbatchArgs,
            int jobsPerTask) {
        public Job {
            regressArgs = List.copyOf(regressArgs);
            jvm = List.copyOf(jvm);
            sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
        }
    }

    /** The ids of a submission and the shards (1-based) its array runs (none: no array job, null id). */
    public record Submitted(String arrayId, String mergeId, List<Integer> tasks) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SlurmRegression() {}

    /** Writes {@code DIR/slurm/job.json}. */
    public static void save(Job j, Path dir) throws IOException {
        Files.createDirectories(dir.resolve(SCRIPTS));
        Files.write(dir.resolve(SCRIPTS).resolve(JOB_FILE), JSON.writeValueAsBytes(j));
    }

    /** Reads {@code DIR/slurm/job.json}, refusing a directory that holds none. */
    public static Job load(Path dir) {
        Path f = dir.resolve(SCRIPTS).resolve(JOB_FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("--rerun-missing " + dir + ": no " + SCRIPTS + "/" + JOB_FILE
                    + " there; give the --out of a regress --scheduler slurm");
        }
        try {
            Job j = JSON.readValue(f.toFile(), Job.class);
            if (!FORMAT.equals(j.format())) {
                throw new IllegalArgumentException(f + " is of format " + j.format() + ", not " + FORMAT);
            }
            return j;
        } catch (IOException e) {
            throw new IllegalArgumentException(f + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The directory of shard {@code i}. */
    public static Path shardDir(Path dir, int i) {
        return dir.resolve(SHARDS).resolve("shard-" + i);
    }

    /**
     * Writes the two scripts and submits them: the array over {@code tasks}, then the merge after
     * it.
     */
    public static Submitted submit(Job j, Path dir, List<Integer> tasks) throws IOException {
        Path scripts = dir.resolve(SCRIPTS);
        Files.createDirectories(scripts);
        Files.createDirectories(dir.resolve(SHARDS));
        Path array = write(scripts.resolve(ARRAY_SCRIPT), arrayScript(j, dir));
        Path merge = write(scripts.resolve(MERGE_SCRIPT), mergeScript(j, dir));
        List<String> common = new ArrayList<>();
        if (j.partition() != null) {
            common.add("--partition=" + j.partition());
        }
        if (j.time() != null) {
            common.add("--time=" + j.time());
        }
        common.addAll(j.sbatchArgs());
        String arrayId = null;
        if (!tasks.isEmpty()) {
            List<String> a = new ArrayList<>(common);
            a.add("--array=" + tasks.stream().map(String::valueOf).collect(Collectors.joining(",")));
            arrayId = SlurmCommands.sbatch(a, array.toString());
        }
        List<String> m = new ArrayList<>(common);
        if (arrayId != null) {
            m.add("--dependency=afterany:" + arrayId);
        }
        String mergeId = SlurmCommands.sbatch(m, merge.toString());
        return new Submitted(arrayId, mergeId, List.copyOf(tasks));
    }

    private static Path write(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    static String arrayScript(Job j, Path dir) {
        Path logs = dir.resolve(SCRIPTS);
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# mramcim regress on Slurm: array task I runs shard I of ")
                .append(j.shards())
                .append(" (written by mramcim regress --scheduler slurm).\n");
        b.append("# Resubmit shards by hand: sbatch --array=1,3 ")
                .append(logs.resolve(ARRAY_SCRIPT))
                .append(", then sbatch ")
                .append(logs.resolve(MERGE_SCRIPT))
                .append('\n');
        b.append("#SBATCH --job-name=mramcim-regress\n");
        b.append("#SBATCH --output=").append(logs.resolve("shard-%a.log")).append('\n');
        b.append("#SBATCH --cpus-per-task=").append(j.jobsPerTask()).append('\n');
        b.append("set -u\n");
        b.append("i=\"$SLURM_ARRAY_TASK_ID\"\n");
        List<String> cmd = new ArrayList<>(j.jvm());
        cmd.add(j.mainClass());
        cmd.add("regress");
        cmd.addAll(j.regressArgs());
        b.append("exec ")
                .append(cmd.stream().map(SlurmRegression::quote).collect(Collectors.joining(" ")))
                .append(" --shard \"$i/")
                .append(j.shards())
                .append("\" --jobs ")
                .append(j.jobsPerTask())
                .append(" --no-progress --out ")
                .append(quote(dir.resolve(SHARDS).toString()))
                .append("/shard-\"$i\"\n");
        return b.toString();
    }

    static String mergeScript(Job j, Path dir) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# mramcim merge of every shard that wrote a summary; the others come out NOT_RUN (INCOMPLETE).\n");
        b.append("#SBATCH --job-name=mramcim-merge\n");
        b.append("#SBATCH --output=")
                .append(dir.resolve(SCRIPTS).resolve("merge.log"))
                .append('\n');
        b.append("set -u\n");
        b.append("shards=()\n");
        b.append("for i in $(seq 1 ").append(j.shards()).append("); do\n");
        b.append("  d=").append(quote(dir.resolve(SHARDS).toString())).append("/shard-$i\n");
        b.append("  [ -f \"$d/summary.json\" ] && shards+=(\"$d\")\n");
        b.append("done\n");
        b.append("if [ ${#shards[@]} -eq 0 ]; then echo 'no shard wrote a summary' >&2; exit 1; fi\n");
        List<String> cmd = new ArrayList<>(j.jvm());
        cmd.add(j.mainClass());
        cmd.add("merge");
        b.append("exec ")
                .append(cmd.stream().map(SlurmRegression::quote).collect(Collectors.joining(" ")))
                .append(" \"${shards[@]}\" --out ")
                .append(quote(dir.resolve(MERGED).toString()))
                .append('\n');
        return b.toString();
    }

    /** A word for bash, single-quoted. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Follows the jobs until the merge job has left the queue, reporting shards pending, running
     * and done when they change; returns the merged summary.
     *
     * @throws IllegalStateException if the merge job wrote no summary (its log says why)
     */
    public static RegressionSummary follow(Submitted s, Path dir, Consumer<String> progress, long pollMillis)
            throws InterruptedException {
        String last = "";
        while (true) {
            List<String[]> q =
                    SlurmCommands.queue(s.arrayId() == null ? List.of(s.mergeId()) : List.of(s.arrayId(), s.mergeId()));
            long pending = q.stream()
                    .filter(r -> r[0].equals(s.arrayId()) && r[2].equals("PENDING"))
                    .count();
            long running = q.stream()
                    .filter(r -> r[0].equals(s.arrayId()) && !r[2].equals("PENDING"))
                    .count();
            boolean merging = q.stream().anyMatch(r -> r[0].equals(s.mergeId()));
            String line = "slurm: shards pending " + pending + ", running " + running + ", done "
                    + (s.tasks().size() - pending - running) + " of "
                    + s.tasks().size()
                    + (merging && pending + running == 0 ? "; merging" : "");
            if (!line.equals(last)) {
                progress.accept(line);
                last = line;
            }
            if (q.isEmpty()) {
                break;
            }
            Thread.sleep(pollMillis);
        }
        Path merged = dir.resolve(MERGED).resolve("summary.json");
        if (!Files.isRegularFile(merged)) {
            throw new IllegalStateException("the merge job wrote no summary; see "
                    + dir.resolve(SCRIPTS).resolve("merge.log"));
        }
        return RegressionReport.read(merged);
    }

    /**
     * The shards (1-based) whose seeds did not all run to an end: no summary, one still RUNNING
     * (a task that was killed), or seeds NOT_RUN.
     */
    public static List<Integer> missing(Job j, Path dir) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= j.shards(); i++) {
            Path f = shardDir(dir, i).resolve("summary.json");
            boolean complete;
            try {
                RegressionSummary s = Files.isRegularFile(f) ? RegressionReport.read(f) : null;
                complete = s != null
                        && s.verdict() != Verdict.RUNNING
                        && s.seeds().stream().noneMatch(r -> r.status() == SeedStatus.NOT_RUN);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                complete = false;
            }
            if (!complete) {
                out.add(i);
            }
        }
        return out;
    }
}
