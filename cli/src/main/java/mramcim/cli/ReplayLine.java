package mramcim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay command as {@code cosim}, {@code regress} and {@code mutate} print it ({@code
 * scripts/mramcim cosim --preset P --seed S --cycles C [--verilog F]... | cosim --trace F}), taken
 * apart for {@code shrink --replay}. Anything else in it is refused by name (exit 2).
 *
 * @param design the design label ({@code --preset P} or {@code config:} and the --config file)
 * @param trace the {@code --trace} file, or null for a random seed
 */
record ReplayLine(String design, long seed, long cycles, List<Path> verilog, Path trace) {

    static ReplayLine parse(String line) {
        String[] w = line.strip().split("\\s+");
        int i = 0;
        while (i < w.length && !w[i].equals("cosim")) {
            i++;
        }
        if (i == w.length) {
            throw new IllegalArgumentException("--replay '" + line + "' is not a cosim command: paste the 'replay:'"
                    + " line a failing cosim or regress printed");
        }
        String design = ConfigOptions.DEFAULT_PRESET;
        long seed = CosimCommand.DEFAULT_SEED;
        long cycles = CosimCommand.DEFAULT_CYCLES;
        List<Path> verilog = new ArrayList<>();
        Path trace = null;
        for (i++; i < w.length; i++) {
            String opt = w[i];
            if (i + 1 >= w.length) {
                throw new IllegalArgumentException("--replay: '" + opt + "' without a value");
            }
            String v = w[++i];
            switch (opt) {
                case "--preset" -> design = v;
                case "--config" ->
                    design = mramcim.verification.regression.CosimRun.CONFIG_LABEL
                            + Path.of(v).toAbsolutePath().normalize();
                case "--seed" -> seed = number(opt, v);
                case "--cycles" -> cycles = number(opt, v);
                case "--verilog" -> verilog.add(Path.of(v));
                case "--trace" -> trace = Path.of(v);
                default ->
                    throw new IllegalArgumentException("--replay: '" + opt + "' is not an option shrink"
                            + " replays: allowed --preset, --config, --seed, --cycles, --verilog, --trace");
            }
        }
        return new ReplayLine(design, seed, cycles, verilog, trace);
    }

    private static long number(String opt, String v) {
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--replay: " + opt + " '" + v + "' is not a count 0.." + Long.MAX_VALUE);
    }
}
