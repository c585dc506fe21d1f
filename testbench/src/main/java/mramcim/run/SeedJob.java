package mramcim.run;

import java.nio.file.Path;
import java.util.List;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.Port;
import mramcim.cosim.verilator.PortList;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;

/**
 * Everything a worker process needs to run seeds of one lockstep job: the configuration, the
 * stimulus length, the waveform policy and the already built native library (workers never build:
 * the supervisor builds once, so that workers cannot race on the cache). Sent to each worker as
 * JSON.
 *
 * @param configJson  the macro configuration ({@link ConfigJson})
 * @param preset      its name, for replay commands
 * @param cycles      cycles per seed
 * @param verilog     the {@code --verilog} netlist as the user named it, or null for the generated RTL
 * @param countAll    go on after the first divergence, counting divergent cycles
 * @param wave        when to write waveforms
 * @param window      waveform cycles before a failure
 * @param outDir      the output directory; waveforms go below it
 * @param seedSubdirs waveforms in {@code failures/seed-N/wave} (a regression) rather than {@code wave} (one seed)
 * @param coverage    collect functional coverage
 * @param build       the library to load
 */
public record SeedJob(String configJson, String preset, long cycles, String verilog, boolean countAll, WaveMode wave,
                      long window, String outDir, boolean seedSubdirs, boolean coverage, BuildRef build) {

    /** A built library as a worker receives it; the worker checks the digest before loading it. */
    public record BuildRef(String top, String label, String hash, String library, String libraryDigest, List<Port> ports,
                           String source) {

        static BuildRef of(NativeBuild b) {
            return new BuildRef(b.top(), b.label(), b.hash(), b.library().toString(), b.libraryDigest(), b.ports().declared(),
                    b.source());
        }

        NativeBuild toBuild() {
            return new NativeBuild(top, label, hash, Path.of(library), PortList.of(top, ports), libraryDigest, source);
        }
    }

    /** The job for a configuration and a library. */
    public static SeedJob of(MacroConfig config, String preset, long cycles, Path verilog, boolean countAll, WaveMode wave,
                             long window, Path outDir, boolean seedSubdirs, boolean coverage, NativeBuild build) {
        return new SeedJob(ConfigJson.toJson(config), preset, cycles, verilog == null ? null : verilog.toString(), countAll,
                wave, window, outDir.toAbsolutePath().toString(), seedSubdirs, coverage, BuildRef.of(build));
    }

    MacroConfig config() {
        return ConfigJson.fromJson(configJson);
    }

    /** The lockstep options of one seed. */
    CosimRun.Options options(MacroConfig config, long seed) {
        return new CosimRun.Options(config, preset, seed, cycles, verilog == null ? null : Path.of(verilog), countAll);
    }

    /** Where the waveforms of a seed go. */
    Path waveDir(long seed) {
        Path out = Path.of(outDir);
        return seedSubdirs ? out.resolve("failures").resolve("seed-" + seed).resolve("wave") : out.resolve("wave");
    }
}
