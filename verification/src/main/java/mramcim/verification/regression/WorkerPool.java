package mramcim.verification.regression;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mramcim.cosim.verilator.NativeBuilder;

/**
 * Runs the seeds of a {@link SeedJob} in worker processes ({@link SeedWorker}) and supervises them:
 * a worker that dies (a signal, an abort) costs only the seed it was running, which is reported as
 * CRASHED with the signal and the last cycle it reached; a worker that makes no progress for the
 * stall timeout, or runs a seed past its wall-time budget, is killed and the seed reported as
 * TIMEOUT; a new worker takes the remaining seeds. The other seeds' results are kept whatever
 * happens to one of them.
 */
public final class WorkerPool {

    /**
     * The watchdog.
     *
     * @param seedTimeout wall time one seed may take, waveforms included
     * @param stallTimeout time without a progress report (every {@link CosimRun#CHECK_EVERY}
     *     cycles) after which a worker counts as hung
     */
    public record Limits(Duration seedTimeout, Duration stallTimeout) {
        /** Longest budget accepted on the command line (a week). */
        public static final long MAX_SECONDS = 7L * 24 * 3600;

        public Limits {
            check("--seed-timeout", seedTimeout);
            check("--stall-timeout", stallTimeout);
        }

        private static void check(String name, Duration d) {
            if (d == null || d.toMillis() < 1000 || d.toSeconds() > MAX_SECONDS) {
                throw new IllegalArgumentException(name
                        + " = "
                        + (d == null ? "none" : d.toSeconds())
                        + " s is out of range:"
                        + " allowed 1.."
                        + MAX_SECONDS
                        + " s");
            }
        }

        /**
         * The defaults for {@code cycles} cycles per seed: a stall of 60 s, and a budget of 10
         * minutes or 2,000 cycles per second, whichever is longer (the slowest gate-level netlists
         * run some 20,000 cycles per second here).
         */
        public static Limits defaults(long cycles) {
            return new Limits(
                    Duration.ofSeconds(Math.max(600, Math.min(MAX_SECONDS, cycles / 2_000))), Duration.ofSeconds(60));
        }
    }

    /** Heap of a worker: one lockstep, its coverage and waveform buffers. */
    private static final String WORKER_HEAP = "-Xmx1g";

    /** How long a new worker may take to start its JVM and connect. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private static final long POLL_MILLIS = 200;
    private static final Pattern JVM_SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
    private static final Map<Integer, String> SIGNALS = Map.of(
            1, "SIGHUP", 2, "SIGINT", 4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV",
            13, "SIGPIPE", 15, "SIGTERM");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SeedJob job;
    private final Limits limits;
    private final Path outDir;
    private final Path logDir;
    private final AtomicBoolean stop;
    private final LongConsumer progress;
    private final Map<String, Map<String, Long>> emptyCoverage;
    private final List<Process> live = new ArrayList<>();

    /**
     * @param logDir where worker logs and JVM crash files go (below {@code outDir})
     * @param stop set to end the run early; seeds in flight and not started are NOT_RUN
     * @param progress receives cycles as they run
     * @param emptyCoverage the declared, all-zero coverage a seed without results carries
     */
    public WorkerPool(
            SeedJob job,
            Limits limits,
            Path outDir,
            Path logDir,
            AtomicBoolean stop,
            LongConsumer progress,
            Map<String, Map<String, Long>> emptyCoverage) {
        this.job = job;
        this.limits = limits;
        this.outDir = outDir;
        this.logDir = logDir;
        this.stop = stop;
        this.progress = progress;
        this.emptyCoverage = emptyCoverage;
    }

    /**
     * Runs every seed on {@code workers} worker processes; the results in the order of {@code
     * seeds}.
     */
    public List<SeedResult> run(List<Long> seeds, int workers) throws InterruptedException {
        List<Task<SeedResult>> tasks = new ArrayList<>();
        for (long s : seeds) {
            tasks.add(new Task<>() {
                @Override
                public SeedResult run(Runner runner) throws InterruptedException {
                    return runner.seed(s, Map.of());
                }

                @Override
                public SeedResult notRun() {
                    return WorkerPool.this.notRun(s, 0, 0);
                }
            });
        }
        return runTasks(tasks, workers);
    }

