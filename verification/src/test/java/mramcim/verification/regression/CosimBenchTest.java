package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.StimulusRecording;
import mramcim.cosim.verilator.VerilatedModel;
import mramcim.model.config.MacroConfig;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's C++ loop and Java replay must run the same stimulus as the lockstep: their output
 * hashes equal the recorded run's, and a netlist with a bug replays to a different hash (so the
 * check can fail). Speed itself is measured by {@code mramcim bench}, not asserted here.
 */
class CosimBenchTest {

    static final String PRESET = "small:8x8";

    /** Cycles of the recorded run: seed 1's stimulus shows the offset-sign mutant after about 20,000. */
    static final int CYCLES = 40_000;

    @TempDir
    Path tmp;

    @Test
    void bothReplaysReproduceTheLockstepOutputs() {
        MacroConfig config = MacroConfig.preset(PRESET);
        CosimRun.Options o = new CosimRun.Options(config, PRESET, 7, 30_000, null, false);
        NativeBuild build = CosimRun.library(o, System.out::println);
        CosimBench.Result r = CosimBench.run(o, build, 1);
        assertTrue(r.replaysMatch(), String.join("\n", CosimBench.describe(r)));
        assertEquals(30_000, r.recorded().cycles());
        assertTrue(r.recorded().resets() + r.recorded().commands() > 100, "the stimulus exercised the macro");
        double parts =
                r.profile().stream().mapToDouble(CosimBench.Variant::nsPerCycle).sum();
        assertEquals(r.lockstep().nsPerCycle(), parts, 1e-6, "the profile accounts for the whole lockstep cycle");
        double batchedParts = r.batchedProfile().stream()
                .mapToDouble(CosimBench.Variant::nsPerCycle)
                .sum();
        assertEquals(r.batched().nsPerCycle(), batchedParts, 1e-6, "the batched profile accounts for its cycle");
        assertEquals(
                r.cppLoop().nsPerCycle() / r.batched().nsPerCycle(),
                r.batchedRatio(),
                1e-9,
                "one round: the ratio of its own figures");
    }

    @Test
    void aReplayOnAMutatedNetlistDoesNotMatch() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        CosimRun.Options o = new CosimRun.Options(config, PRESET, 1, CYCLES, null, false);
        NativeBuild good = CosimRun.library(o, System.out::println);
        StimulusRecording rec = new StimulusRecording(good.ports(), CYCLES);
        CosimRun.Result run = CosimRun.run(o, good, CosimBench.recorder(rec));
        assertTrue(run.passed());

        String sv = Generator.emit("MramCimMacro", 8, 8);
        String original = "+ {{20{io_offset[7]}}, io_offset};";
        assertTrue(sv.contains(original));
        Path file = tmp.resolve("offset_sign.sv");
        Files.writeString(file, sv.replace(original, "- {{20{io_offset[7]}}, io_offset};"), StandardCharsets.UTF_8);
        NativeBuild bad =
                CosimRun.library(new CosimRun.Options(config, PRESET, 1, CYCLES, file, false), System.out::println);

        try (VerilatedModel g = Lockstep.openRtl(good);
                VerilatedModel b = Lockstep.openRtl(bad)) {
            assertEquals(rec.outputHash(), rec.replayNative(g), "the good netlist replays to the recorded outputs");
            assertNotEquals(rec.outputHash(), rec.replayNative(b), "the mutated netlist must not");
        }
    }
}
