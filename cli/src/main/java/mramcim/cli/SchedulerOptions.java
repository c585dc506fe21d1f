package mramcim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where {@code regress} runs its shards: on this machine's worker processes, or on Slurm as an
 * array job with one task per shard and a merge job (docs/slurm.md). Issue 23 named the option
 * {@code --engine slurm}; {@code --engine} already chooses the lockstep engine, so the scheduler is
 * {@code --scheduler}.
 */
final class SchedulerOptions {

    static final String LOCAL = "local";
    static final String SLURM = "slurm";

    @Option(
            names = "--scheduler",
            defaultValue = LOCAL,
            description = "where the seeds run: local (worker processes on this machine) or slurm (an sbatch array"
                    + " job, one task per shard, then a merge job; docs/slurm.md) (default ${DEFAULT-VALUE})")
    String scheduler;

    @Option(names = "--shards", description = "with --scheduler slurm: array tasks, each a --shard I/N")
    Integer shards;

    @Option(names = "--partition", description = "with --scheduler slurm: the partition (sbatch --partition)")
    String partition;

    @Option(names = "--time", description = "with --scheduler slurm: each task's time limit (sbatch --time)")
    String time;

    @Option(
            names = "--sbatch-arg",
            paramLabel = "ARG",
            description = "with --scheduler slurm: one more sbatch option for both jobs, e.g. --sbatch-arg=--qos=low;"
                    + " repeatable")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(
            names = "--no-wait",
            description = "with --scheduler slurm: submit and exit; the merge job writes OUT/merged")
    boolean noWait;

    @Option(
            names = "--rerun-missing",
            paramLabel = "DIR",
            description = "with --scheduler slurm: resubmit only the shards of DIR (an earlier --out) that did not"
                    + " finish, and merge again")
    Path rerunMissing;

    /** True for Slurm; refuses an unknown scheduler and Slurm options without it. */
    boolean slurm() {
        if (!scheduler.equals(LOCAL) && !scheduler.equals(SLURM)) {
            throw new IllegalArgumentException(
                    "--scheduler = " + scheduler + " is not known: allowed " + LOCAL + ", " + SLURM);
        }
        boolean slurm = scheduler.equals(SLURM);
        if (!slurm) {
            String given = shards != null
                    ? "--shards"
                    : partition != null
                            ? "--partition"
                            : time != null
                                    ? "--time"
                                    : !sbatchArgs.isEmpty()
                                            ? "--sbatch-arg"
                                            : noWait ? "--no-wait" : rerunMissing != null ? "--rerun-missing" : null;
            if (given != null) {
                throw new IllegalArgumentException(given + " needs --scheduler slurm");
            }
        }
        return slurm;
    }

    /** The options a task does not get: they are the submission's, or set per task. */
    static final List<String> NOT_PASSED_WITH_VALUE = List.of(
            "--scheduler",
            "--shards",
            "--partition",
            "--time",
            "--sbatch-arg",
            "--rerun-missing",
            "--out",
            "--shard",
            "--jobs");

    static final List<String> NOT_PASSED_FLAGS = List.of("--no-wait", "--progress", "--no-progress");

    /** The user's regress arguments a task repeats. */
    static List<String> taskArgs(List<String> original) {
        List<String> out = new ArrayList<>();
        // the parse result's arguments start with the command's own name
        int first = original.indexOf("regress") + 1;
        for (int i = first; i < original.size(); i++) {
            String a = original.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (NOT_PASSED_WITH_VALUE.contains(name)) {
                if (!a.contains("=")) {
                    i++;
                }
            } else if (!NOT_PASSED_FLAGS.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
