package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mramcim.rtl.Generator;

/**
 * The deliberate bugs of {@link MutationTest}, shared with the tests that replay and shrink their
 * failures: each a line of the generated 8x8 Verilog, its mutated form, and the pins it may first
 * change.
 */
public final class MutationBugs {

    public static final String PRESET = "small:8x8";

    /**
     * Well past each seed's directed start (register walk, long frames, converter corners: about
     * 17,000 cycles on 8x8).
     */
    public static final long CYCLES = 80_000;

    public static final int MAX_SEEDS = 20;

    /** A deliberate bug: the generated line, its mutated form, and the pins it may first change. */
    public record Bug(String name, String original, String mutant, String pin) {
        /** The generated 8x8 top with the bug applied, in {@code dir}. */
        public Path write(Path dir) throws java.io.IOException {
            return write(dir, 8, 8);
        }

        /** The generated top of {@code rows} x {@code cols} with the bug applied, in {@code dir}. */
        public Path write(Path dir, int rows, int cols) throws java.io.IOException {
            String sv = Generator.emit("MramCimMacro", rows, cols);
            assertTrue(sv.contains(original), name + ": the generated Verilog no longer holds '" + original + "'");
            Path file = dir.resolve(name + "-" + rows + "x" + cols + ".sv");
            Files.writeString(file, sv.replace(original, mutant), StandardCharsets.UTF_8);
            return file;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The bugs, also run by {@link EngineEquivalenceTest} and the shrinking tests on every engine. */
    public static final List<Bug> BUGS = List.of(
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

    /**
     * The small yosys campaign the engine and shrinking tests share: 40 mutants of the 8x8 top,
     * seed 1, 2 seeds of 30,000 cycles per mutant.
     */
    public static mramcim.verification.mutation.MutationCampaign.Options campaign(
            mramcim.model.config.MacroConfig config) {
        return new mramcim.verification.mutation.MutationCampaign.Options(
                config, PRESET, 40, 1, 2, 2, 30_000, 6, 60, WorkerPool.Limits.defaults(30_000), false);
    }

    /** A lockstep run of {@code seed} on the campaign's netlist with mutant {@code mutsel} on (0: none). */
    public static CosimRun.Options onMutant(
            mramcim.verification.mutation.MutationCampaign.Options campaign, Path netlist, long seed, long mutsel) {
        return new CosimRun.Options(
                campaign.config(),
                PRESET,
                seed,
                campaign.cycles(),
                List.of(netlist),
                false,
                false,
                java.util.Map.of(mramcim.verification.mutation.MutationCampaign.MUTSEL, mutsel));
    }

    private MutationBugs() {}
}
