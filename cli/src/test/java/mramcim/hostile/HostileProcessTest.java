package mramcim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mramcim.cosim.verilator.NativeBuilder;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate process, killed and interrupted the ways a CI job or a user does:
 * SIGKILL at several moments of a regression (no file may say PASS afterwards, and no worker may
 * outlive it), Ctrl-C and SIGTERM during a Verilator build (the compiler stops and its temporary
 * directory goes), Ctrl-C while a netlist hangs (the run ends at once with its partial report).
 */
class HostileProcessTest {

    @TempDir
    Path tmp;

    static final String PRESET = "small:8x8";

    /** Starts {@code mramcim args...} in its own JVM, output into {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-D" + NativeBuilder.CACHE_PROPERTY + "=" + NativeBuilder.defaultCache(),
                "-cp",
                System.getProperty("java.class.path"),
                "mramcim.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    static void signal(Process p, String sig) throws Exception {
        Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start();
        assertEquals(0, k.waitFor(), "kill -" + sig);
    }

    static boolean waitUntil(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static String verdictOf(Path statusJson) {
        try {
            return Files.isRegularFile(statusJson)
                    ? new ObjectMapper()
                            .readTree(statusJson.toFile())
                            .path("verdict")
                            .asText()
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    static boolean hasChild(Process p, String name) {
        return p.toHandle()
                .descendants()
                .anyMatch(
                        h -> h.info().command().map(c -> c.endsWith("/" + name)).orElse(false));
    }

    /** A copy of the generated RTL that no cache holds yet, so that using it runs Verilator. */
    Path freshNetlist(String extra) throws IOException {
        String sv = Generator.emit("MramCimMacro", 8, 8);
        if (!extra.isEmpty()) {
            int top = sv.indexOf("module MramCimMacro(");
            int end = sv.indexOf("endmodule", top);
            sv = sv.substring(0, end) + extra + "\n" + sv.substring(end);
        }
        Path f = tmp.resolve("fresh-" + UUID.randomUUID() + ".sv");
        Files.writeString(f, sv + "\n// " + UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aRegressionKilledAtAnyMomentLeavesNoFileThatSaysPass() throws Exception {
        Path out = tmp.resolve("out");
        // A complete earlier run: its PASS is what a killed run must not leave behind.
        Process first = start(
                tmp.resolve("first.log"),
                "regress",
                "--preset",
                PRESET,
                "--seeds",
                "2",
                "--cycles",
                "20000",
                "--no-progress",
                "--out",
                out.toString());
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first.log")));
        assertEquals("PASS", verdictOf(out.resolve("status.json")));

        // Moments: just after the claim, during the Verilator build, once the placeholders are
        // written,
        // during the simulation, and late in it.
        String[] moments = {"claimed", "building", "placeholders", "simulating", "late"};
        for (String moment : moments) {
            Path log = tmp.resolve("kill-" + moment + ".log");
            Path netlist = freshNetlist("");
            Process p = start(
                    log,
                    "regress",
                    "--preset",
                    PRESET,
                    "--seeds",
                    "8",
                    "--jobs",
                    "2",
                    "--cycles",
                    "1500000",
                    "--no-progress",
                    "--verilog",
                    netlist.toString(),
                    "--out",
                    out.toString());
            boolean reached = switch (moment) {
                case "claimed" ->
                    waitUntil(() -> verdictOf(out.resolve("status.json")).equals("RUNNING"), 30_000);
                case "building" -> waitUntil(() -> hasChild(p, "cc1plus") || hasChild(p, "make"), 60_000);
                default -> waitUntil(() -> Files.exists(out.resolve("summary.json")), 90_000);
            };
            assertTrue(reached, moment + ": the run got there; log: " + Files.readString(log));
            Thread.sleep(moment.equals("simulating") ? 1_000 : moment.equals("late") ? 3_000 : 0);
            assertTrue(
                    p.isAlive(), moment + ": the run is still going when it is killed; log: " + Files.readString(log));
            List<ProcessHandle> family = p.toHandle().descendants().toList();
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            String who = NoPass.claimant(out);
            System.out.println("HOSTILE | SIGKILL when "
                    + moment
                    + " | "
                    + (who == null ? "no file says PASS" : who)
                    + " | status "
                    + verdictOf(out.resolve("status.json")));
            assertEquals(null, who, "killed when " + moment + ": a file says PASS");
            assertTrue(
                    waitUntil(
                            () -> family.stream()
                                    .filter(h -> h.info()
                                            .command()
                                            .map(c -> c.endsWith("/java"))
                                            .orElse(false))
                                    .noneMatch(ProcessHandle::isAlive),
                            10_000),
                    moment + ": a worker JVM outlived its supervisor");
        }
    }

    @Test
    void ctrlCAndSigtermDuringAVerilatorBuildStopTheCompilerAndCleanUp() throws Exception {
        for (String sig : new String[] {"INT", "TERM"}) {
            Path log = tmp.resolve("build-" + sig + ".log");
            Process p = start(
                    log,
                    "cosim",
                    "--preset",
                    PRESET,
                    "--cycles",
                    "1000",
                    "--verilog",
                    freshNetlist("").toString(),
                    "--out",
                    tmp.resolve("o-" + sig).toString());
            assertTrue(
                    waitUntil(() -> hasChild(p, "cc1plus"), 60_000),
                    "the compiler runs; log: " + Files.readString(log));
            List<ProcessHandle> family = p.toHandle().descendants().toList();
            signal(p, sig);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "SIG" + sig + " ends the run");
            assertTrue(
                    waitUntil(() -> family.stream().noneMatch(ProcessHandle::isAlive), 10_000),
                    "SIG" + sig + ": verilator, make and cc1plus are stopped");
            try (var dirs = Files.list(NativeBuilder.defaultCache())) {
                List<Path> left = dirs.filter(d -> d.getFileName().toString().contains(".tmp-" + p.pid() + "-"))
                        .toList();
                assertEquals(List.of(), left, "SIG" + sig + ": no temporary build directory is left");
            }
            System.out.println("HOSTILE | SIG"
                    + sig
                    + " during a Verilator build | exit "
                    + p.exitValue()
                    + " | compiler stopped, temporary directory removed");
            NoPass.assertNone(tmp.resolve("o-" + sig));
        }
    }

    @Test
    void ctrlCWhileANetlistHangsEndsTheRunAtOnceWithItsPartialReport() throws Exception {
        Path netlist = freshNetlist(
                "  reg [31:0] hang_cycle = 0;\n  reg [31:0] hang_spin = 0;\n  always @(posedge clock) begin\n"
                        + "    hang_cycle <= hang_cycle + 1;\n    if (hang_cycle == 20000) while (hang_cycle != 0) hang_spin = hang_spin + 1;\n"
                        + "  end");
        Path out = tmp.resolve("hang");
        Path log = tmp.resolve("hang.log");
        Process p = start(
                log,
                "regress",
                "--preset",
                PRESET,
                "--seeds",
                "4",
                "--jobs",
                "2",
                "--cycles",
                "100000",
                "--stall-timeout",
                "600",
                "--no-progress",
                "--verilog",
                netlist.toString(),
                "--out",
                out.toString());
        assertTrue(waitUntil(() -> Files.exists(out.resolve("summary.json")), 90_000), Files.readString(log));
        Thread.sleep(3_000); // both workers are inside the endless evaluation by now
        List<ProcessHandle> family = p.toHandle().descendants().toList();
        long t0 = System.nanoTime();
        signal(p, "INT");
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "Ctrl-C ends a hung run");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "HOSTILE | Ctrl-C while the netlist hangs | ended in %.1f s | %s%n",
                seconds,
                Files.readString(out.resolve("report.md")).lines().findFirst().orElse(""));
        assertTrue(
                Files.readString(out.resolve("report.md")).startsWith("# Regression INCOMPLETE"),
                Files.readString(out.resolve("report.md")).lines().findFirst().orElse(""));
        assertEquals("INCOMPLETE", verdictOf(out.resolve("status.json")));
        NoPass.assertNone(out);
        assertTrue(
                waitUntil(() -> family.stream().noneMatch(ProcessHandle::isAlive), 10_000),
                "no worker is left spinning");
        assertFalse(Files.readString(log).contains("Exception"), Files.readString(log));
    }
}
