package mramcim.verification.yosys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's yosys on a script in a working directory of its own. Callers write their inputs
 * there under fixed names, so no file name of a user's ever reaches a yosys command (whose script
 * language splits on spaces and semicolons).
 */
public final class Yosys {

    /** Longest a yosys run may take: synthesis of a 128 x 128 macro takes about a minute. */
    public static final long TIMEOUT_MINUTES = 30;

    private final Path dir;

    private Yosys(Path dir) {
        this.dir = dir;
    }

    /** A fresh working directory under the system's temporary directory. */
    public static Yosys inTempDir() {
        try {
            return new Yosys(Files.createTempDirectory("mramcim-yosys"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory for yosys", e);
        }
    }

    /** A working directory the caller owns (kept afterwards). */
    public static Yosys in(Path dir) {
        try {
            return new Yosys(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The working directory. */
    public Path dir() {
        return dir;
    }

    /** Writes an input file into the working directory. */
    public Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    /** Reads a file yosys wrote. */
    public String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("yosys did not write " + name + " in " + dir, e);
        }
    }

    /**
     * Thrown when a run takes longer than it was given; the log so far is kept in {@code name}.log.
     */
    public static final class TimeoutException extends IllegalStateException {
        private final String log;

        TimeoutException(String message, String log) {
            super(message);
            this.log = log;
        }

        /** What yosys logged before it was stopped. */
        public String log() {
            return log;
        }
    }

    /**
     * Runs {@code commands} as a script ({@code name}.ys, log in {@code name}.log) and returns the
     * log.
     *
     * @throws IllegalStateException if yosys is missing, fails or times out, with the end of its
     *     log
     */
    public String run(String name, List<String> commands) {
        return run(name, commands, java.time.Duration.ofMinutes(TIMEOUT_MINUTES));
    }

    /**
     * yosys runs in progress; killed when the JVM is asked to exit (Ctrl-C, SIGTERM), so none
     * outlives the tool.
     */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "yosys-cleanup"));
    }

    /**
     * Runs {@code commands} within {@code limit}.
     *
     * @throws TimeoutException if it takes longer (yosys is killed)
     * @throws IllegalStateException if yosys is missing or fails, with the end of its log
     */
    public String run(String name, List<String> commands, java.time.Duration limit) {
        Path script = write(name + ".ys", String.join("\n", commands) + "\n");
        Path log = dir.resolve(name + ".log");
        Process p;
        try {
            p = new ProcessBuilder(
                            "yosys",
                            "-q",
                            "-l",
                            log.getFileName().toString(),
                            "-s",
                            script.getFileName().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".out").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("yosys is not installed (scripts/setup installs it from Debian)", e);
        }
        RUNNING.add(p);
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new TimeoutException(
                        "yosys did not finish " + name + " within " + limit.toSeconds() + " s",
                        Files.exists(log) ? read(log.getFileName().toString()) : "");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("yosys interrupted", e);
        } finally {
            RUNNING.remove(p);
        }
        String text = Files.exists(log) ? read(log.getFileName().toString()) : "";
        if (p.exitValue() != 0) {
            String out = Files.exists(dir.resolve(name + ".out")) ? read(name + ".out") : "";
            List<String> lines = (text + out).lines().toList();
            throw new IllegalStateException("yosys failed on "
                    + name
                    + " (exit "
                    + p.exitValue()
                    + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        return text;
    }

    /** Removes the working directory. */
    public void delete() {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory does no harm
        }
    }
}
