package mramcim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.verification.regression.CosimBench;
import mramcim.verification.regression.CosimRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mramcim bench}: lockstep cycles per second against the C++ loop, and where the time goes.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure lockstep cycles/s against the same Verilated model in a C++ loop, with a profile.")
public final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    ConfigOptions design;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "seed of the array and of the command stream (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--cycles",
            defaultValue = "1000000",
            description = "cycles per timed run (default ${DEFAULT-VALUE})")
    long cycles;

    @Option(
            names = "--repeat",
            defaultValue = "3",
            description = "timed rounds; medians are reported (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--out", defaultValue = "out/bench", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliChecks.range("--cycles", cycles, MIN_CYCLES, CliChecks.MAX_CYCLES);
        CliChecks.range("--repeat", repeat, 1, MAX_REPEAT);
        MacroConfig config = design.resolve();
        OutputDir dir = OutputDir.claim(out, "bench", List.of("bench.txt", "bench.json"), List.of());
        return dir.guard(() -> run(config, dir));
    }

    /** "cpp-loop" as a JSON key part: "cppLoop". */
    private static String camel(String name) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private static Map<String, Object> range(CosimBench.Spread s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", s.min());
        m.put("max", s.max());
        return m;
    }

    /**
     * Fewest cycles a timed run may have: the profile subtracts variants measured separately, and
     * below some 10^5 cycles (a tenth of a second) timer noise and JIT warm-up exceed the
     * differences.
     */
    static final long MIN_CYCLES = 100_000;

    /** Most rounds. */
    static final int MAX_REPEAT = 100;

    private OutputDir.Outcome run(MacroConfig config, OutputDir dir) throws Exception {
        CosimRun.Options o = new CosimRun.Options(config, design.label(), seed, cycles, null, false);
        NativeBuild build = CosimRun.library(o, line -> System.err.println("bench: " + line));
        CosimBench.Result r = CosimBench.run(o, build, repeat);
        List<String> lines = CosimBench.describe(r);
        dir.write("bench.txt", String.join("\n", lines) + "\n");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preset", design.label());
        json.put("rows", config.rows());
        json.put("cols", config.cols());
        json.put("seed", seed);
        json.put("cycles", r.recorded().cycles());
        json.put("repeats", repeat);
        json.put("batchedBatchLength", Lockstep.batchLength(Engine.BATCHED));
        json.put("pipelinedBatchLength", Lockstep.batchLength(Engine.PIPELINED));
        for (CosimBench.Variant v : r.variants()) {
            json.put(camel(v.name()) + "CyclesPerSecond", v.cyclesPerSecond());
        }
        json.put("ratio", r.ratio());
        json.put("batchedRatio", r.batchedRatio());
        json.put("pipelinedRatio", r.pipelinedRatio());
        json.put("ratioRange", range(r.ratioSpread()));
        json.put("batchedRatioRange", range(r.batchedSpread()));
        json.put("pipelinedRatioRange", range(r.pipelinedSpread()));
        Map<String, Object> profile = new LinkedHashMap<>();
        r.profile().forEach(v -> profile.put(camel(v.name()) + "Ns", v.nsPerCycle()));
        json.put("profileNsPerCycle", profile);
        Map<String, Object> batched = new LinkedHashMap<>();
        r.batchedProfile().forEach(v -> batched.put(camel(v.name()) + "Ns", v.nsPerCycle()));
        json.put("batchedProfileNsPerCycle", batched);
        json.put("replaysMatch", r.replaysMatch());
        dir.write(
                "bench.json",
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        lines.forEach(System.out::println);
        System.out.println("report: " + dir.resolve("bench.txt") + ", " + dir.resolve("bench.json"));
        return r.replaysMatch() ? new OutputDir.Outcome("PASS", 0) : new OutputDir.Outcome("FAIL", 1);
    }
}
