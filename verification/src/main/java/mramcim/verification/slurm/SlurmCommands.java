package mramcim.verification.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's client commands ({@code sbatch}, {@code squeue}, {@code scancel}) as child processes.
 * The cluster is the one {@code SLURM_CONF} (or Slurm's default) names; the {@value #CONF_PROPERTY}
 * property, when set, overrides it (the tests' local Slurm).
 */
public final class SlurmCommands {

    /** System property naming a slurm.conf for every command (a test cluster). */
    public static final String CONF_PROPERTY = "mramcim.slurm.conf";

    /** How long one client command may take, s (a controller that does not answer). */
    static final long TIMEOUT_SECONDS = 60;

    /** What a command printed and how it ended. */
    public record Output(int exit, String out, String err) {}

    private SlurmCommands() {}

    /**
     * Runs a client command.
     *
     * @throws IllegalArgumentException naming the command when it is not installed (exit 2)
     */
    public static Output run(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        String conf = System.getProperty(CONF_PROPERTY);
        if (conf != null) {
            pb.environment().put("SLURM_CONF", conf);
        }
        try {
            java.io.File err = java.io.File.createTempFile("mramcim-slurm", ".err");
            try {
                pb.redirectError(err);
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalArgumentException(
                            cmd.get(0) + " did not answer in " + TIMEOUT_SECONDS + " s: is the Slurm controller up?");
                }
                return new Output(
                        p.exitValue(), out, java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
            } finally {
                err.delete();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(cmd.get(0) + " cannot be run (" + e.getMessage() + "): install Slurm's"
                    + " client commands (Debian: slurm-client) or run regress without --scheduler slurm");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + cmd.get(0) + " ran", e);
        }
    }

    /**
     * Submits a script with {@code sbatch --parsable}; returns the job id.
     *
     * @throws IllegalArgumentException with sbatch's own message when it refuses (no controller,
     *     an unknown partition)
     */
    public static String sbatch(List<String> args, String script) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        cmd.addAll(args);
        cmd.add(script);
        Output o = run(cmd);
        if (o.exit() != 0) {
            throw new IllegalArgumentException(
                    "sbatch refused the job: " + o.err().strip().replace('\n', ' '));
        }
        String id = o.out().strip();
        int semi = id.indexOf(';');
        return semi < 0 ? id : id.substring(0, semi);
    }

    /**
     * The states of the given jobs' tasks still known to the controller, one "TASK STATE" per line
     * ({@code squeue -r}: array tasks one by one); empty once they are all gone.
     */
    public static List<String[]> queue(List<String> jobIds) {
        Output o = run(List.of("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o", "%A %a %T"));
        List<String[]> rows = new ArrayList<>();
        if (o.exit() != 0) {
            // squeue exits 1 for job ids that have left the queue
            if (o.err().contains("Invalid job id")) {
                return rows;
            }
            throw new IllegalArgumentException(
                    "squeue failed: " + o.err().strip().replace('\n', ' '));
        }
        for (String line : o.out().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3) {
                rows.add(f);
            }
        }
        return rows;
    }
}
