package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.rtl.Generator;
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

    static final String PRESET = "small:8x8";

    /**
     * Well past each seed's directed start (register walk, long frames, converter corners: about
     * 17,000 cycles on 8x8).
     */
    static final long CYCLES = 80_000;

    static final int MAX_SEEDS = 20;

    @TempDir
    static Path tmp;

    /** A deliberate bug: the generated line, its mutated form, and the pins it may first change. */
    record Bug(String name, String original, String mutant, String pin) {
        /** The generated 8x8 top with the bug applied, in {@code dir}. */
        Path write(Path dir) throws java.io.IOException {
            String sv = Generator.emit("MramCimMacro", 8, 8);
            assertTrue(sv.contains(original), name + ": the generated Verilog no longer holds '" + original + "'");
            Path file = dir.resolve(name + ".sv");
            Files.writeString(file, sv.replace(original, mutant), StandardCharsets.UTF_8);
            return file;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The bugs, also run by {@link EngineEquivalenceTest} on every engine. */
    static final List<Bug> BUGS = List.of(
            new Bug(
                    "tdc-saturation-off-by-one",
                    "codeLatch_0 <= running_0 ? 12'hFFF : count_0;",
                    "codeLatch_0 <= running_0 ? 12'hFFE : count_0;",
                    "rsp_data"),
            new Bug(
                    "offset-sign",
                    "+ {{20{io_offset[7]}}, io_offset};",
                    "- {{20{io_offset[7]}}, io_offset};",
                    "rsp_data"),
            new Bug("rounding-toward-zero", "+ {26'h0, _magnitude_T_3[7]};", "+ 27'h0;", "rsp_data"),
            new Bug("stuck-retry-counter", "tries <= _triesNext_T;", "tries <= tries;", "acc_en|acc_branch"),
            new Bug(
                    "dropped-response-under-back-pressure",
                    "rspValid <= io_respond | ~(rspValid & io_rspReady) & rspValid;",
                    "rspValid <= io_respond;",
                    "cmd_ready"));

    static java.util.stream.Stream<Bug> bugs() {
        return BUGS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void everyMutantIsCaughtOnThePinItChanges(Bug bug) throws Exception {
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
