package mramcim.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The output directory of one command run, claimed before any work so that no result of an earlier
 * run can be mistaken for this one's:
 *
 * <ul>
 *   <li>{@link #claim} checks that the directory can be written (before hours of simulation, not
 *       after), removes what the previous run there wrote, and writes {@value #STATUS} with verdict
 *       RUNNING;
 *   <li>every file is written under a temporary name and renamed into place ({@link #write}), so a
 *       full disk or a kill leaves the previous content or nothing, never a truncated file;
 *   <li>no output may replace one of the run's input files;
 *   <li>{@link #finish} records the verdict and the files written; a run that never gets there
 *       leaves RUNNING behind.
 * </ul>
 */
public final class OutputDir {

    /** The marker file: command, verdict, process and the files of the run. */
    public static final String STATUS = "status.json";

    /** Format id of {@value #STATUS}. */
    public static final String STATUS_FORMAT = "mramcim-status/1";

    /** Verdict of a run in progress (or killed), as {@value #STATUS} states it. */
    public static final String RUNNING = "RUNNING";

    /** Verdict of a run that failed with an error of its own. */
    public static final String CRASHED = "CRASHED";

    /**
     * Verdict of a run that refused its input after claiming the directory (a netlist Verilator
     * rejects).
     */
    public static final String REFUSED = "REFUSED";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * What {@value #STATUS} holds.
     *
     * @param files the files and directories the run wrote, relative to the directory
     */
    public record Status(
            String format,
            String command,
            String verdict,
            long pid,
            String started,
            String ended,
            String message,
            List<String> files) {}

    private final Path dir;
    private final String command;
    private final String started;
    private final Set<Path> inputs;
    private final Set<String> written = new LinkedHashSet<>();

    private OutputDir(Path dir, String command, Set<Path> inputs) {
        this.dir = dir;
        this.command = command;
        this.started = Instant.now().toString();
        this.inputs = inputs;
    }

    /**
     * Claims {@code dir} for {@code command}.
     *
     * @param known names of what this command writes (files or directories, relative): removed
     *     before the run even when no {@value #STATUS} of an earlier run lists them
     * @param inputs the run's input files: never removed, never overwritten
     * @throws IllegalArgumentException naming {@code --out} if the directory cannot be used
     */
    public static OutputDir claim(Path dir, String command, Collection<String> known, Collection<Path> inputs) {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new IllegalArgumentException("--out = " + dir + " is a file, not a directory: give a directory");
        }
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--out = " + dir + " cannot be created (" + reason(e) + "): give a writable directory");
        }
        Set<Path> in = new LinkedHashSet<>();
        for (Path p : inputs) {
            if (p != null) {
                in.add(real(p));
            }
        }
        OutputDir out = new OutputDir(d, command, in);
        if (in.contains(real(d))) {
            throw new IllegalArgumentException("--out = " + dir + " is an input of this run: give another directory");
        }
        // What the last run here listed is removed, and the files this command writes (it would
        // replace them anyway). A directory is removed only when the last run listed it: a user's
        // own "logs" in an --out that was never ours stays.
        List<String> listed = out.previousFiles();
        Set<String> stale = new LinkedHashSet<>(listed);
        stale.add(STATUS);
        for (String name : known) {
            Path p = out.inside(name);
            if (p != null && !Files.isDirectory(p)) {
                stale.add(name);
            }
        }
        for (String name : stale) {
            Path p = out.inside(name);
            if (p != null && !in.contains(real(p)) && !out.holdsInput(p)) {
                deleteTree(p);
            }
        }
        try {
            out.writeStatus(RUNNING, null, null);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--out = " + dir + " is not writable (" + reason(e) + "): give a writable directory", e);
        }
        return out;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /** A path inside the directory. */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes {@code text} (UTF-8) to {@code name} atomically. */
    public Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code name} atomically: a temporary file renamed into place. */
    public Path write(String name, byte[] bytes) throws IOException {
        return writeWith(name, tmp -> Files.write(tmp, bytes));
    }

    /** Something that writes a whole file at a given path (a chart library, a JSON writer). */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Lets {@code writer} write {@code name} under a temporary name, then renames it into place; on
     * any failure the temporary file is removed and what was there before stays.
     */
    public Path writeWith(String name, FileWriter writer) throws IOException {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalArgumentException("output " + name + " is outside " + dir);
        }
        if (inputs.contains(real(target))) {
            throw new IllegalArgumentException("--out = "
                    + dir
                    + ": writing "
                    + name
                    + " would overwrite the input "
                    + target
                    + "; give another --out");
        }
        Files.createDirectories(target.getParent());
        String base = target.getFileName().toString();
        Path tmp = target.resolveSibling(
                "." + base + ".tmp-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + extension(base));
        try {
            writer.writeTo(tmp);
            if (!Files.isRegularFile(tmp)) {
                throw new IOException("nothing was written");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io) {
                throw new IOException("cannot write " + target + ": " + reason(io), io);
            }
            throw e;
        }
        written.add(dir.relativize(target).toString());
        return target;
    }

    /**
     * Notes files or directories written by others below the directory (waveforms, worker logs), so
     * that the next run there removes them too.
     */
    public void record(Collection<String> names) {
        written.addAll(names);
    }

    /** How a guarded piece of work ended: the verdict to record and the process exit status. */
    public record Outcome(String verdict, int exitCode) {}

    /** The work of a command, run by {@link #guard}. */
    @FunctionalInterface
    public interface Work {
        Outcome run() throws Exception;
    }

    /**
     * Runs {@code work} and records how it ended: its verdict, or REFUSED for bad input ({@link
     * IllegalArgumentException}), or CRASHED for any other error, which is rethrown.
     */
    public int guard(Work work) throws Exception {
        Outcome o;
        try {
            o = work.run();
        } catch (IllegalArgumentException e) {
            abandon(REFUSED, e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            abandon(CRASHED, String.valueOf(e.getMessage()));
            throw e;
        }
        finish(o.verdict());
        return o.exitCode();
    }

    /** Records the verdict of a run that ended, and what it wrote. */
    public void finish(String verdict) throws IOException {
        writeStatus(verdict, Instant.now().toString(), null);
    }

    /**
     * Records that the run ended without a result: {@link #CRASHED} (an error of its own) or {@link
     * #REFUSED} (bad input found after the claim). Best effort: when even this cannot be written,
     * the RUNNING marker stays, which is not a pass either.
     */
    public void abandon(String verdict, String message) {
        try {
            writeStatus(verdict, Instant.now().toString(), message);
        } catch (IOException | RuntimeException ignored) {
            // RUNNING stays
        }
    }

    private void writeStatus(String verdict, String ended, String message) throws IOException {
        List<String> files = new ArrayList<>(written);
        files.remove(STATUS);
        Status s = new Status(
                STATUS_FORMAT, command, verdict, ProcessHandle.current().pid(), started, ended, message, files);
        byte[] bytes = JSON.writeValueAsBytes(s);
        Path target = dir.resolve(STATUS);
        Path tmp = dir.resolve("." + STATUS + ".tmp-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (RUNNING.equals(verdict) && ended == null) {
                throw new IllegalArgumentException(
                        "--out = " + dir + " is not writable (" + reason(e) + "): give a writable directory", e);
            }
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /** Files the previous run in this directory listed in its status file. */
    private List<String> previousFiles() {
        Path status = dir.resolve(STATUS);
        if (!Files.isRegularFile(status)) {
            return List.of();
        }
        try {
            Status s = JSON.readValue(status.toFile(), Status.class);
            return s.files() == null ? List.of() : s.files();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code name} resolved inside the directory, or null if it would leave it. */
    private Path inside(String name) {
        Path p = dir.resolve(name).normalize();
        return p.startsWith(dir) && !p.equals(dir) ? p : null;
    }

    /** True if {@code p} is a directory holding one of the inputs. */
    private boolean holdsInput(Path p) {
        Path r = real(p);
        return inputs.stream().anyMatch(i -> i.startsWith(r));
    }

    private static Path real(Path p) {
        Path a = p.toAbsolutePath().normalize();
        try {
            return a.toRealPath();
        } catch (IOException e) {
            return a;
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return m == null ? "input/output error" : m;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot remove the earlier result "
                    + root
                    + " ("
                    + e.getMessage()
                    + "): remove it or give another --out");
        }
    }
}
