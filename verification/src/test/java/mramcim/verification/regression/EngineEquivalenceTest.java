package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.rtl.Generator;
import mramcim.verification.coverage.CoverageCollector;
import mramcim.verification.coverage.CoverageModel;
import mramcim.verification.mutation.MutationCampaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched and pipelined engines report exactly what the cycle engine reports (issue 21): the
 * verdict, the first divergence (cycle, pin, both values, the commands before it), the halt, and
 * the cycles, commands and resets run, for every deliberate bug of {@link MutationTest}, every
 * mutant of a yosys mutation campaign, and 100 passing seeds. The cycle engine is SPEC 7 as
 * written (each side its own analog array, every pin compared in Java); the others feed the RTL the
 * model's analog answers and compare in C++, and are right only if the argument in
 * docs/architecture.md holds for these netlists.
 */
class EngineEquivalenceTest {

    static final String PRESET = "small:8x8";

    @TempDir
    static Path tmp;

    /** Everything a run reports except its wall time. */
    record Report(
            boolean passed,
            long cycles,
            long commands,
            long resets,
            Divergence first,
            long divergentCycles,
            boolean stopped,
            CosimRun.Halt halt) {
        static Report of(CosimRun.Result r) {
            return new Report(
                    r.passed(),
                    r.cycles(),
                    r.commands(),
                    r.resets(),
                    r.first(),
                    r.divergentCycles(),
                    r.stopped(),
                    r.halt());
        }
    }

    /** Runs {@code o} on every engine; returns the cycle engine's report after checking the others equal it. */
    static Report sameOnEveryEngine(CosimRun.Options o, NativeBuild build, String what) {
        Report reference = Report.of(CosimRun.run(o.withEngine(Engine.CYCLE), build, null));
        for (Engine e : List.of(Engine.BATCHED, Engine.PIPELINED)) {
            Report r = Report.of(CosimRun.run(o.withEngine(e), build, null));
            assertEquals(reference, r, what + ": the " + e + " engine against the cycle engine");
        }
        return reference;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mramcim.verification.regression.MutationTest#bugs")
    void everyDeliberateBugIsReportedAlikeByEveryEngine(MutationBugs.Bug bug) throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        Path file = bug.write(tmp);
        NativeBuild build = CosimRun.library(
                new CosimRun.Options(config, PRESET, 1, MutationTest.CYCLES, file, false), System.out::println);
        int failing = 0;
        for (long seed = 1; seed <= 4; seed++) {
            CosimRun.Options o = new CosimRun.Options(config, PRESET, seed, MutationTest.CYCLES, file, false);
            Report r = sameOnEveryEngine(o, build, bug + " seed " + seed);
            if (!r.passed()) {
                failing++;
                // --count-all: the batched engines hand over to the cycle engine after the first divergence
                Report all = sameOnEveryEngine(
                        new CosimRun.Options(
                                config, PRESET, seed, MutationTest.CYCLES, List.of(file), true, false, Map.of()),
                        build,
                        bug + " seed " + seed + " --count-all");
                assertEquals(r.first(), all.first(), "--count-all keeps the first divergence");
                assertTrue(all.divergentCycles() >= 1);
            }
        }
        assertTrue(failing > 0, bug + " was caught by none of seeds 1..4: the comparison compared passes only");
    }

    @Test
    void everyMutantOfAYosysCampaignIsReportedAlikeByEveryEngine() {
        MacroConfig config = MacroConfig.preset(PRESET);
        MutationCampaign.Options campaign = MutationBugs.campaign(config);
        MutationCampaign.MutatedNetlist netlist =
                MutationCampaign.mutatedNetlist(campaign, tmp.resolve("campaign"), System.out::println);
        assertEquals(40, netlist.mutants().size());
        CosimRun.Options base = MutationBugs.onMutant(campaign, netlist.file(), 1, 0);
        NativeBuild build = CosimRun.library(base, line -> {});
        int killed = 0;
        List<Integer> indices = new ArrayList<>(List.of(0));
        netlist.mutants().forEach(m -> indices.add(m.index()));
        for (int k : indices) {
            for (long seed = 1; seed <= campaign.seedsPerMutant(); seed++) {
                CosimRun.Options o = MutationBugs.onMutant(campaign, netlist.file(), seed, k);
                Report r = sameOnEveryEngine(o, build, "mutant " + k + " seed " + seed);
                if (k == 0) {
                    assertTrue(r.passed(), "mutsel = 0 is the original design: " + r);
                } else if (!r.passed()) {
                    killed++;
                    break;
                }
            }
        }
        assertTrue(killed > 20, "most mutants are killed, so divergences were compared: " + killed + " of 40");
    }

    @Test
    void aHundredPassingSeedsAreReportedAlikeByEveryEngine() {
        MacroConfig config = MacroConfig.preset(PRESET);
        NativeBuild build =
                CosimRun.library(new CosimRun.Options(config, PRESET, 1, 1, null, false), System.out::println);
        for (long seed = 1; seed <= 100; seed++) {
            // past two pipelined batches and many batched ones, with resets inside them
            CosimRun.Options o = new CosimRun.Options(config, PRESET, seed, 40_000, null, false);
            Report r = sameOnEveryEngine(o, build, "seed " + seed);
            assertTrue(r.passed(), "seed " + seed + " passes: " + r);
            assertTrue(r.cycles() > Lockstep.batchLength(Engine.PIPELINED) * 2L);
        }
    }

