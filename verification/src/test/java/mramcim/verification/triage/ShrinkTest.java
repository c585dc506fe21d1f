package mramcim.verification.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.verification.mutation.MutationCampaign;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.regression.MutationBugs;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, point 1: the failures of the five hand-made bugs and of a yosys mutation campaign
 * shrink to a few commands that still fail on the same pin, each within two minutes.
 */
class ShrinkTest {

    static final String PRESET = MutationBugs.PRESET;

    /** Wall-time bar of one shrink, s (issue 22). */
    static final double BUDGET_SECONDS = 120;

    /** Bars of the shrunk lengths, commands (issue 22). */
    static final int MEDIAN_BAR = 10;

    static final int MAX_BAR = 30;

    /** Mutants of the campaign that must be shrunk (issue 22: at least 20). */
    static final int CAMPAIGN_MUTANTS = 20;

    @TempDir
    Path tmp;

    record Row(String mutant, int original, int shrunk, int runs, double seconds, String pin) {
        String line() {
            return String.format(
                    Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s |", mutant, original, shrunk, runs, seconds, pin);
        }
    }

    /** Finds a failing seed of {@code base}'s netlist, shrinks its trace, checks the result. */
    private static Row shrinkFirstFailure(String name, CosimRun.Options base, NativeBuild build, int seeds) {
        Trace trace = null;
        CosimRun.Result failure = null;
        for (long seed = 1; seed <= seeds && trace == null; seed++) {
            Trace[] t = {null};
            CosimRun.Options o = new CosimRun.Options(
                    base.config(),
                    base.preset(),
                    seed,
                    base.cycles(),
                    base.verilog(),
                    false,
                    false,
                    base.pins(),
                    Engine.BATCHED);
            CosimRun.Result r = CosimRun.run(o, build, () -> null, CosimRun.NO_CONTROL, x -> t[0] = x);
            if (!r.passed()) {
                trace = t[0];
                failure = r;
            }
        }
        if (trace == null) {
            return null;
        }
        Shrinker.Result s = new Shrinker(base, build, true, BUDGET_SECONDS, line -> {}).shrink(trace);
        // the minimal trace, replayed on its own, fails on the same pin (or halts alike)
        CosimRun.Result again = CosimRun.run(
                CosimRun.ofTrace(TraceFile.of(s.minimal()), base.verilog(), base.pins(), Engine.CYCLE), build, null);
        assertFalse(again.passed(), name + ": the shrunk trace fails");
        String pin = failure.first() != null
                ? failure.first().signal().port()
                : failure.halt().cause().name();
        String againPin = again.first() != null
                ? again.first().signal().port()
                : again.halt().cause().name();
        assertEquals(pin, againPin, name + ": the shrunk trace fails on the original's pin");
        assertFalse(s.budgetSpent(), name + ": shrinking took longer than " + BUDGET_SECONDS + " s");
        assertTrue(s.minimal().commands() <= trace.commands());
        return new Row(name, (int) failure.commands(), s.minimal().commands(), s.runs(), s.seconds(), pin);
    }

    private static void checkBars(List<Row> rows) {
        System.out.println("| mutant | commands to the failure | shrunk commands | runs | seconds | pin |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        rows.forEach(r -> System.out.println(r.line()));
        int[] shrunk = rows.stream().mapToInt(Row::shrunk).sorted().toArray();
        double median = shrunk.length % 2 == 1
                ? shrunk[shrunk.length / 2]
                : (shrunk[shrunk.length / 2 - 1] + shrunk[shrunk.length / 2]) / 2.0;
        assertTrue(median <= MEDIAN_BAR, "median shrunk length " + median + " > " + MEDIAN_BAR);
        for (Row r : rows) {
            assertTrue(r.shrunk() <= MAX_BAR, r.mutant() + ": " + r.shrunk() + " commands > " + MAX_BAR);
            assertTrue(r.seconds() < BUDGET_SECONDS, r.mutant() + ": " + r.seconds() + " s");
        }
    }

    @Test
    void theFiveBugsShrinkToAFewCommandsOnTheirPins() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        List<Row> rows = new ArrayList<>();
        for (MutationBugs.Bug bug : MutationBugs.BUGS) {
            Path file = bug.write(tmp);
            CosimRun.Options base = new CosimRun.Options(config, PRESET, 1, MutationBugs.CYCLES, file, false);
            NativeBuild build = CosimRun.library(base, System.out::println);
            Row r = shrinkFirstFailure(bug.name(), base, build, MutationBugs.MAX_SEEDS);
            assertNotNull(r, bug + " fails a seed");
            rows.add(r);
        }
        checkBars(rows);
    }

    @Test
    void twentyMutantsOfAYosysCampaignShrinkToAFewCommandsOnTheirPins() {
        MacroConfig config = MacroConfig.preset(PRESET);
        MutationCampaign.Options campaign = MutationBugs.campaign(config);
        MutationCampaign.MutatedNetlist netlist =
                MutationCampaign.mutatedNetlist(campaign, tmp.resolve("campaign"), System.out::println);
        CosimRun.Options probe = MutationBugs.onMutant(campaign, netlist.file(), 1, 0);
        NativeBuild build = CosimRun.library(probe, line -> {});
        List<Row> rows = new ArrayList<>();
        for (var m : netlist.mutants()) {
            if (rows.size() == CAMPAIGN_MUTANTS) {
                break;
            }
            CosimRun.Options base = MutationBugs.onMutant(campaign, netlist.file(), 1, m.index());
            Row r = shrinkFirstFailure("mutant " + m.index(), base, build, campaign.seedsPerMutant());
            if (r != null) {
                rows.add(r);
            }
        }
        assertEquals(CAMPAIGN_MUTANTS, rows.size(), "killed mutants shrunk");
        checkBars(rows);
    }
}
