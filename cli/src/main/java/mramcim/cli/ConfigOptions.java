package mramcim.cli;

import java.nio.file.Path;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import picocli.CommandLine.Option;

/**
 * The options every command that takes a macro shares: a preset, optionally replaced by a JSON
 * file. The default preset is the command's (jung2022 unless it says otherwise).
 */
public final class ConfigOptions {

    /** The preset of the default macro. */
    static final String DEFAULT_PRESET = "jung2022";

    @Option(
            names = "--preset",
            description = "jung2022, ideal, or small:RxC, for example small:8x8 (default ${DEFAULT-VALUE})")
    String preset;

    /** The options with jung2022 as the default preset. */
    public ConfigOptions() {
        this(DEFAULT_PRESET);
    }

    /**
     * The options with another default preset (picocli keeps a field's initial value as its
     * default).
     */
    ConfigOptions(String defaultPreset) {
        this.preset = defaultPreset;
    }

    @Option(
            names = "--config",
            description = "JSON configuration file (overrides --preset); write one with `mramcim config --save FILE`")
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
     * Its name in lockstep runs, their reports and replay commands: the preset, or {@code config:}
     * and the file's absolute path ({@link
     * mramcim.verification.regression.CosimRun#designArgument}).
     */
    public String label() {
        return config != null
                ? mramcim.verification.regression.CosimRun.CONFIG_LABEL
                        + config.toAbsolutePath().normalize()
                : preset;
    }

    /** What to call it in reports. */
    public String name() {
        return config != null ? config.toString() : preset;
    }
}
