package mramcim.verification.regression;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A worker process of {@link WorkerPool}: runs seeds of one {@link SeedJob} in lockstep, one after
 * another, and reports progress and results over a loopback socket. The Verilated model runs here,
 * so that its {@code abort()}, segmentation fault or endless evaluation ends this process only; the
 * supervisor sees it, reports the seed, and starts another worker for the rest.
 *
 * <p>Arguments: the supervisor's port and the token to identify with. The worker ends when the
 * supervisor says {@code quit}, closes the socket, or closes the worker's standard input (the
 * supervisor died), even while a netlist spins inside an evaluation.
 */
public final class SeedWorker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private SeedWorker(BufferedWriter out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SeedWorker PORT TOKEN (started by mramcim regress and cosim)");
            System.exit(2);
        }
        ignoreInterrupts();
        watchParent();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            SeedWorker w = new SeedWorker(
                    new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)));
            w.send(WorkerMessage.hello(args[1], ProcessHandle.current().pid()));
            w.serve(in);
        }
        System.exit(0);
    }

    private void serve(BufferedReader in) throws IOException {
        SeedJob job = null;
        java.util.Map<java.util.Map<String, Long>, SeedRunner> runners = new java.util.HashMap<>();
        for (String line; (line = in.readLine()) != null; ) {
            WorkerMessage m = JSON.readValue(line, WorkerMessage.class);
            switch (m.kind()) {
                case WorkerMessage.JOB -> {
                    try {
                        runners.put(m.job().pins(), new SeedRunner(m.job()));
                        job = m.job();
                        send(WorkerMessage.of(WorkerMessage.READY));
                    } catch (RuntimeException e) {
                        send(WorkerMessage.error(null, message(e)));
                    }
                }
                case WorkerMessage.SEED -> {
                    SeedRunner runner = null;
                    if (job != null) {
                        java.util.Map<String, Long> pins = m.pins() == null ? job.pins() : m.pins();
                        SeedJob base = job;
                        runner = runners.computeIfAbsent(pins, p -> new SeedRunner(base.withPins(p)));
                    }
                    runSeed(runner, m.seed());
                }
                case WorkerMessage.QUIT -> {
                    return;
                }
                default -> send(WorkerMessage.error(m.seed(), "unknown message kind '" + m.kind() + "'"));
            }
        }
    }

    private void runSeed(SeedRunner runner, long seed) throws IOException {
        if (runner == null) {
            send(WorkerMessage.error(seed, "no job before the seed"));
            return;
        }
        SeedResult r;
        try {
            r = runner.run(seed, new SeedRunner.Monitor() {
                @Override
                public void progress(long cycles) {
                    sendQuietly(WorkerMessage.progress(seed, cycles));
                }

                @Override
                public void heartbeat() {
                    sendQuietly(WorkerMessage.heartbeat(seed));
                }

                @Override
                public void phase(String name) {
                    sendQuietly(WorkerMessage.phase(seed, name));
                }
            });
        } catch (Exception | Error e) {
            e.printStackTrace();
            send(WorkerMessage.error(seed, message(e)));
            return;
        }
        send(WorkerMessage.result(r));
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }

    private synchronized void send(WorkerMessage m) throws IOException {
        out.write(JSON.writeValueAsString(m));
        out.write('\n');
        out.flush();
    }

    private void sendQuietly(WorkerMessage m) {
        try {
            send(m);
        } catch (IOException e) {
            // The supervisor is gone: nothing to report to.
            Runtime.getRuntime().halt(3);
        }
    }

    /**
     * Ctrl-C reaches every process of the terminal's group; the supervisor decides what happens to
     * the seeds, so the worker does not die on SIGINT before it is told.
     */
    private static void ignoreInterrupts() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform.
        }
    }

    /**
     * Ends the process when the supervisor's end of standard input closes, whatever the model does.
     */
    private static void watchParent() {
        Thread t = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // nothing is sent on stdin
                        }
                    } catch (IOException ignored) {
                        // closed
                    }
                    Runtime.getRuntime().halt(3);
                },
                "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
