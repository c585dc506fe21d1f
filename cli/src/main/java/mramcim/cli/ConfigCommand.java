package mramcim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import mramcim.model.config.MacroConfig;
import mramcim.model.passive.config.PassiveArrayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mramcim config}: every parameter of a configuration with its value, unit and source. */
@Command(name = "config", description = "List every parameter of a preset or configuration file: value, unit, source.")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "JSON instead of a table")
    boolean json;

    @Option(
            names = "--passive",
            paramLabel = "DIAMETER",
            description = "list the passive array of seed 004 with MTJs of DIAMETER nm (30, 40, 50, 60) instead")
    Integer passive;

    @Option(names = "--save", description = "also write the configuration as a loadable JSON file (for --config)")
    java.nio.file.Path save;

    @Override
    public Integer call() throws Exception {
        if (passive != null) {
            PassiveArrayConfig p = PassiveArrayConfig.goodwill2022(passive);
            System.out.printf(Locale.ROOT, "%-32s %14s %-6s %s%n", "parameter", "value", "unit", "source");
            for (MacroConfig.Entry e : p.entries()) {
                System.out.printf(Locale.ROOT, "%-32s %14s %-6s %s%n", e.name(), e.value(), e.unit(), e.source());
            }
            return 0;
        }
        MacroConfig cfg = options.resolve();
        java.util.List<MacroConfig.Entry> entries = options.config != null
                ? cfg.entries(Map.of(), "set by " + options.config + " (jung2022: another value)")
                : cfg.entries(MacroConfig.presetSources(options.preset), "");
        if (save != null) {
            if (options.inputs().stream().anyMatch(in -> sameFile(in, save))) {
                throw new IllegalArgumentException("--save = " + save + " is the --config input: give another file");
            }
            mramcim.model.config.ConfigJson.save(cfg, save);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("preset", options.name());
            out.put("operatingFrequencyHz", cfg.timing().operatingFrequency());
            out.put("parameters", entries);
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
        } else {
            System.out.printf(Locale.ROOT, "%-26s %14s %-4s %s%n", "parameter", "value", "unit", "source");
            for (MacroConfig.Entry e : entries) {
                System.out.printf(Locale.ROOT, "%-26s %14s %-4s %s%n", e.name(), e.value(), e.unit(), e.source());
            }
            System.out.printf(
                    Locale.ROOT,
                    "operating frequency: %.2f MHz (one frame of %d cycles at %.3g s)%n",
                    cfg.timing().operatingFrequency() / 1e6,
                    cfg.timing().frameCycles(),
                    cfg.timing().tClk());
        }
        return 0;
    }

    private static boolean sameFile(java.nio.file.Path a, java.nio.file.Path b) {
        try {
            return java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
