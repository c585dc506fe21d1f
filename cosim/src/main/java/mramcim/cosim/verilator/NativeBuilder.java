package mramcim.cosim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Verilates a top and links it with the C++ wrapper into a shared library, once per content.
 *
 * <p>The library lives in {@code cache/<top>_<label>-<hash16>/}; the hash covers the Verilog, the
 * wrapper, the generated port code, the Verilator version and the flags, so a library is rebuilt
 * exactly when one of them changed and is otherwise reused ("skipped" in the log). A build happens
 * in a temporary directory that is moved into place only when it succeeded, so an interrupted or
 * failed build never leaves a half-built library behind.
 */
public final class NativeBuilder {

    /** System property naming the library cache; Maven and the launcher both set it. */
    public static final String CACHE_PROPERTY = "mramcim.nativeCache";

    private static final String WRAPPER_RESOURCE = "/mramcim/cosim/verilator/wrapper.cpp";
    private static final String LIBRARY_NAME = "libmramcim.so";
    private static final long TOOL_TIMEOUT_MINUTES = 30;
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    /**
     * Verilator options: fast model, two-state start-up, VCD tracing compiled in (off until asked),
     * and the "executable" linked as a shared library together with the wrapper. Every library
     * defines the same Verilator symbols (Vtop, its root class); -Bsymbolic binds each library's
     * references to its own definitions so that two configurations open in one JVM never call
     * into each other.
     */
    private static final List<String> VERILATOR_FLAGS = List.of(
            "--cc", "--build", "-j", "2", "--prefix", "Vtop", "--trace", "-O3",
            "--x-assign", "fast", "--x-initial", "fast", "--noassert", "-Wno-fatal",
            "-CFLAGS", "-fPIC", "-LDFLAGS", "-shared", "-LDFLAGS", "-Wl,-Bsymbolic", "-MAKEFLAGS", "OPT_FAST=-O2");

    private final Path cache;
    private final String verilator;
    private final Consumer<String> log;

    /**
     * @param cache     directory holding the built libraries
     * @param verilator the Verilator command (normally "verilator" from PATH)
     * @param log       receives one line per decision (built, skipped) and per tool run
     */
    public NativeBuilder(Path cache, String verilator, Consumer<String> log) {
        this.cache = cache;
        this.verilator = verilator;
        this.log = log;
    }

    /** A builder on the cache named by the {@value #CACHE_PROPERTY} property (default: ./target/native). */
    public static NativeBuilder standard(Consumer<String> log) {
        return new NativeBuilder(defaultCache(), "verilator", log);
    }

    /** The cache directory of {@link #standard}. */
    public static Path defaultCache() {
        return Path.of(System.getProperty(CACHE_PROPERTY, "target/native")).toAbsolutePath().normalize();
    }

    /**
     * Returns the library for {@code verilog}'s module {@code top}, building it when no library
     * with the same content hash exists yet.
     *
     * @param label configuration label used in directory names and messages, for example "64x64"
     */
    public NativeBuild build(String top, String label, String verilog) {
        PortList ports = PortList.parse(verilog, top);
        String wrapper = wrapperSource();
        String portsHeader = ports.portsHeader();
        String version = verilatorVersion();
        String hash = sha256(String.join("\u0000", List.of(top, verilog, wrapper, portsHeader, version,
                String.join(" ", VERILATOR_FLAGS))));
        Path dir = cache.resolve(top + "_" + label + "-" + hash.substring(0, 16));
        Path lib = dir.resolve(LIBRARY_NAME);
        NativeBuild build = new NativeBuild(top, label, hash, lib, ports);
        synchronized (LOCKS.computeIfAbsent(hash, h -> new Object())) {
            if (Files.isRegularFile(lib)) {
                log.accept("Verilator skipped for " + build.describe() + ": library up to date at " + lib);
                return build;
            }
            long t0 = System.nanoTime();
            buildInto(dir, build, verilog, wrapper, portsHeader);
            log.accept(String.format("Verilated %s in %.1f s: %s", build.describe(),
                    (System.nanoTime() - t0) / 1e9, lib));
        }
        return build;
    }

    private void buildInto(Path dir, NativeBuild build, String verilog, String wrapper, String portsHeader) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            String svName = build.top() + ".sv";
            Files.writeString(tmp.resolve(svName), verilog);
            Files.writeString(tmp.resolve("wrapper.cpp"), wrapper);
            Files.writeString(tmp.resolve("ports.h"), portsHeader);
            // The hash and a description are compiled into the library so that a copied, renamed or
            // stale library can be recognised and refused when it is loaded (NativeLoader).
            Files.writeString(tmp.resolve("build_info.h"), "#define MRAMCIM_BUILD_HASH \"" + build.hash()
                    + "\"\n#define MRAMCIM_BUILD_INFO \"" + build.top() + " " + build.label() + " hash="
                    + build.hash() + "\"\n");
            log.accept("Verilating " + build.describe() + " ...");
            List<String> vcmd = new ArrayList<>();
            vcmd.add(verilator);
            vcmd.addAll(VERILATOR_FLAGS);
            vcmd.addAll(List.of("--top-module", build.top(), "--Mdir", "obj_dir", "--exe", "-o", "../" + LIBRARY_NAME,
                    svName, "wrapper.cpp"));
            run(vcmd, tmp, "verilator");
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
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

    /** Verilator's version line; also the check that Verilator is installed at all. */
    public String verilatorVersion() {
        return runCapture(List.of(verilator, "--version"), null, "verilator").trim();
    }

    private void run(List<String> cmd, Path dir, String tool) {
        Path logFile = dir.resolve(tool + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        int rc = waitFor(start(pb, tool), tool);
        if (rc != 0) {
            throw new ToolchainException(tool + " failed (exit " + rc + ") running " + String.join(" ", cmd)
                    + "\n--- last lines of " + logFile.getFileName() + " ---\n" + tail(logFile, 30));
        }
    }

    private String runCapture(List<String> cmd, Path dir, String tool) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = start(pb, tool);
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rc = waitFor(p, tool);
        if (rc != 0) {
            throw new ToolchainException(tool + " failed (exit " + rc + ") running " + String.join(" ", cmd) + ": " + out);
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
            throw new ToolchainException(tool + " not found: '" + pb.command().get(0) + "' cannot be run ("
                    + e.getMessage() + "). The RTL co-simulation needs Verilator 5.006 and g++: " + fix + ".", e);
        }
    }

    private static int waitFor(Process p, String tool) {
        try {
            if (!p.waitFor(TOOL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ToolchainException(tool + " did not finish within " + TOOL_TIMEOUT_MINUTES + " minutes");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolchainException(tool + " interrupted", e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover temporary directory is never mistaken for a library.
        }
    }
}
