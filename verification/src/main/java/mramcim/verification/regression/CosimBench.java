package mramcim.verification.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.ModelSide;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.StimulusRecording;
import mramcim.cosim.verilator.VerilatedModel;
import mramcim.model.periphery.HostPins;
import mramcim.verification.stimulus.RandomHost;

/**
 * Cycles per second of the lockstep engines, against the same Verilated model driven by the C++
 * loop of wrapper.cpp with the same stimulus (issues 6 and 21), all measured in one run, round
 * after round. Where the time goes is found by running the parts alone and subtracting:
 *
 * <ul>
 *   <li>C++ loop: the Verilated model's own evaluation, the floor;
 *   <li>Java replay: the same frames through one JNA call per cycle, so minus the C++ loop it is
 *       the crossing and buffer copying the cycle engine pays;
 *   <li>model only: the random host, the Java periphery model and its analog array;
 *   <li>the rest: for the cycle engine the RTL side's analog array, pin reads and the comparison;
 *       for the batched engine recording the edge, the comparison in C++ and the call per batch.
 * </ul>
 *
 * The stimulus is recorded from a first lockstep run on the cycle engine (which also warms up the
 * JIT; the batched engines get an untimed run each); every replay must reproduce the outputs that run saw, cycle for cycle, and every engine
 * must pass the same cycles, or the bench fails.
 */
public final class CosimBench {

    /** Longest run: the recording holds every cycle's inputs in memory. */
    public static final long MAX_CYCLES = 20_000_000;

    /** One variant's median time per cycle over the rounds, in nanoseconds. */
    public record Variant(String name, String what, double nsPerCycle) {
        public double cyclesPerSecond() {
            return 1e9 / nsPerCycle;
        }
    }

    /** A ratio's median and range over the rounds, each round's figures measured together. */
    public record Spread(double median, double min, double max) {
        static Spread of(double[] v) {
            return new Spread(
                    CosimBench.median(v),
                    Arrays.stream(v).min().orElse(0),
                    Arrays.stream(v).max().orElse(0));
        }
    }

    /**
     * The outcome. {@code replaysMatch} is false if a replay's outputs differed from the recorded
     * run or an engine did not pass every cycle.
     */
    public record Result(
            CosimRun.Options options,
            int repeats,
            Variant lockstep,
            Variant batched,
            Variant pipelined,
            Variant cppLoop,
            Variant javaReplay,
            Variant modelOnly,
            Spread ratioSpread,
            Spread batchedSpread,
            Spread pipelinedSpread,
            boolean replaysMatch,
            CosimRun.Result recorded) {

        /** Cycle-engine lockstep cycles per second over the C++ loop's (median of the rounds). */
        public double ratio() {
            return ratioSpread.median();
        }

        /** Batched lockstep cycles per second over the C++ loop's (median of the rounds). */
        public double batchedRatio() {
            return batchedSpread.median();
        }

        /** Pipelined lockstep cycles per second over the C++ loop's (median of the rounds). */
        public double pipelinedRatio() {
            return pipelinedSpread.median();
        }

        /** The variants, in report order. */
        public List<Variant> variants() {
            return List.of(lockstep, batched, pipelined, cppLoop, javaReplay, modelOnly);
        }

        /**
         * Where a cycle-engine lockstep cycle's time goes, in nanoseconds, parts summing to the
         * lockstep's time.
         */
        public List<Variant> profile() {
            double cpp = cppLoop.nsPerCycle;
            double jna = Math.max(0, javaReplay.nsPerCycle - cpp);
            double model = modelOnly.nsPerCycle;
            double rest = lockstep.nsPerCycle - cpp - jna - model;
            return List.of(
                    new Variant("verilated-eval", "Verilated model, one edge (C++ loop)", cpp),
                    new Variant("jna-crossing", "JNA call and buffer copies (Java replay - C++ loop)", jna),
                    new Variant("java-model", "random host + Java periphery + its analog array (model only)", model),
                    new Variant("rest", "RTL-side analog array, pin reads, compare (lockstep - the above)", rest));
        }

        /** Where a batched lockstep cycle's time goes, parts summing to the batched time. */
        public List<Variant> batchedProfile() {
            double cpp = cppLoop.nsPerCycle;
            double model = modelOnly.nsPerCycle;
            double rest = batched.nsPerCycle - cpp - model;
            return List.of(
                    new Variant("verilated-eval", "Verilated model, one edge (C++ loop)", cpp),
                    new Variant("java-model", "random host + Java periphery + its analog array (model only)", model),
                    new Variant(
                            "rest",
                            "recording the edge, the C++ compare, one call per batch (batched - the above)",
                            rest));
        }
    }

