package mramcim.cli;

import java.nio.file.Path;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import picocli.CommandLine.Option;

/** The options every model command shares: a preset, optionally replaced by a JSON file. */
public final class ConfigOptions {

    @Option(names = "--preset", defaultValue = "jung2022",
            description = "jung2022 (default), ideal, or small:RxC (for example small:8x8)")
    String preset;

    @Option(names = "--config", description = "JSON configuration file (overrides --preset); see `mramcim config --json`")
    Path config;

    /** The configuration chosen. */
    public MacroConfig resolve() {
        return config != null ? ConfigJson.load(config) : MacroConfig.preset(preset);
    }

    /** The input files this option names (the --config file, if any). */
    public java.util.List<Path> inputs() {
        return config == null ? java.util.List.of() : java.util.List.of(config);
    }

    /**
     * Its name in lockstep runs, their reports and replay commands: the preset, or
     * {@code config:} and the file's absolute path ({@link mramcim.run.CosimRun#designArgument}).
     */
    public String label() {
        return config != null ? mramcim.run.CosimRun.CONFIG_LABEL + config.toAbsolutePath().normalize() : preset;
    }

    /** What to call it in reports. */
    public String name() {
        return config != null ? config.toString() : preset;
    }
}
