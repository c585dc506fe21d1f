package mramcim.verification.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFile;
import mramcim.verification.trace.TraceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded trace replays its random seed edge for edge: the replay, recorded again, is the same
 * trace, and a failing seed's trace fails at the same cycle, pin and values as the seed.
 */
class TraceReplayTest {

    static final String PRESET = MutationTest.PRESET;

    @TempDir
    Path tmp;

    /** Runs {@code o}, recording; returns the result and the trace. */
    static Recorded record(CosimRun.Options o, NativeBuild build) {
        Trace[] t = {null};
        CosimRun.Result r = CosimRun.run(o, build, () -> null, CosimRun.NO_CONTROL, x -> t[0] = x);
        return new Recorded(r, t[0]);
    }

    record Recorded(CosimRun.Result result, Trace trace) {}

    /** Equal traces, or the first line that differs. */
    static void sameTrace(Trace expected, Trace actual, String what) {
        String[] a = TraceFormat.write(expected).split("\n");
        String[] b = TraceFormat.write(actual).split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            assertEquals(a[i], b[i], what + ": line " + (i + 1));
        }
        assertEquals(a.length, b.length, what + ": lines");
        assertEquals(expected, actual, what);
    }

    @Test
    void aRandomSeedsTraceReplaysToTheSameEdges() {
        MacroConfig config = MacroConfig.preset(PRESET);
        NativeBuild build =
                CosimRun.library(new CosimRun.Options(config, PRESET, 1, 1, null, false), System.out::println);
        for (long seed = 1; seed <= 4; seed++) {
            CosimRun.Options o = new CosimRun.Options(config, PRESET, seed, 40_000, null, false);
            Recorded random = record(o, build);
            assertTrue(random.result().passed(), "seed " + seed);
            Trace t = random.trace();
            assertTrue(t.commands() > 500, "seed " + seed + " recorded " + t.commands() + " commands");
            assertTrue(t.lines().stream().anyMatch(l -> l.isReset()), "seed " + seed + " has resets");
            assertTrue(t.lines().stream().anyMatch(l -> l.stall() > 0), "back-pressure recorded");
            assertTrue(t.lines().stream().anyMatch(l -> !l.fault().none()), "analog faults recorded");
            // through the file format and back
            Trace read = TraceFormat.parse(TraceFormat.write(t), "seed " + seed);
            sameTrace(t, read, "seed " + seed + " through the text format");
            for (Engine e : Engine.values()) {
                CosimRun.Options replay = CosimRun.ofTrace(TraceFile.of(read), List.of(), Map.of(), e);
                Recorded again = record(replay, build);
                assertTrue(again.result().passed(), "seed " + seed + " trace on " + e);
                assertEquals(random.result().commands(), again.result().commands(), "commands, " + e);
                assertEquals(random.result().resets(), again.result().resets(), "resets, " + e);
                assertEquals(random.result().cycles(), again.result().cycles(), "cycles, " + e);
                sameTrace(t, again.trace(), "seed " + seed + " replayed on " + e);
            }
        }
    }

    @Test
    void everyMutantsTraceFailsAtTheSameCyclePinAndValuesAsItsSeed() throws Exception {
        MacroConfig config = MacroConfig.preset(PRESET);
        for (MutationBugs.Bug bug : MutationTest.BUGS) {
            Path file = bug.write(tmp);
            NativeBuild build =
                    CosimRun.library(new CosimRun.Options(config, PRESET, 1, 1, file, false), System.out::println);
            Recorded failing = null;
            for (long seed = 1; seed <= MutationTest.MAX_SEEDS && failing == null; seed++) {
                Recorded r =
                        record(new CosimRun.Options(config, PRESET, seed, MutationTest.CYCLES, file, false), build);
                if (!r.result().passed()) {
                    failing = r;
                }
            }
            assertNotNull(failing, bug + " fails a seed");
            Path saved = tmp.resolve(bug.name() + ".trace");
            TraceFormat.write(failing.trace(), saved);
            CosimRun.Result replay = CosimRun.run(
                    CosimRun.ofTrace(TraceFile.read(saved), List.of(file), Map.of(), Engine.BATCHED), build, null);
            assertFalse(replay.passed(), bug + ": the trace fails too");
            assertEquals(failing.result().first(), replay.first(), bug + ": same cycle, pin, values and commands");
        }
    }
}