    /** Runs seeds in a worker; a worker that dies is replaced for the next seed. */
    public interface Runner {
        /**
         * Runs {@code seed} with the netlist's extra inputs {@code pins} (a mutation's {@code
         * mutsel}).
         */
        SeedResult seed(long seed, Map<String, Long> pins) throws InterruptedException;
    }

    /** A piece of work of several seeds (a mutant run until its first failing seed). */
    public interface Task<R> {
        R run(Runner runner) throws InterruptedException;

        /** What the task reports when the run is stopped before it started. */
        R notRun();
    }

    /**
     * Runs every task on {@code workers} worker processes, each task on one of them; the results in
     * the order of {@code tasks}.
     */
    public <R> List<R> runTasks(List<Task<R>> tasks, int workers) throws InterruptedException {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + logDir, e);
        }
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < tasks.size(); k++) {
            queue.add(k);
        }
        Map<Integer, R> results = new ConcurrentHashMap<>();
        List<Thread> slots = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        int n = Math.max(1, Math.min(workers, tasks.size()));
        for (int k = 0; k < n; k++) {
            int slot = k + 1;
            Thread t = new Thread(
                    () -> {
                        try {
                            slot(slot, tasks, queue, results);
                        } catch (RuntimeException e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                            stop.set(true);
                        }
                    },
                    "worker-slot-" + slot);
            t.setDaemon(true);
            slots.add(t);
            t.start();
        }
        for (Thread t : slots) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        List<R> out = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            out.add(results.get(k));
        }
        return out;
    }

    /** Kills every worker at once (the JVM is exiting). */
    public void killAll() {
        synchronized (live) {
            live.forEach(p -> p.toHandle().destroyForcibly());
        }
    }

    /** One slot's worker, started when first needed and replaced after it died or hung. */
    private final class SlotRunner implements Runner {
        private final int slot;
        private Worker worker;
        private int generation;

        SlotRunner(int slot) {
            this.slot = slot;
        }

        @Override
        public SeedResult seed(long seed, Map<String, Long> pins) throws InterruptedException {
            if (stop.get()) {
                return notRun(seed, 0, 0);
            }
            if (worker == null) {
                worker = Worker.start(WorkerPool.this, slot, ++generation);
            }
            Outcome o = worker.runSeed(seed, pins);
            if (!o.workerUsable()) {
                worker.kill();
                worker = null;
            }
            return o.result();
        }

        void close() {
            if (worker != null) {
                worker.quit();
            }
        }
    }

    private <R> void slot(
            int slot, List<Task<R>> tasks, ConcurrentLinkedQueue<Integer> queue, Map<Integer, R> results) {
        SlotRunner runner = new SlotRunner(slot);
        try {
            for (Integer k; (k = queue.poll()) != null; ) {
                results.put(k, stop.get() ? tasks.get(k).notRun() : tasks.get(k).run(runner));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        } finally {
            runner.close();
            for (Integer k; (k = queue.poll()) != null; ) {
                results.put(k, tasks.get(k).notRun());
            }
        }
    }

    private SeedResult notRun(long seed, long cycles, double seconds) {
        return SeedResult.unfinished(
                seed,
                SeedStatus.NOT_RUN,
                Cause.STOPPED,
                "stopped before the seed ended",
                cycles,
                seconds,
                null,
                List.of(),
                emptyCoverage);
    }

    private String replay(long seed) {
        return job.options(job.config(), seed).replayCommand();
    }

    private record Outcome(SeedResult result, boolean workerUsable) {}

    /** One worker process and its connection. */
    private static final class Worker {
        private final WorkerPool pool;
        private final Process process;
        private final Socket socket;
        private final BufferedWriter out;
        private final BlockingQueue<Optional<WorkerMessage>> inbox = new LinkedBlockingQueue<>();
        private final Path log;
        private final Path crashFile;

        private Worker(WorkerPool pool, Process process, Socket socket, Path log, Path crashFile) throws IOException {
            this.pool = pool;
            this.process = process;
            this.socket = socket;
            this.log = log;
            this.crashFile = crashFile;
            this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(
                    () -> {
                        try {
                            for (String line; (line = in.readLine()) != null; ) {
                                inbox.add(Optional.of(JSON.readValue(line, WorkerMessage.class)));
                            }
                        } catch (IOException ignored) {
                            // the worker died or closed: the end of its messages
                        }
                        inbox.add(Optional.empty());
                    },
                    "worker-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Worker start(WorkerPool pool, int slot, int generation) throws InterruptedException {
            String name = "worker-" + slot + "-" + generation;
            Path log = pool.logDir.resolve(name + ".log");
            Path crash = pool.logDir.resolve(name + ".hs_err.log");
            String token = UUID.randomUUID().toString();
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                server.setSoTimeout((int) POLL_MILLIS);
                List<String> cmd = List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        WORKER_HEAP,
                        "-XX:ErrorFile=" + crash,
                        "-XX:-CreateCoredumpOnCrash",
                        "-Djava.awt.headless=true",
                        "-D" + NativeBuilder.CACHE_PROPERTY + "=" + NativeBuilder.defaultCache(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SeedWorker.class.getName(),
                        Integer.toString(server.getLocalPort()),
                        token);
                Process p = new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                synchronized (pool.live) {
                    pool.live.add(p);
                }
                long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
                while (true) {
                    if (pool.stop.get()) {
                        p.destroyForcibly();
                        throw new InterruptedException("stopped");
                    }
                    try {
                        Socket s = server.accept();
                        Worker w = new Worker(pool, p, s, log, crash);
                        WorkerMessage hello = w.next(CONNECT_TIMEOUT);
                        if (hello == null
                                || !WorkerMessage.HELLO.equals(hello.kind())
                                || !token.equals(hello.token())) {
                            w.kill();
                            throw new IllegalStateException("worker " + name + " did not identify itself; see " + log);
                        }
                        w.send(WorkerMessage.job(pool.job));
                        WorkerMessage ready = w.next(CONNECT_TIMEOUT);
                        if (ready == null || !WorkerMessage.READY.equals(ready.kind())) {
                            w.kill();
                            throw new IllegalStateException("worker "
                                    + name
                                    + " cannot run the job: "
                                    + (ready == null ? "it died (see " + log + ")" : ready.message()));
                        }
                        return w;
                    } catch (SocketTimeoutException e) {
                        if (!p.isAlive() || System.nanoTime() > deadline) {
                            p.destroyForcibly();
                            throw new IllegalStateException("worker "
                                    + name
                                    + " did not start (exit "
                                    + (p.isAlive()
                                            ? "none: no connection within " + CONNECT_TIMEOUT.toSeconds() + " s"
                                            : p.exitValue())
                                    + "); its output: "
                                    + tail(log, 5));
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot start a worker process", e);
            }
        }

        /**
         * The next message within {@code timeout}, or null when the worker died or stayed silent.
         */
        private WorkerMessage next(Duration timeout) throws InterruptedException {
            Optional<WorkerMessage> m = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return m == null ? null : m.orElse(null);
        }

        private void send(WorkerMessage m) throws IOException {
            out.write(JSON.writeValueAsString(m));
            out.write('\n');
            out.flush();
        }

        Outcome runSeed(long seed, Map<String, Long> pins) throws InterruptedException {
            long t0 = System.nanoTime();
            long lastBeat = t0;
            long cycles = 0;
            boolean quietPhase = false;
            try {
                send(WorkerMessage.seed(seed, pins));
            } catch (IOException e) {
                return died(seed, cycles, t0);
            }
            while (true) {
                Optional<WorkerMessage> next = inbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (next != null
                        && next.isPresent()
                        && WorkerMessage.RESULT.equals(next.get().kind())) {
                    SeedResult r = next.get().result();
                    pool.progress.accept(r.cycles() - cycles);
                    return new Outcome(r, true);
                }
                if (pool.stop.get()) {
                    kill();
                    return new Outcome(pool.notRun(seed, cycles, seconds(t0)), false);
                }
                if (now - t0 > pool.limits.seedTimeout().toNanos()) {
                    kill();
                    return timeout(
                            seed,
                            Cause.OVER_TIME,
                            "over its wall-time budget of "
                                    + pool.limits.seedTimeout().toSeconds()
                                    + " s",
                            cycles,
                            t0);
                }
                if (next == null) {
                    if (!quietPhase
                            && now - lastBeat > pool.limits.stallTimeout().toNanos()) {
                        kill();
                        return timeout(
                                seed,
                                Cause.STALLED,
                                "no progress for "
                                        + pool.limits.stallTimeout().toSeconds()
                                        + " s (the netlist hangs inside an evaluation?)",
                                cycles,
                                t0);
                    }
                    continue;
                }
                if (next.isEmpty()) {
                    return pool.stop.get()
                            ? new Outcome(pool.notRun(seed, cycles, seconds(t0)), false)
                            : died(seed, cycles, t0);
                }
                WorkerMessage m = next.get();
                switch (m.kind()) {
                    case WorkerMessage.PROGRESS -> {
                        pool.progress.accept(m.cycles() - cycles);
                        cycles = m.cycles();
                        lastBeat = now;
                        quietPhase = false;
                    }
                    case WorkerMessage.HEARTBEAT -> {
                        lastBeat = now;
                        quietPhase = false;
                    }
                    case WorkerMessage.PHASE -> quietPhase = true;
                    case WorkerMessage.ERROR -> {
                        return new Outcome(
                                SeedResult.unfinished(
                                        seed,
                                        SeedStatus.CRASHED,
                                        Cause.TOOL_ERROR,
                                        "the tool failed on this seed " + between(cycles) + ": " + m.message(),
                                        cycles,
                                        seconds(t0),
                                        pool.replay(seed),
                                        logs(),
                                        pool.emptyCoverage),
                                false);
                    }
                    default -> {
                        kill();
                        throw new IllegalStateException("worker sent an unknown message kind '" + m.kind() + "'");
                    }
                }
            }
        }

        private Outcome timeout(long seed, Cause cause, String why, long cycles, long t0) {
            String detail = "watchdog: " + why + "; killed the worker " + between(cycles);
            return new Outcome(
                    SeedResult.unfinished(
                            seed,
                            SeedStatus.TIMEOUT,
                            cause,
                            detail,
                            cycles,
                            seconds(t0),
                            pool.replay(seed),
                            logs(),
                            pool.emptyCoverage),
                    false);
        }

        private Outcome died(long seed, long cycles, long t0) throws InterruptedException {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
            String how = describeExit();
            String detail = "the worker process died " + how + " " + between(cycles);
            return new Outcome(
                    SeedResult.unfinished(
                            seed,
                            SeedStatus.CRASHED,
                            Cause.PROCESS_DIED,
                            detail,
                            cycles,
                            seconds(t0),
                            pool.replay(seed),
                            logs(),
                            pool.emptyCoverage),
                    false);
        }

        /** "with SIGSEGV" from the JVM's crash report, or from the exit status of a signal. */
        private String describeExit() {
            int rc = process.exitValue();
            for (Path f : List.of(crashFile, log)) {
                try {
                    if (Files.isRegularFile(f)) {
                        Matcher m = JVM_SIGNAL.matcher(Files.readString(f));
                        if (m.find()) {
                            return "with "
                                    + m.group(1)
                                    + " (JVM crash report "
                                    + pool.outDir.relativize(crashFile)
                                    + ")";
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException ignored) {
                    // fall back on the exit status
                }
            }
            if (rc > 128) {
                return "with " + SIGNALS.getOrDefault(rc - 128, "signal " + (rc - 128));
            }
            String last = tail(log, 1);
            return "with exit status " + rc + (last.isBlank() ? "" : " ('" + last.strip() + "')");
        }

        private List<String> logs() {
            List<String> files = new ArrayList<>();
            for (Path f : List.of(log, crashFile)) {
                if (Files.exists(f)) {
                    files.add(pool.outDir.relativize(f).toString());
                }
            }
            return files;
        }

        void quit() {
            try {
                send(WorkerMessage.of(WorkerMessage.QUIT));
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        void kill() {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }

        private void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
            synchronized (pool.live) {
                pool.live.remove(process);
            }
        }

        /** Where in the seed it happened, as precisely as progress reports tell. */
        private String between(long cycles) {
            return cycles >= pool.job.cycles()
                    ? "after the last cycle"
                    : String.format(
                            Locale.ROOT,
                            "between cycle %,d and %,d (progress is reported every %,d cycles)",
                            cycles,
                            Math.min(pool.job.cycles(), cycles + CosimRun.CHECK_EVERY),
                            CosimRun.CHECK_EVERY);
        }

        private static double seconds(long t0) {
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