    @Test
    void functionalCoverageIsTheSameOnEveryEngineForPassingAndFailingSeeds() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        CoverageModel model = Regression.coverageModel(config);
        Path bad = MutationTest.BUGS.get(1).write(tmp);
        for (Path netlist : new Path[] {null, bad}) {
            CosimRun.Options o = new CosimRun.Options(config, PRESET, 2, 60_000, netlist, false);
            NativeBuild build = CosimRun.library(o, line -> {});
            List<Map<String, Map<String, Long>>> counts = new ArrayList<>();
            List<Boolean> verdicts = new ArrayList<>();
            for (Engine e : Engine.values()) {
                CoverageCollector[] last = {null};
                CosimRun.Result r = CosimRun.run(
                        o.withEngine(e),
                        build,
                        () -> (CycleListener) (last[0] = new CoverageCollector(model, config.cols())),
                        new CosimRun.Control() {
                            @Override
                            public boolean stopRequested() {
                                return false;
                            }

                            @Override
                            public void advanced(long cycles) {}
                        });
                counts.add(last[0].coverage().points());
                verdicts.add(r.passed());
            }
            assertEquals(netlist == null, verdicts.get(0), "the good netlist passes, the bad one fails");
            assertEquals(counts.get(0), counts.get(1), "batched coverage = cycle coverage (" + netlist + ")");
            assertEquals(counts.get(0), counts.get(2), "pipelined coverage = cycle coverage (" + netlist + ")");
            assertFalse(counts.get(0).isEmpty());
        }
    }

    /**
     * A netlist whose outputs differ before the first edge (a reset value changed) breaks the
     * batched argument's precondition: its lockstep runs on the cycle engine whatever was asked,
     * and so reports the same.
     */
    @Test
    void aNetlistThatStartsElsewhereRunsOnTheCycleEngine() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        String sv = Generator.emit("MramCimMacro", 8, 8);
        String original = "accRow <= 3'h0;";
        assertEquals(1, sv.split(java.util.regex.Pattern.quote(original), -1).length - 1, "one reset of accRow");
        Path file = tmp.resolve("acc_row_reset.sv");
        java.nio.file.Files.writeString(file, sv.replace(original, "accRow <= 3'h5;"));
        CosimRun.Options o = new CosimRun.Options(config, PRESET, 1, 20_000, file, false);
        NativeBuild build = CosimRun.library(o, line -> {});
        for (Engine e : Engine.values()) {
            try (Lockstep ls = Lockstep.open(config, 1, build, e)) {
                assertEquals(Engine.CYCLE, ls.engine(), e + " asked for");
            }
        }
        Report r = sameOnEveryEngine(o, build, "acc_row reset value");
        assertFalse(r.passed(), "the changed reset value shows on acc_row: " + r);
        assertEquals("acc_row", r.first().signal().port());
    }

    /**
     * A netlist that calls {@code $stop} when it accepts its first READ_REG (during the register
     * walk, so in the first batch) or its 200th (some 48,000 cycles in, past several batches): every
     * engine reports the same halt, cycle, place in the netlist and commands before it.
     */
    @Test
    void aHaltingNetlistIsReportedAlikeByEveryEngine() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        String sv = Generator.emit("MramCimMacro", 8, 8);
        int top = sv.indexOf("module MramCimMacro(");
        int end = sv.indexOf("endmodule", top);
        for (int nth : new int[] {1, 200}) {
            String hostile = String.join(
                    "\n",
                    "  integer read_regs = 0;",
                    "  always @(posedge clock) begin",
                    "    if (cmd_valid && cmd_ready && cmd_op == 4'd" + mramcim.spec.Op.READ_REG.code() + ") begin",
                    "      read_regs = read_regs + 1;",
                    "      if (read_regs == " + nth + ") $stop;",
                    "    end",
                    "  end",
                    "");
            Path file = tmp.resolve("stop-" + nth + ".sv");
            java.nio.file.Files.writeString(file, sv.substring(0, end) + hostile + sv.substring(end));
            CosimRun.Options o = new CosimRun.Options(config, PRESET, 2, 200_000, file, false);
            NativeBuild build = CosimRun.library(o, line -> {});
            Report r = sameOnEveryEngine(o, build, "$stop at READ_REG number " + nth);
            assertFalse(r.passed(), "READ_REG number " + nth + " is reached: " + r);
            assertTrue(r.halt() != null && r.first() == null, "a halt, not a divergence: " + r);
            assertTrue(
                    r.halt().where().contains("stop-" + nth + ".sv:"), r.halt().where());
            assertEquals(r.halt().cycle(), r.cycles());
            if (nth > 1) {
                assertTrue(r.cycles() > 2L * Lockstep.batchLength(Engine.PIPELINED), "past two batches: " + r);
            }
        }
    }
}