    private static volatile long sink;

    private CosimBench() {}

    /**
     * A listener that records every edge's inputs and outputs of the RTL for the replays: it reads
     * the RTL's buffers, so the run is on the cycle engine.
     */
    public static CycleListener recorder(StimulusRecording rec) {
        return new CycleListener() {
            @Override
            public void afterEdge(Lockstep ls, long cycle) {
                rec.record(ls.rtl(), ls.lastEdgeReset());
            }

            @Override
            public boolean needsLiveRtl() {
                return true;
            }
        };
    }

    /** Runs the bench: {@code repeats} timed rounds of every variant after one recording run. */
    public static Result run(CosimRun.Options o, NativeBuild build, int repeats) {
        if (o.cycles() > MAX_CYCLES) {
            throw new IllegalArgumentException(
                    "--cycles = " + o.cycles() + " is out of range for bench: allowed 1.." + MAX_CYCLES);
        }
        if (repeats < 1 || repeats > 100) {
            throw new IllegalArgumentException("--repeat = " + repeats + " is out of range: allowed 1..100");
        }
        StimulusRecording rec = new StimulusRecording(build.ports(), (int) o.cycles());
        CosimRun.Result recorded = CosimRun.run(o.withEngine(Engine.CYCLE), build, recorder(rec));
        long cycles = rec.cycles();
        // the recording warmed up the cycle engine; the batched paths get one untimed run each
        CosimRun.run(o.withEngine(Engine.BATCHED), build, null);
        CosimRun.run(o.withEngine(Engine.PIPELINED), build, null);
        double[] lock = new double[repeats];
        double[] batched = new double[repeats];
        double[] pipelined = new double[repeats];
        double[] cpp = new double[repeats];
        double[] jna = new double[repeats];
        double[] model = new double[repeats];
        double[] ratio = new double[repeats];
        double[] batchedRatio = new double[repeats];
        double[] pipelinedRatio = new double[repeats];
        boolean match = recorded.passed();
        for (int r = 0; r < repeats && match; r++) {
            Engine[] engines = {Engine.CYCLE, Engine.BATCHED, Engine.PIPELINED};
            double[][] into = {lock, batched, pipelined};
            for (int e = 0; e < engines.length; e++) {
                CosimRun.Result lr = CosimRun.run(o.withEngine(engines[e]), build, null);
                match &= lr.passed() && lr.cycles() == cycles && lr.commands() == recorded.commands();
                into[e][r] = lr.seconds() * 1e9 / cycles;
            }
            long[] hash = new long[2];
            cpp[r] = timed(cycles, () -> {
                try (VerilatedModel m = Lockstep.openRtl(build)) {
                    return hash[0] = rec.replayNative(m);
                }
            });
            jna[r] = timed(cycles, () -> {
                try (VerilatedModel m = Lockstep.openRtl(build)) {
                    return hash[1] = rec.replayJava(m);
                }
            });
            match &= hash[0] == rec.outputHash() && hash[1] == rec.outputHash();
            model[r] = timed(cycles, () -> modelOnly(o, cycles));
            ratio[r] = cpp[r] / lock[r];
            batchedRatio[r] = cpp[r] / batched[r];
            pipelinedRatio[r] = cpp[r] / pipelined[r];
        }
        return new Result(
                o,
                repeats,
                new Variant(
                        "cycle",
                        "cycle engine: one JNA call per cycle, two analog arrays, pins compared in Java",
                        median(lock)),
                new Variant(
                        "batched",
                        String.format(
                                Locale.ROOT,
                                "batched engine: the model records %,d cycles, one call runs and compares them in C++",
                                Lockstep.batchLength(Engine.BATCHED)),
                        median(batched)),
                new Variant(
                        "pipelined",
                        String.format(
                                Locale.ROOT,
                                "pipelined engine: batches of %,d cycles, the RTL runs batch k on a second thread while the model records k+1",
                                Lockstep.batchLength(Engine.PIPELINED)),
                        median(pipelined)),
                new Variant("cpp-loop", "same Verilated model, recorded stimulus, C++ loop", median(cpp)),
                new Variant(
                        "java-replay", "same Verilated model, recorded stimulus, one JNA call per cycle", median(jna)),
                new Variant("model-only", "random host + Java model + its analog array, no RTL", median(model)),
                Spread.of(ratio),
                Spread.of(batchedRatio),
                Spread.of(pipelinedRatio),
                match,
                recorded);
    }

