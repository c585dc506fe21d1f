package mramcim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.run.CosimRun;
import mramcim.run.Waves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim cosim}: one seed of random commands, the RTL against the Java model in lockstep. */
@Command(name = "cosim", description = "Run a seeded random command stream on the RTL and the Java model in lockstep.")
public final class CosimCommand implements Callable<Integer> {

    /** When to write waveforms. */
    public enum Wave { never, always, on_fail }

    @Option(names = "--preset", defaultValue = "jung2022", description = "configuration preset: jung2022, ideal, ideal-fine, small:RxC (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the array and of the command stream (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cycles", defaultValue = "100000", description = "clock cycles (default ${DEFAULT-VALUE})")
    long cycles;

    @Option(names = "--wave", defaultValue = "on-fail", converter = WaveConverter.class,
            description = "waveforms: on-fail (the window before a divergence), always (the whole run), never (default ${DEFAULT-VALUE})")
    Wave wave;

    @Option(names = "--window", defaultValue = "2000", description = "cycles of waveform before a divergence (default ${DEFAULT-VALUE})")
    long window;

    @Option(names = "--verilog", description = "run against this netlist of MramCimMacro (hand-edited or ECO) instead of the generated one")
    Path verilog;

    @Option(names = "--count-all", description = "do not stop at the first divergence; count divergent cycles")
    boolean countAll;

    @Option(names = "--out", defaultValue = "out/cosim", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    static final class WaveConverter implements picocli.CommandLine.ITypeConverter<Wave> {
        @Override
        public Wave convert(String s) {
            return switch (s) {
                case "on-fail" -> Wave.on_fail;
                case "always" -> Wave.always;
                case "never" -> Wave.never;
                default -> throw new IllegalArgumentException("--wave = " + s + " is unknown: allowed on-fail, always, never");
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        if (window < 1) {
            throw new IllegalArgumentException("--window = " + window + " is out of range: allowed 1.." + Long.MAX_VALUE);
        }
        if (verilog != null && !Files.isRegularFile(verilog)) {
            throw new IllegalArgumentException("--verilog = " + verilog + " is not a readable file");
        }
        MacroConfig config = MacroConfig.preset(preset);
        CosimRun.Options o = new CosimRun.Options(config, preset, seed, cycles, verilog, countAll);
        NativeBuild build = CosimRun.library(o, line -> System.err.println("cosim: " + line));
        Files.createDirectories(out);
        Path waveDir = out.resolve("wave");
        Waves waves = wave == Wave.always ? new Waves(waveDir, 1) : null;
        CosimRun.Result r = CosimRun.run(o, build, waves);
        List<Path> files = new ArrayList<>();
        if (waves != null) {
            files.addAll(waves.finish(config.rows(), config.cols()));
        } else if (wave == Wave.on_fail && !r.passed()) {
            // Replay the same seed (bit-exact) with tracing on for the window before the divergence.
            Waves replay = new Waves(waveDir, r.first().cycle() - window + 1);
            CosimRun.Options stopAtFirst = new CosimRun.Options(config, preset, seed, r.first().cycle(), verilog, false);
            CosimRun.run(stopAtFirst, build, replay);
            files.addAll(replay.finish(config.rows(), config.cols()));
        }
        List<String> lines = new ArrayList<>(CosimRun.describe(o, r));
        files.forEach(f -> lines.add("wrote " + f));
        Files.write(out.resolve("summary.txt"), lines);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", r.passed());
        json.put("preset", preset);
        json.put("rows", config.rows());
        json.put("cols", config.cols());
        json.put("seed", seed);
        json.put("cycles", r.cycles());
        json.put("commands", r.commands());
        json.put("resets", r.resets());
        json.put("seconds", r.seconds());
        json.put("cyclesPerSecond", r.cyclesPerSecond());
        json.put("netlist", verilog == null ? "generated" : verilog.toString());
        if (!r.passed()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cycle", r.first().cycle());
            d.put("signal", r.first().signal().port());
            d.put("model", "0x" + r.first().model());
            d.put("rtl", "0x" + r.first().rtl());
            d.put("lastCommands", r.first().lastCommands());
            d.put("divergentCycles", r.divergentCycles());
            json.put("divergence", d);
            json.put("replay", o.replayCommand());
        }
        json.put("waves", files.stream().map(Path::toString).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), json);
        lines.forEach(System.out::println);
        System.out.println("summary: " + out.resolve("summary.txt") + ", " + out.resolve("summary.json"));
        return r.passed() ? 0 : 1;
    }
}
