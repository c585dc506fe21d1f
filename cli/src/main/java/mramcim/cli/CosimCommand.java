package mramcim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.periphery.Hierarchy;
import mramcim.results.OutputDir;
import mramcim.verification.coverage.CodeCoverage;
import mramcim.verification.coverage.CodeCoverageFiles;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.regression.CosimSummary;
import mramcim.verification.regression.Regression;
import mramcim.verification.regression.SeedJob;
import mramcim.verification.regression.SeedResult;
import mramcim.verification.regression.WaveMode;
import mramcim.verification.regression.WorkerPool;
import mramcim.verification.trace.TraceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mramcim cosim}: one seed of random commands, the RTL against the Java model in lockstep.
 */
@Command(
        name = "cosim",
        mixinStandardHelpOptions = true,
        description = "Run a seeded random command stream on the RTL and the Java model in lockstep.")
public final class CosimCommand implements Callable<Integer> {

    /** Defaults of --seed and --cycles (also what a replay command without them means). */
    static final long DEFAULT_SEED = 1;

    static final long DEFAULT_CYCLES = 100_000;

    /** The files cosim writes, removed when a new run claims the directory. */
    static final List<String> FILES =
            List.of("summary.txt", "summary.json", "wave", Regression.LOG_DIR, CodeCoverageFiles.DIR);

    @picocli.CommandLine.Mixin
    ConfigOptions design;

    @Option(
            names = "--seed",
            defaultValue = "" + DEFAULT_SEED,
            description = "seed of the array and of the command stream (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--cycles",
            defaultValue = "" + DEFAULT_CYCLES,
            description = "clock cycles (default ${DEFAULT-VALUE})")
    long cycles;

    @Option(
            names = "--wave",
            defaultValue = "on-fail",
            converter = WaveConverter.class,
            description =
                    "waveforms: on-fail (the window before a divergence), always (the whole run), never (default ${DEFAULT-VALUE})")
    WaveMode wave;

    @Option(
            names = "--window",
            defaultValue = "2000",
            description = "cycles of waveform before a divergence (default ${DEFAULT-VALUE})")
    long window;

    @picocli.CommandLine.Mixin
    NetlistOptions netlist;

    @picocli.CommandLine.Mixin
    EngineOptions engine;

    @Option(names = "--count-all", description = "do not stop at the first divergence; count divergent cycles")
    boolean countAll;

    @Option(
            names = "--code-coverage",
            description = "RTL line and toggle coverage of the run (the coverage build of the"
                    + " library), written to OUT/code-coverage")
    boolean codeCoverage;

    @Option(
            names = "--seed-timeout",
            description = "wall-time budget in seconds (default: 600, or cycles / 2000 if longer)")
    Long seedTimeout;

    @Option(
            names = "--stall-timeout",
            defaultValue = "60",
            description = "seconds without progress after which the run counts as hung (default ${DEFAULT-VALUE})")
    long stallTimeout;

    @Option(names = "--out", defaultValue = "out/cosim", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--trace",
            paramLabel = "FILE",
            description = "replay this command trace (docs/traces.md) instead of the seed's random commands, on the"
                    + " design and die the trace names; --cycles then only caps the run")
    Path trace;

