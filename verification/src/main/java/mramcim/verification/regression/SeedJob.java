package mramcim.verification.regression;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.Port;
import mramcim.cosim.verilator.PortList;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import mramcim.verification.trace.TraceFile;

/**
 * Everything a worker process needs to run seeds of one lockstep job: the configuration, the
 * stimulus length, the waveform policy and the already built native library (workers never build:
 * the supervisor builds once, so that workers cannot race on the cache). Sent to each worker as
 * JSON.
 *
 * @param configJson the macro configuration ({@link ConfigJson})
 * @param preset its name, for replay commands
 * @param cycles cycles per seed
 * @param verilog the {@code --verilog} files as the user named them; empty for the generated RTL
 * @param countAll go on after the first divergence, counting divergent cycles
 * @param codeCoverage the library is the coverage build: each seed writes its coverage points
 * @param pins the netlist's extra inputs held at fixed values (a mutation's {@code mutsel})
 * @param wave when to write waveforms
 * @param window waveform cycles before a failure
 * @param outDir the output directory; waveforms go below it
 * @param seedSubdirs waveforms in {@code failures/seed-N/wave} (a regression) rather than {@code
 *     wave} (one seed)
 * @param coverage collect functional coverage
 * @param build the library to load
 * @param engine how the RTL side of each seed runs
 * @param trace the command trace that drives the host ({@code cosim --trace}), or null for the
 *     random host of each seed
 * @param record where the main run's command trace goes ({@code cosim --record}), or null
 * @param corpus the directed traces of a regression's corpus: when not empty, "seed" k of this job
 *     is the trace {@code corpus[k]} (on its own die), not a random seed
 */
public record SeedJob(
        String configJson,
        String preset,
        long cycles,
        List<String> verilog,
        boolean countAll,
        boolean codeCoverage,
        Map<String, Long> pins,
        WaveMode wave,
        long window,
        String outDir,
        boolean seedSubdirs,
        boolean coverage,
        BuildRef build,
        Engine engine,
        String trace,
        String record,
        List<String> corpus) {

    public SeedJob {
        corpus = corpus == null ? List.of() : List.copyOf(corpus);
    }

    /** A built library as a worker receives it; the worker checks the digest before loading it. */
    public record BuildRef(
            String top,
            String label,
            String hash,
            String library,
            String libraryDigest,
            List<Port> ports,
            List<String> wrapperPorts,
            Map<String, String> sourceNames) {

        static BuildRef of(NativeBuild b) {
            return new BuildRef(
                    b.top(),
                    b.label(),
                    b.hash(),
                    b.library().toString(),
                    b.libraryDigest(),
                    b.ports().declared(),
                    b.ports().wrapperPorts(),
                    b.sourceNames());
        }

        NativeBuild toBuild() {
            return new NativeBuild(
                    top,
                    label,
                    hash,
                    Path.of(library),
                    PortList.of(top, ports, wrapperPorts),
                    libraryDigest,
                    sourceNames);
        }
    }

    /** The job of the runs {@code o} describes (its seed aside) on a library. */
    public static SeedJob of(
            CosimRun.Options o,
            WaveMode wave,
            long window,
            Path outDir,
            boolean seedSubdirs,
            boolean coverage,
            NativeBuild build) {
        return new SeedJob(
                ConfigJson.toJson(o.config()),
                o.preset(),
                o.cycles(),
                o.verilog().stream().map(Path::toString).toList(),
                o.countAll(),
                o.codeCoverage(),
                o.pins(),
                wave,
                window,
                outDir.toAbsolutePath().toString(),
                seedSubdirs,
                coverage,
                BuildRef.of(build),
                o.engine(),
                o.trace() == null || o.trace().file() == null
                        ? null
                        : o.trace().file().toAbsolutePath().toString(),
                null,
                List.of());
    }

    /** The same job with the netlist's extra inputs held at {@code values}. */
    public SeedJob withPins(Map<String, Long> values) {
        return copy(Map.copyOf(values), record, corpus);
    }

    /** The same job, writing the main run's command trace to {@code file}. */
    public SeedJob withRecord(Path file) {
        return copy(pins, file.toAbsolutePath().toString(), corpus);
    }

    /** The same job running the directed traces {@code files} ("seed" k = file k) instead of seeds. */
    public SeedJob withCorpus(List<Path> files) {
        return copy(
                pins,
                record,
                files.stream().map(f -> f.toAbsolutePath().toString()).toList());
    }

    private SeedJob copy(Map<String, Long> pins, String record, List<String> corpus) {
        return new SeedJob(
                configJson,
                preset,
                cycles,
                verilog,
                countAll,
                codeCoverage,
                pins,
                wave,
                window,
                outDir,
                seedSubdirs,
                coverage,
                build,
                engine,
                trace,
                record,
                corpus);
    }

    MacroConfig config() {
        return ConfigJson.fromJson(configJson);
    }

    /** The lockstep options of one seed (of the trace's die, when a trace drives the host). */
    CosimRun.Options options(MacroConfig config, long seed) {
        String file = !corpus.isEmpty() ? corpus.get((int) seed) : trace;
        if (file != null) {
            TraceFile t;
            try {
                t = TraceFile.read(Path.of(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // a corpus trace runs to its end, whatever the regression's --cycles: cut short, it
            // could pass before reaching the failure it was kept for
            return new CosimRun.Options(
                    config,
                    preset,
                    t.trace().seed(),
                    corpus.isEmpty() ? cycles : CosimRun.traceCycleCap(t.trace()),
                    verilog.stream().map(Path::of).toList(),
                    countAll,
                    codeCoverage,
                    pins,
                    engine,
                    t);
        }
        return new CosimRun.Options(
                config,
                preset,
                seed,
                cycles,
                verilog.stream().map(Path::of).toList(),
                countAll,
                codeCoverage,
                pins,
                engine);
    }

    /** Where the waveforms of a seed go. */
    Path waveDir(long seed) {
        return seedSubdirs ? failureDir(seed).resolve("wave") : Path.of(outDir).resolve("wave");
    }

    /**
     * Where a failing seed's files go in a regression: {@code failures/seed-N}, or {@code
     * failures/trace-NAME} for a directed trace of the corpus.
     */
    Path failureDir(long seed) {
        return Path.of(outDir).resolve("failures").resolve(failureName(seed));
    }

    /** {@code seed-N}, or {@code trace-NAME} for "seed" k of a corpus job. */
    String failureName(long seed) {
        return corpus.isEmpty() ? "seed-" + seed : "trace-" + traceName(Path.of(corpus.get((int) seed)));
    }

    /** A corpus trace's name: its file name without {@code .trace}. */
    public static String traceName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(SeedRunner.TRACE_SUFFIX) ? n.substring(0, n.length() - SeedRunner.TRACE_SUFFIX.length()) : n;
    }
}
