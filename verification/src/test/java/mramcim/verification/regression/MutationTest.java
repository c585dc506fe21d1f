package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deliberate bugs, each applied by editing a copy of the generated Verilog and run through {@code
 * --verilog}: the lockstep must catch every one, on the pin the bug first changes, and a replay of
 * the failing seed must diverge at the same cycle. The expected pin is the first in {@code Signal}
 * order among those the bug flips: a dropped response flips {@code rsp_valid} and, since {@code
 * cmd_ready = idle && !rsp_valid}, {@code cmd_ready} at the same edge. A stuck retry counter never
 * exhausts WR_MAX_TRIES: where the model gives up on MTJ A it moves to B ({@code acc_branch}),
 * where it gives up on B it ends the access ({@code acc_en}); which comes first depends on the
 * seed's traffic.
 */
class MutationTest {

    static final String PRESET = MutationBugs.PRESET;

    static final long CYCLES = MutationBugs.CYCLES;

    static final int MAX_SEEDS = MutationBugs.MAX_SEEDS;

    /** The bugs, also run by {@link EngineEquivalenceTest} on every engine. */
    static final List<MutationBugs.Bug> BUGS = MutationBugs.BUGS;

    @TempDir
    static Path tmp;

    static java.util.stream.Stream<MutationBugs.Bug> bugs() {
        return BUGS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void everyMutantIsCaughtOnThePinItChanges(MutationBugs.Bug bug) throws Exception {
        String name = bug.name();
        String pin = bug.pin();
        Path file = bug.write(tmp);

        MacroConfig config = MacroConfig.preset(PRESET);
        CosimRun.Options probe = new CosimRun.Options(config, PRESET, 1, CYCLES, file, false);
        NativeBuild build = CosimRun.library(probe, System.out::println);
        CosimRun.Result caught = null;
        CosimRun.Options failing = null;
        for (long seed = 1; seed <= MAX_SEEDS && caught == null; seed++) {
            CosimRun.Options o = new CosimRun.Options(config, PRESET, seed, CYCLES, file, false);
            CosimRun.Result r = CosimRun.run(o, build, null);
            if (!r.passed()) {
                caught = r;
                failing = o;
            }
        }
        assertNotNull(caught, name + " survived " + MAX_SEEDS + " seeds of " + CYCLES + " cycles");
        Divergence d = caught.first();
        System.out.println(name + ": " + String.join("\n  ", CosimRun.describe(failing, caught)));
        assertTrue(
                List.of(pin.split("\\|")).contains(d.signal().port()),
                name + ": first divergent pin (" + d.summary() + "), expected one of " + pin);

        CosimRun.Result replay = CosimRun.run(failing, build, null);
        assertEquals(d, replay.first(), name + ": the replay diverges at the same cycle, pin and values");
    }
}