    /** The Java half alone, driven by the same random host as the lockstep. */
    private static long modelOnly(CosimRun.Options o, long cycles) {
        RandomHost host = new RandomHost(o.config(), o.seed());
        ModelSide side = ModelSide.of(o.config(), o.seed());
        for (long c = 0; c < cycles; c++) {
            if (host.resetNow()) {
                side.reset();
                host.onReset();
            } else {
                HostPins h = host.next(side.macro().cmdReady(), side.macro().rspValid());
                side.analog().setAnalogFault(host.analogFault());
                side.step(h);
            }
        }
        return side.macro().rspData();
    }

    /**
     * Nanoseconds per cycle of one call; the result goes to {@link #sink} so the work cannot be
     * elided.
     */
    private static double timed(long cycles, LongSupplier work) {
        long t0 = System.nanoTime();
        sink = work.getAsLong();
        return (System.nanoTime() - t0) / (double) cycles;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static String ratioLine(String what, Spread s) {
        return String.format(Locale.ROOT, "ratio %s %.3f (rounds: %.3f .. %.3f)", what, s.median(), s.min(), s.max());
    }

    private static void profileLines(List<String> lines, List<Variant> parts, Variant whole) {
        for (Variant v : parts) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-15s %8.1f ns %5.1f %%  %s",
                    v.name(),
                    v.nsPerCycle(),
                    100 * v.nsPerCycle() / whole.nsPerCycle(),
                    v.what()));
        }
    }

    /** The text report. */
    public static List<String> describe(Result r) {
        List<String> lines = new ArrayList<>();
        CosimRun.Options o = r.options();
        lines.add(String.format(
                Locale.ROOT,
                "bench: %s %dx%d seed %d, %,d cycles, median of %d rounds",
                o.preset(),
                o.config().rows(),
                o.config().cols(),
                o.seed(),
                r.recorded().cycles(),
                r.repeats()));
        lines.add(String.format(Locale.ROOT, "  %-12s %14s %10s  %s", "variant", "cycles/s", "ns/cycle", "what runs"));
        for (Variant v : r.variants()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-12s %,14.0f %10.1f  %s",
                    v.name(),
                    v.cyclesPerSecond(),
                    v.nsPerCycle(),
                    v.what()));
        }
        lines.add(ratioLine("cycle / C++ loop:    ", r.ratioSpread()));
        lines.add(ratioLine("batched / C++ loop:  ", r.batchedSpread()));
        lines.add(ratioLine("pipelined / C++ loop:", r.pipelinedSpread()));
        lines.add("where a cycle-engine cycle goes:");
        profileLines(lines, r.profile(), r.lockstep());
        lines.add("where a batched cycle goes:");
        profileLines(lines, r.batchedProfile(), r.batched());
        lines.add(
                r.replaysMatch()
                        ? "replays reproduce the lockstep RTL outputs of every cycle: yes"
                        : "FAIL: a replay's outputs differ from the recorded lockstep run (or an engine diverged)");
        return lines;
    }
}