    @Option(
            names = "--record",
            paramLabel = "FILE",
            description = "write the run's command trace to FILE: replay it with --trace, shrink it with `mramcim"
                    + " shrink --trace FILE`")
    Path record;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class WaveConverter implements picocli.CommandLine.ITypeConverter<WaveMode> {
        @Override
        public WaveMode convert(String s) {
            try {
                return WaveMode.of(s);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        CliChecks.cycles("--cycles", cycles);
        CliChecks.range("--window", window, 1, CliChecks.MAX_CYCLES);
        if (seed < 0) {
            throw new IllegalArgumentException("--seed = " + seed + " is out of range: allowed 0.." + Long.MAX_VALUE);
        }
        List<Path> verilog = netlist.files();
        CosimRun.Options o = trace == null ? randomRun(verilog) : traceRun(verilog);
        WorkerPool.Limits defaults = WorkerPool.Limits.defaults(o.cycles());
        WorkerPool.Limits limits = new WorkerPool.Limits(
                seedTimeout == null ? defaults.seedTimeout() : Duration.ofSeconds(seedTimeout),
                Duration.ofSeconds(stallTimeout));
        List<Path> inputs = new java.util.ArrayList<>(verilog);
        inputs.addAll(design.inputs());
        if (trace != null) {
            inputs.add(trace);
        }
        OutputDir dir = OutputDir.claim(out, "cosim", FILES, inputs);
        return dir.guard(() -> run(o, limits, dir));
    }

    private CosimRun.Options randomRun(List<Path> verilog) {
        return new CosimRun.Options(
                design.resolve(),
                design.label(),
                seed,
                cycles,
                verilog,
                countAll,
                codeCoverage,
                java.util.Map.of(),
                engine.engine);
    }

    /** The trace's own design and die; an explicit --preset, --config or --seed must agree with it. */
    private CosimRun.Options traceRun(List<Path> verilog) {
        TraceFile t = TraceFiles.read("--trace", trace);
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        String label = t.trace().design();
        if ((parsed.hasMatchedOption("--preset") || parsed.hasMatchedOption("--config"))
                && !design.label().equals(label)) {
            throw new IllegalArgumentException("--trace " + trace + " runs on the design " + label + ", not "
                    + design.label() + ": leave out --preset and --config, or record the trace on that design");
        }
        if (parsed.hasMatchedOption("--seed") && seed != t.trace().seed()) {
            throw new IllegalArgumentException("--seed = " + seed + " but --trace " + trace
                    + " runs on the die of seed " + t.trace().seed() + ": leave out --seed");
        }
        long cap = parsed.hasMatchedOption("--cycles") ? cycles : CosimRun.traceCycleCap(t.trace());
        return new CosimRun.Options(
                CosimRun.traceDesign(t.trace()),
                label,
                t.trace().seed(),
                cap,
                verilog,
                countAll,
                codeCoverage,
                java.util.Map.of(),
                engine.engine,
                t);
    }

    private OutputDir.Outcome run(CosimRun.Options o, WorkerPool.Limits limits, OutputDir dir) throws Exception {
        NativeBuild build = CosimRun.library(o, line -> System.err.println("cosim: " + line));
        SeedJob job = SeedJob.of(o, wave, window, dir.path(), false, false, build);
        if (record != null) {
            job = job.withRecord(record);
        }
        WorkerPool pool = new WorkerPool(
                job, limits, dir.path(), dir.resolve(Regression.LOG_DIR), new AtomicBoolean(), n -> {}, null);
        SeedResult r = pool.run(List.of(o.seed()), 1).get(0);
        dir.record(List.of("wave", Regression.LOG_DIR, CodeCoverageFiles.DIR));
        CodeCoverage.Summary code = r.codeCoverage() == null
                ? null
                : CodeCoverageFiles.write(
                        List.of(dir.resolve(r.codeCoverage())), dir.path(), Hierarchy.TOP, Regression.sources(o));
        CosimSummary s = CosimSummary.of(o, r, code);
        List<String> lines = new ArrayList<>(s.lines(o.countAll()));
        r.waves().forEach(f -> lines.add("wrote " + dir.resolve(f)));
        if (record != null) {
            lines.add("trace: " + record.toAbsolutePath().normalize());
        }
        dir.write("summary.txt", String.join("\n", lines) + "\n");
        dir.write(
                "summary.json",
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(s));
        lines.forEach(System.out::println);
        System.out.println("summary: " + dir.resolve("summary.txt") + ", " + dir.resolve("summary.json"));
        return new OutputDir.Outcome(s.verdict().id(), s.verdict().exitCode());
    }
}
