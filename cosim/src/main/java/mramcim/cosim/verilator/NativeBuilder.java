package mramcim.cosim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verilates a top and links it with the C++ wrapper into a shared library, once per content.
 *
 * <p>The library lives in {@code cache/<hash>/}; the hash covers the Verilog, the wrapper, the
 * generated port code, the Verilator version and the flags, so a library is rebuilt exactly when
 * one of them changed and is otherwise reused ("skipped" in the log). Nothing the user names (a
 * netlist's file name) reaches a path, a generated source or a command line: the netlist is copied
 * under the top's name, and the directory is named by the hash alone. A build happens in a
 * temporary directory that is moved into place only when it succeeded, so an interrupted or failed
 * build never leaves a half-built library behind; the library's own SHA-256 is stored beside it and
 * checked before every reuse and every load, so a truncated or damaged file is rebuilt instead of
 * crashing the JVM when it is mapped.
 */
public final class NativeBuilder {

    /** System property naming the library cache; Maven and the launcher both set it. */
    public static final String CACHE_PROPERTY = "mramcim.nativeCache";

    /**
     * Verilator warnings that change what a netlist means (a second definition of a module that
     * Verilator silently drops, a signal driven twice, an implicit net from a typo, an unconnected
     * pin, a selection out of range, a latch or a non-blocking assignment where a blocking one was
     * meant): each is enabled and made an error, so such a netlist is refused instead of simulated
     * as something else. Every other warning is printed, among them the lint warnings on case
     * statements (CASEOVERLAP, CASEINCOMPLETE) that yosys' parallel-case muxes raise and whose
     * priority Verilog defines. Two more are deliberately not among the errors: UNOPTFLAT, which
     * Verilator reports for vectors whose bits feed each other, as every yosys gate-level netlist
     * has (a combinational loop that really does not settle is caught at run time by Verilator's
     * convergence limit and becomes the seed's verdict); and WIDTH, because tool-written netlists
     * (yosys' RTL output) rely on Verilog's implicit extension everywhere; a top port of the wrong
     * width is refused by the interface check instead.
     */
    public static final List<String> ERROR_WARNINGS = List.of(
            "MODDUP",
            "MULTIDRIVEN",
            "IMPLICIT",
            "PINMISSING",
            "SELRANGE",
            "LATCH",
            "COMBDLY",
            "BLKANDNBLK",
            "ALWCOMBORDER",
            "INITIALDLY",
            "ASSIGNIN",
            "MULTITOP",
            "INFINITELOOP");

    /** File name of the library inside its cache directory. */
    static final String LIBRARY_NAME = "libmramcim.so";

    /** The library's SHA-256, written beside it when it was built. */
    static final String DIGEST_NAME = LIBRARY_NAME + ".sha256";

    /** Version of the cached port lists (cache/ports/*.json); part of every hash. */
    static final String PORTS_FORMAT = "mramcim-ports/1";

    /**
     * One file of a netlist: Verilog, or C/C++ (DPI functions, a test library) compiled and linked
     * into the library.
     *
     * @param name the name the user gave it, for messages
     * @param text its content
     */
    public record Source(String name, String text) {
        /** True for C and C++ files (.c, .cc, .cpp, .cxx). */
        public boolean cpp() {
            return name.matches("(?i).*\\.(c|cc|cpp|cxx)$");
        }
    }

    /** What the library is built for. */
    public enum Variant {
        /** Full speed. */
        FAST(List.of()),
        /**
         * With Verilator's line, toggle and user coverage points, written per seed to a .dat file.
         */
        COVERAGE(List.of("--coverage-line", "--coverage-toggle", "--coverage-user"));

        private final List<String> flags;

        Variant(List<String> flags) {
            this.flags = flags;
        }

        /** The Verilator flags of the variant. */
        public List<String> flags() {
            return flags;
        }
    }

    private static final String WRAPPER_RESOURCE = "/mramcim/cosim/verilator/wrapper.cpp";
    private static final String TMP_MARK = ".tmp-";
    private static final long TOOL_TIMEOUT_MINUTES = 30;
    private static final int WARNINGS_SHOWN = 20;
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TMP_DIR = Pattern.compile(".*" + Pattern.quote(TMP_MARK) + "(\\d+)-.*");
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    /** Tool runs in progress, stopped and cleaned up when the JVM is asked to exit (Ctrl-C). */
    private static final Set<Running> RUNNING = ConcurrentHashMap.newKeySet();

    /** Temporary build directories that exist now, removed when the JVM is asked to exit. */
    private static final Set<Path> TEMP_DIRS = ConcurrentHashMap.newKeySet();

    /**
     * Guards {@link #shuttingDown}: a temporary directory is created and a tool started only under
     * it, so the shutdown hook never misses one that appears while it cleans up (a SIGTERM between
     * creating a build directory and starting Verilator left the directory behind).
     */
    private static final Object SHUTDOWN_LOCK = new Object();

    private static boolean shuttingDown;

    /** How long the shutdown hook waits for a killed tool's processes to exit, s. */
    private static final long KILLED_EXIT_SECONDS = 5;

    /**
     * Attempts and pause of the hook's removal of a build directory: about a second in all, for
     * a process that was still dying to stop writing into it.
     */
    private static final int REMOVE_ATTEMPTS = 20;

    private static final long REMOVE_PAUSE_MS = 50;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NativeBuilder::stopAll, "native-build-cleanup"));
    }

    /**
     * Verilator options: fast model, two-state start-up, VCD tracing compiled in (off until asked),
     * and the "executable" linked as a shared library together with the wrapper. Every library
     * defines the same Verilator symbols (Vtop, its root class); -Bsymbolic binds each library's
     * references to its own definitions so that two configurations open in one JVM never call into
     * each other. VL_USER_FINISH/STOP/FATAL hand $finish, $stop and fatal errors to the wrapper
     * instead of exit() and abort().
     */
    private static final List<String> VERILATOR_FLAGS = flags();

    private static List<String> flags() {
        List<String> f = new ArrayList<>(List.of(
                "--cc",
                "--build",
                "-j",
                "2",
                "--prefix",
                "Vtop",
                "--trace",
                "-O3",
                "--x-assign",
                "fast",
                "--x-initial",
                "fast",
                "--noassert",
                "-Wno-fatal"));
        f.addAll(warningFlags());
        f.addAll(List.of(
                "-CFLAGS",
                "-fPIC",
                "-CFLAGS",
                "-DVL_USER_FINISH",
                "-CFLAGS",
                "-DVL_USER_STOP",
                "-CFLAGS",
                "-DVL_USER_FATAL",
                "-LDFLAGS",
                "-shared",
                "-LDFLAGS",
                "-Wl,-Bsymbolic",
                "-MAKEFLAGS",
                "OPT_FAST=-O2"));
        return List.copyOf(f);
    }

    private final Path cache;
    private final String verilator;
    private final Consumer<String> log;

    /**
     * @param cache directory holding the built libraries
     * @param verilator the Verilator command (normally "verilator" from PATH)
     * @param log receives one line per decision (built, skipped), per tool run and per warning
     */
    public NativeBuilder(Path cache, String verilator, Consumer<String> log) {
        this.cache = cache;
        this.verilator = verilator;
        this.log = log;
    }

    /**
     * A builder on the cache named by the {@value #CACHE_PROPERTY} property (default:
     * ./target/native).
     */
    public static NativeBuilder standard(Consumer<String> log) {
        return new NativeBuilder(defaultCache(), "verilator", log);
    }

    /** The cache directory of {@link #standard}. */
    public static Path defaultCache() {
        return Path.of(System.getProperty(CACHE_PROPERTY, "target/native"))
                .toAbsolutePath()
                .normalize();
    }

    /** The library of Verilog the project generated itself (one file, full speed). */
    public NativeBuild build(String top, String label, String verilog) {
        return build(top, label, List.of(new Source(top + ".sv", verilog)), Variant.FAST);
    }

    /**
     * Returns the library for the netlist {@code sources} with top module {@code top}, building it
     * when no intact library with the same content hash exists yet.
     *
     * @param label configuration label used in messages only, for example "64x64"
     * @throws NetlistRejectedException if Verilator refuses the Verilog (syntax, or a warning of
     *     {@link #ERROR_WARNINGS})
     */
    public NativeBuild build(String top, String label, List<Source> sources, Variant variant) {
        checkTop(top);
        PortList ports = ports(top, sources);
        String wrapper = wrapperSource();
        String portsHeader = ports.portsHeader();
        String version = verilatorVersion();
        List<String> flags = flags(variant);
        List<String> parts = new ArrayList<>(List.of(
                top, wrapper, portsHeader, version, String.join(" ", flags), HaltCause.defines(), PORTS_FORMAT));
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (int k = 0; k < sources.size(); k++) {
            String internal = internalName(top, k, sources.get(k));
            names.put(internal, sources.get(k).name());
            parts.add(internal);
            parts.add(sources.get(k).text());
        }
        String hash = sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        Path dir = cache.resolve(hash);
        Path lib = dir.resolve(LIBRARY_NAME);
        NativeBuild wanted = new NativeBuild(top, label, hash, lib, ports, null, names);
        synchronized (LOCKS.computeIfAbsent(hash, h -> new Object())) {
            if (Files.exists(dir)) {
                String digest = intactDigest(dir);
                if (digest != null) {
                    log.accept("Verilator skipped for " + wanted.describe() + ": library up to date at " + lib);
                    return wanted.withLibraryDigest(digest);
                }
                log.accept("cached library "
                        + lib
                        + " is damaged (missing, or its SHA-256 differs from the one"
                        + " recorded when it was built): rebuilding it");
                discard(dir);
            }
            removeAbandonedBuilds();
            long t0 = System.nanoTime();
            buildInto(dir, wanted, sources, flags, wrapper, portsHeader);
            String digest = intactDigest(dir);
            if (digest == null) {
                throw new ToolchainException("the library built for "
                        + wanted.describe()
                        + " at "
                        + lib
                        + " does not match its recorded SHA-256 right after the build: is the cache shared with a"
                        + " process that damages it? Fix: remove "
                        + dir);
            }
            log.accept(String.format(
                    Locale.ROOT, "Verilated %s in %.1f s: %s", wanted.describe(), (System.nanoTime() - t0) / 1e9, lib));
            return wanted.withLibraryDigest(digest);
        }
    }

    /**
     * The ports of {@code top} in {@code sources}, as Verilator elaborates them ({@code verilator
     * --xml-only}), cached by content hash in {@code cache/ports}.
     *
     * @throws NetlistRejectedException if Verilator refuses the Verilog
     * @throws IllegalArgumentException if the top is missing or has a port mramcim cannot drive
     */
    public PortList ports(String top, List<Source> sources) {
        checkTop(top);
        if (sources.stream().noneMatch(src -> !src.cpp())) {
            throw new IllegalArgumentException("no Verilog file among the sources: give the netlist's .v or .sv files");
        }
        List<String> parts = new ArrayList<>(List.of(top, verilatorVersion(), PORTS_FORMAT));
        for (int k = 0; k < sources.size(); k++) {
            parts.add(internalName(top, k, sources.get(k)));
            parts.add(sources.get(k).text());
        }
        String key = sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        Path cached = cache.resolve("ports").resolve(key + ".json");
        if (Files.isRegularFile(cached)) {
            try {
                return PortsFile.read(cached);
            } catch (RuntimeException e) {
                // a damaged cache entry is simply read again from the sources
            }
        }
        Path tmp = cache.resolve("ports")
                .resolve(key + TMP_MARK + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            createTemp(tmp);
            List<String> files = writeSources(tmp, top, sources, false);
            // Elaboration only, warnings not fatal: a netlist whose interface is wrong is refused
            // by the
            // interface check with the port's name and both widths, before the build refuses it for
            // the width warnings that follow from it.
            List<String> cmd =
                    new ArrayList<>(List.of(verilator, "--xml-only", "-Wno-fatal", "-Wno-lint", "-Wno-style"));
            cmd.addAll(List.of("--top-module", top, "--xml-output", "ports.xml"));
            cmd.addAll(files);
            Path logFile = tmp.resolve("verilator.log");
            int rc = run(cmd, tmp, logFile, "verilator");
            List<String> lines = readLines(logFile);
            Map<String, String> names = new java.util.LinkedHashMap<>();
            for (int k = 0; k < sources.size(); k++) {
                names.put(internalName(top, k, sources.get(k)), sources.get(k).name());
            }
            if (rc != 0) {
                if (lines.stream().anyMatch(l -> l.contains("Specified --top-module '" + top + "' was not found"))) {
                    throw new NetlistRejectedException("module "
                            + top
                            + " not found in "
                            + String.join(", ", names.values())
                            + ": give the netlist whose top module is "
                            + top);
                }
                throw failure(
                        "the ports of " + top,
                        names,
                        cmd,
                        rc,
                        lines,
                        logFile,
                        cache.resolve("ports").resolve(key));
            }
            PortList ports;
            try {
                ports = VerilatorPorts.fromXml(tmp.resolve("ports.xml"), top);
            } catch (IllegalArgumentException e) {
                throw new NetlistRejectedException(
                        e.getMessage().startsWith("module ")
                                ? "module "
                                        + top
                                        + " not found in "
                                        + String.join(", ", names.values())
                                        + ": give the netlist whose top is "
                                        + top
                                : e.getMessage());
            }
            PortsFile.write(cached, ports);
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ports of " + top + " in " + tmp, e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void checkTop(String top) {
        if (!IDENT.matcher(top).matches()) {
            throw new IllegalArgumentException("top = '" + top + "' is not a Verilog identifier");
        }
    }

    /** The file name a source is compiled under: the top's name for the first Verilog file. */
    public static String internalName(String top, int k, Source s) {
        if (s.cpp()) {
            String ext = s.name().substring(s.name().lastIndexOf('.')).toLowerCase(java.util.Locale.ROOT);
            return "dpi_" + k + ext;
        }
        return k == 0 ? top + ".sv" : top + "_" + k + ".sv";
    }

    /** Writes the sources under their internal names; returns those to give Verilator. */
    private static List<String> writeSources(Path dir, String top, List<Source> sources, boolean withCpp)
            throws IOException {
        List<String> files = new ArrayList<>();
        for (int k = 0; k < sources.size(); k++) {
            Source s = sources.get(k);
            String internal = internalName(top, k, s);
            Files.writeString(dir.resolve(internal), s.text());
            if (withCpp || !s.cpp()) {
                files.add(internal);
            }
        }
        return files;
    }

    private static List<String> warningFlags() {
        List<String> f = new ArrayList<>();
        for (String w : ERROR_WARNINGS) {
            f.add("-Wwarn-" + w);
            f.add("-Werror-" + w);
        }
        return f;
    }

    private static List<String> flags(Variant variant) {
        List<String> f = new ArrayList<>(VERILATOR_FLAGS);
        f.addAll(variant.flags());
        return f;
    }

    private void buildInto(
            Path dir, NativeBuild build, List<Source> sources, List<String> flags, String wrapper, String portsHeader) {
        Path tmp = dir.resolveSibling(
                dir.getFileName() + TMP_MARK + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            createTemp(tmp);
            List<String> files = writeSources(tmp, build.top(), sources, true);
            Files.writeString(tmp.resolve("wrapper.cpp"), wrapper);
            Files.writeString(tmp.resolve("ports.h"), portsHeader);
            // The hash and a description are compiled into the library so that a copied, renamed or
            // stale library can be recognised and refused when it is loaded (NativeLoader). The
            // description is escaped: the label may hold a user's file name.
            Files.writeString(
                    tmp.resolve("build_info.h"),
                    "#define MRAMCIM_BUILD_HASH "
                            + cString(build.hash())
                            + "\n#define MRAMCIM_BUILD_INFO "
                            + cString(build.top() + " " + build.label() + " hash=" + build.hash())
                            + "\n"
                            + HaltCause.defines());
            log.accept("Verilating " + build.describe() + " ...");
            List<String> vcmd = new ArrayList<>();
            vcmd.add(verilator);
            vcmd.addAll(flags);
            vcmd.addAll(List.of("--top-module", build.top(), "--Mdir", "obj_dir", "--exe", "-o", "../" + LIBRARY_NAME));
            vcmd.addAll(files);
            vcmd.add("wrapper.cpp");
            Path logFile = tmp.resolve("verilator.log");
            int rc = run(vcmd, tmp, logFile, "verilator");
            List<String> lines = readLines(logFile);
            if (rc != 0) {
                throw failure(build.describe(), build.sourceNames(), vcmd, rc, lines, logFile, dir);
            }
            reportWarnings(lines, build, dir);
            Path lib = tmp.resolve(LIBRARY_NAME);
            Files.writeString(tmp.resolve(DIGEST_NAME), fileDigest(lib) + "\n");
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                TEMP_DIRS.remove(tmp);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another process finished the same build first: its library has the same content.
                deleteTree(tmp);
            } catch (IOException e) {
                if (!Files.isRegularFile(dir.resolve(LIBRARY_NAME))) {
                    throw e;
                }
                deleteTree(tmp);
            }
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("building " + build.describe() + " in " + tmp, e);
        } catch (RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * A failed Verilator run: the netlist's fault when Verilator printed %Error lines (a syntax
     * error, an error warning), the tool chain's otherwise (a compiler failure). The log is kept
     * beside the cache directory so the user can read all of it.
     */
    private RuntimeException failure(
            String what,
            Map<String, String> names,
            List<String> cmd,
            int rc,
            List<String> lines,
            Path logFile,
            Path dir) {
        Path kept = dir.resolveSibling(dir.getFileName() + ".failed.log");
        try {
            Files.copy(logFile, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            kept = logFile;
        }
        List<String> errors = lines.stream()
                .filter(l -> l.startsWith("%Error") && !l.startsWith("%Error: Exiting due to"))
                .map(l -> rename(l, names))
                .toList();
        if (!errors.isEmpty()) {
            return new NetlistRejectedException("Verilator refused "
                    + String.join(", ", names.values())
                    + ": "
                    + errors.get(0).replaceAll("\\.$", "")
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "")
                    + ". Fix the netlist; the whole log is "
                    + kept);
        }
        return new ToolchainException("verilator failed (exit "
                + rc
                + ") on "
                + what
                + " running "
                + String.join(" ", cmd)
                + "\n--- last lines of "
                + kept
                + " ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }

    private void reportWarnings(List<String> lines, NativeBuild build, Path dir) {
        List<String> warnings =
                lines.stream().filter(l -> l.startsWith("%Warning")).toList();
        for (int k = 0; k < Math.min(WARNINGS_SHOWN, warnings.size()); k++) {
            log.accept("verilator: " + build.cite(warnings.get(k)));
        }
        if (warnings.size() > WARNINGS_SHOWN) {
            log.accept("verilator: ... "
                    + (warnings.size() - WARNINGS_SHOWN)
                    + " more warnings in "
                    + dir.resolve("verilator.log"));
        }
    }

    /** The internal copies' names in Verilator's messages replaced by the user's file names. */
    private static String rename(String line, Map<String, String> names) {
        String out = line;
        for (Map.Entry<String, String> e : names.entrySet()) {
            out = out.replace(e.getKey() + ":", e.getValue() + ":");
        }
        return out;
    }

    /** Verilator's version line; also the check that Verilator is installed at all. */
    public String verilatorVersion() {
        return runCapture(List.of(verilator, "--version"), "verilator").trim();
    }

    /** The SHA-256 recorded for the library in {@code dir} when it matches the file, or null. */
    static String intactDigest(Path dir) {
        Path lib = dir.resolve(LIBRARY_NAME);
        Path rec = dir.resolve(DIGEST_NAME);
        if (!Files.isRegularFile(lib) || !Files.isRegularFile(rec)) {
            return null;
        }
        try {
            String recorded = Files.readString(rec).trim();
            return recorded.equals(fileDigest(lib)) ? recorded : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** SHA-256 (hex) of a file's bytes. */
    static String fileDigest(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private int run(List<String> cmd, Path dir, Path logFile, String tool) {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Process p;
        Running r;
        synchronized (SHUTDOWN_LOCK) {
            refuseIfShuttingDown();
            p = start(pb, tool);
            r = new Running(p, dir);
            RUNNING.add(r);
        }
        try {
            return waitFor(p, tool);
        } finally {
            RUNNING.remove(r);
        }
    }

    private String runCapture(List<String> cmd, String tool) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = start(pb, tool);
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rc = waitFor(p, tool);
        if (rc != 0) {
            throw new ToolchainException(
                    tool + " failed (exit " + rc + ") running " + String.join(" ", cmd) + ": " + out);
        }
        return out;
    }

    private Process start(ProcessBuilder pb, String tool) {
        try {
            return pb.start();
        } catch (IOException e) {
            String fix = tool.equals("verilator")
                    ? "install it with 'apt-get install -y verilator' (scripts/setup does this), or put it on PATH"
                    : "install it with 'apt-get install -y g++'";
            throw new ToolchainException(
                    tool
                            + " not found: '"
                            + pb.command().get(0)
                            + "' cannot be run ("
                            + e.getMessage()
                            + "). The RTL co-simulation needs Verilator 5.006 and g++: "
                            + fix
                            + ".",
                    e);
        }
    }

    private static int waitFor(Process p, String tool) {
        try {
            if (!p.waitFor(TOOL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                destroyTree(p.toHandle());
                throw new ToolchainException(tool + " did not finish within " + TOOL_TIMEOUT_MINUTES + " minutes");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            destroyTree(p.toHandle());
            Thread.currentThread().interrupt();
            throw new ToolchainException(tool + " interrupted", e);
        }
    }

    /**
     * Kills a process and everything it started (verilator runs make, make runs g++ and cc1plus),
     * children first so that none is re-parented and missed.
     */
    static Set<ProcessHandle> destroyTree(ProcessHandle root) {
        Set<ProcessHandle> killed = new java.util.HashSet<>();
        for (int pass = 0; pass < 3; pass++) {
            List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
            if (all.isEmpty() && !root.isAlive()) {
                return killed;
            }
            java.util.Collections.reverse(all);
            all.forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
            killed.addAll(all);
            killed.add(root);
        }
        return killed;
    }

    /** Waits until every process of {@code family} has exited, at most {@code seconds} in all. */
    private static void awaitExit(Set<ProcessHandle> family, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return;
            }
        }
    }

    /**
     * Deletes a directory, again if a process that was still dying wrote into it meanwhile, for at
     * most about a second.
     */
    private static void deleteUntilGone(Path dir) {
        for (int k = 0; k < REMOVE_ATTEMPTS; k++) {
            deleteTree(dir);
            if (!Files.exists(dir)) {
                return;
            }
            try {
                Thread.sleep(REMOVE_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Creates a temporary build directory, known to the shutdown hook until it is gone. */
    private static void createTemp(Path tmp) throws IOException {
        synchronized (SHUTDOWN_LOCK) {
            refuseIfShuttingDown();
            Files.createDirectories(tmp);
            TEMP_DIRS.add(tmp);
        }
    }

    private static void refuseIfShuttingDown() {
        if (shuttingDown) {
            throw new ToolchainException("not starting a build: the process is stopping");
        }
    }

    /**
     * The shutdown hook: no new directory or tool from here on, then stops every tool still running
     * and removes every temporary directory.
     */
    private static void stopAll() {
        synchronized (SHUTDOWN_LOCK) {
            shuttingDown = true;
        }
        for (Running r : RUNNING) {
            // Every process of the tool (verilator, make, g++, cc1plus, as) is dead before its
            // directory goes, so that none writes into it afterwards.
            awaitExit(destroyTree(r.process().toHandle()), KILLED_EXIT_SECONDS);
            deleteUntilGone(r.dir());
        }
        TEMP_DIRS.forEach(NativeBuilder::deleteUntilGone);
    }

    /**
     * Temporary build directories whose process is gone (killed with SIGKILL, a crash) are removed.
     */
    private void removeAbandonedBuilds() {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache)) {
            for (Path p : entries) {
                Matcher m = TMP_DIR.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    deleteTree(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Best effort: a leftover temporary directory is never mistaken for a library.
        }
    }

    /** Moves a damaged library directory out of the way, then removes it. */
    private static void discard(Path dir) {
        Path aside = dir.resolveSibling(dir.getFileName()
                + ".damaged"
                + TMP_MARK
                + ProcessHandle.current().pid()
                + "-"
                + UUID.randomUUID());
        try {
            Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(aside);
        } catch (IOException e) {
            deleteTree(dir);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    /**
     * A C string literal of {@code s}: letters, digits and a few harmless punctuation marks as they
     * are, every other byte as an octal escape, so no text can close the literal.
     */
    static String cString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || " _.:=-+/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('\\').append(String.format(Locale.ROOT, "%03o", c));
            }
        }
        return sb.append('"').toString();
    }

    private static String wrapperSource() {
        try (InputStream in = NativeBuilder.class.getResourceAsStream(WRAPPER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + WRAPPER_RESOURCE + " missing from the cosim jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // Best effort: a leftover temporary directory is never mistaken for a library.
            }
        }
        // Still known to the shutdown hook until it is really gone (a dying compiler may write).
        if (!Files.exists(root)) {
            TEMP_DIRS.remove(root);
        }
    }

    private record Running(Process process, Path dir) {}
}
