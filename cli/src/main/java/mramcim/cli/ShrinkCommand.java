package mramcim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.results.OutputDir;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFile;
import mramcim.verification.trace.TraceFormat;
import mramcim.verification.triage.Shrinker;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mramcim shrink}: the shortest command trace that still fails, by delta debugging over a
 * failing trace or a failing seed's replay command (docs/traces.md).
 */
@Command(
        name = "shrink",
        mixinStandardHelpOptions = true,
        description = "Shrink a failing command trace (or a failing seed) to the fewest commands that still fail.")
public final class ShrinkCommand implements Callable<Integer> {

    /** The files shrink writes, removed when a new run claims the directory. */
    static final List<String> FILES = List.of("original.trace", "minimal.trace", "shrink.json", "summary.txt");

    /** Default wall-time budget, s. */
    static final long DEFAULT_BUDGET = 600;

    static final class Source {
        @Option(names = "--trace", paramLabel = "FILE", description = "the failing trace (cosim --record, regress)")
        Path trace;

        @Option(
                names = "--replay",
                paramLabel = "COMMAND",
                description = "the replay command a failing cosim or regress printed, in quotes")
        String replay;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = "--same-pin",
            description = "keep only changes after which the run fails on the original's first pin (or halts alike)")
    boolean samePin;

    @picocli.CommandLine.Mixin
    NetlistOptions netlist;

    @picocli.CommandLine.Mixin
    EngineOptions engine;

    @Option(
            names = "--budget",
            defaultValue = "600",
            description = "wall-time budget in seconds; the smallest failing trace so far is kept (default"
                    + " ${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--out", defaultValue = "out/shrink", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliChecks.range("--budget", budget, 1, 7 * 24 * 3600);
        ReplayLine replay = source.replay == null ? null : ReplayLine.parse(source.replay);
        List<Path> verilog = !netlist.files().isEmpty() || replay == null ? netlist.files() : replay.verilog();
        Path traceFile = source.trace != null ? source.trace : replay.trace();
        List<Path> inputs = new ArrayList<>(verilog);
        if (traceFile != null) {
            inputs.add(traceFile);
        }
        OutputDir dir = OutputDir.claim(out, "shrink", FILES, inputs);
        return dir.guard(() -> run(replay, traceFile, verilog, dir));
    }

    private OutputDir.Outcome run(ReplayLine replay, Path traceFile, List<Path> verilog, OutputDir dir)
            throws Exception {
        CosimRun.Options base;
        Trace original;
        if (traceFile != null) {
            TraceFile t = TraceFiles.read(source.trace != null ? "--trace" : "--replay ... --trace", traceFile);
            base = CosimRun.ofTrace(t, verilog, Map.of(), engine.engine);
            original = t.trace();
        } else {
            CliChecks.cycles("--replay ... --cycles", replay.cycles());
            base = new CosimRun.Options(
                    CosimRun.design(replay.design()),
                    replay.design(),
                    replay.seed(),
                    replay.cycles(),
                    verilog,
                    false,
                    false,
                    Map.of(),
                    engine.engine);
            original = null;
        }
        NativeBuild build = CosimRun.library(base, line -> System.err.println("shrink: " + line));
        if (original == null) {
            Trace[] t = {null};
            System.err.println("shrink: recording seed " + replay.seed() + " (" + replay.cycles() + " cycles)");
            CosimRun.Result r = CosimRun.run(base, build, () -> null, CosimRun.NO_CONTROL, x -> t[0] = x);
            if (r.passed()) {
                throw new IllegalArgumentException("--replay: seed " + replay.seed() + " passes on " + base.netlist()
                        + " in " + replay.cycles() + " cycles: there is no failure to shrink");
            }
            original = t[0];
        }
        Shrinker.Result s = new Shrinker(base, build, samePin, budget, line -> System.err.println("shrink: " + line))
                .shrink(original);
        Path minimal = dir.resolve("minimal.trace");
        TraceFormat.write(s.original(), dir.resolve("original.trace"));
        List<String> about = List.of(
                "shrunk by mramcim shrink from " + s.originalFailure().commands() + " commands ("
                        + (traceFile != null ? "trace " + traceFile.getFileName() : "seed " + replay.seed()) + ") on "
                        + base.netlist(),
                "fails there at " + failure(s.minimalFailure()));
        TraceFormat.write(s.minimal(), about, minimal);
        String replayMinimal = "scripts/mramcim cosim --trace " + minimal
                + String.join("", verilog.stream().map(v -> " --verilog " + v).toList());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "shrunk: %,d -> %,d commands (accepted up to the failure) in %,d lockstep runs, %.1f s%s",
                s.originalFailure().commands(),
                s.minimal().commands(),
                s.runs(),
                s.seconds(),
                s.budgetSpent() ? " (budget spent: the smallest so far)" : ""));
        lines.add("failure of the minimal trace: " + failure(s.minimalFailure()));
        lines.add("minimal trace (" + minimal + "):");
        for (String l : TraceFormat.write(s.minimal()).split("\n")) {
            if (!l.startsWith("#")) {
                lines.add("  " + l);
            }
        }
        lines.add("replay: " + replayMinimal);
        dir.write("summary.txt", String.join("\n", lines) + "\n");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "mramcim-shrink/1");
        json.put("originalCommands", s.originalFailure().commands());
        json.put("originalTraceCommands", s.original().commands());
        json.put("minimalCommands", s.minimal().commands());
        json.put("runs", s.runs());
        json.put("seconds", s.seconds());
        json.put("budgetSpent", s.budgetSpent());
        json.put("samePin", samePin);
        json.put("originalFailure", failure(s.originalFailure()));
        json.put("minimalFailure", failure(s.minimalFailure()));
        json.put("minimalTrace", minimal.toString());
        json.put("replay", replayMinimal);
        dir.write(
                "shrink.json",
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        lines.forEach(System.out::println);
        System.out.println("summary: " + dir.resolve("summary.txt") + ", " + dir.resolve("shrink.json"));
        return new OutputDir.Outcome(
                s.minimalFailure().passed() ? "FAIL" : "SHRUNK",
                s.minimalFailure().passed() ? 1 : 0);
    }

    private static String failure(CosimRun.Result r) {
        if (r.passed()) {
            return "none (passes)";
        }
        Divergence d = r.first();
        return d != null && d.cycle() == r.failureCycle()
                ? d.summary()
                : "RTL halted: " + r.halt().summary();
    }
}
