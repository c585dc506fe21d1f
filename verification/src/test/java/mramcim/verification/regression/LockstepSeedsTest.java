package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.Test;

/**
 * The RTL and the Java model agree on every pin of every cycle for 100 seeds of random commands on
 * 8x8 and 10 seeds on the 64x64 default (issue: lockstep co-simulation, Done when 1).
 */
class LockstepSeedsTest {

    static final long CYCLES_8X8 = 20_000;
    static final long CYCLES_64X64 = 30_000;

    private static void runSeeds(String preset, int seeds, long cycles) {
        MacroConfig config = MacroConfig.preset(preset);
        NativeBuild build =
                CosimRun.library(new CosimRun.Options(config, preset, 1, 1, null, false), System.out::println);
        long commands = 0;
        long resets = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            CosimRun.Options o = new CosimRun.Options(config, preset, seed, cycles, null, false);
            CosimRun.Result r = CosimRun.run(o, build, null);
            assertTrue(r.passed(), String.join("\n", CosimRun.describe(o, r)));
            commands += r.commands();
            resets += r.resets();
        }
        System.out.printf(
                "%s: %d seeds x %,d cycles agree; %,d commands, %d resets%n", preset, seeds, cycles, commands, resets);
        assertTrue(commands > seeds * 50L, "the stream issues commands: " + commands);
    }

    @Test
    void hundredSeedsOn8x8AgreeOnEveryPinOfEveryCycle() {
        runSeeds("small:8x8", 100, CYCLES_8X8);
    }

    @Test
    void tenSeedsOnThe64x64DefaultAgreeOnEveryPinOfEveryCycle() {
        runSeeds("jung2022", 10, CYCLES_64X64);
    }
}
