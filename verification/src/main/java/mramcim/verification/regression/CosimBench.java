package mramcim.verification.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.ModelSide;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.StimulusRecording;
import mramcim.cosim.verilator.VerilatedModel;
import mramcim.model.periphery.HostPins;
import mramcim.verification.stimulus.RandomHost;

/**
 * Cycles per second of the lockstep, against the same Verilated model driven by the C++ loop of
 * wrapper.cpp with the same stimulus (issue 6), all measured in one run. Where the time goes is
 * found by running the parts alone and subtracting:
 *
 * <ul>
 *   <li>C++ loop: the Verilated model's own evaluation, the floor;
 *   <li>Java replay: the same frames through one JNA call per cycle, so minus the C++ loop it is
 *       the crossing and buffer copying;
 *   <li>model only: the random host, the Java periphery model and its analog array;
 *   <li>the rest of the lockstep: the RTL side's analog array, pin reads and the comparison.
 * </ul>
 *
 * The stimulus is recorded from a first lockstep run (which also warms up the JIT); every replay
 * must reproduce the outputs that run saw, cycle for cycle, or the bench fails.
 */
public final class CosimBench {

    /** Longest run: the recording holds every cycle's inputs in memory. */
    public static final long MAX_CYCLES = 20_000_000;

    /** One variant's median time per cycle over the repeats, in nanoseconds. */
    public record Variant(String name, String what, double nsPerCycle) {
        public double cyclesPerSecond() {
            return 1e9 / nsPerCycle;
        }
    }

    /**
     * The outcome. {@code replaysMatch} is false if a replay's outputs differed from the recorded
     * run.
     */
    public record Result(
            CosimRun.Options options,
            int repeats,
            Variant lockstep,
            Variant cppLoop,
            Variant javaReplay,
            Variant modelOnly,
            boolean replaysMatch,
            CosimRun.Result recorded) {

        /** Lockstep cycles per second over the C++ loop's. */
        public double ratio() {
            return cppLoop.nsPerCycle / lockstep.nsPerCycle;
        }

        /**
         * Where a lockstep cycle's time goes, in nanoseconds, parts summing to the lockstep's time.
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
    }

    private static volatile long sink;

    private CosimBench() {}

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
        CosimRun.Result recorded = CosimRun.run(o, build, new CycleListener() {
            @Override
            public void afterEdge(Lockstep ls, long cycle) {
                rec.record(ls.rtl(), ls.lastEdgeReset());
            }
        });
        long cycles = rec.cycles();
        double[] lock = new double[repeats];
        double[] cpp = new double[repeats];
        double[] jna = new double[repeats];
        double[] model = new double[repeats];
        boolean match = recorded.passed();
        for (int r = 0; r < repeats && match; r++) {
            CosimRun.Result lr = CosimRun.run(o, build, null);
            match &= lr.passed() && lr.cycles() == cycles;
            lock[r] = lr.seconds() * 1e9 / cycles;
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
        }
        return new Result(
                o,
                repeats,
                new Variant("lockstep", "RTL (JNA) + Java model, two analog arrays, every pin compared", median(lock)),
                new Variant("cpp-loop", "same Verilated model, recorded stimulus, C++ loop", median(cpp)),
                new Variant(
                        "java-replay", "same Verilated model, recorded stimulus, one JNA call per cycle", median(jna)),
                new Variant("model-only", "random host + Java model + its analog array, no RTL", median(model)),
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
        for (Variant v : List.of(r.lockstep(), r.cppLoop(), r.javaReplay(), r.modelOnly())) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-12s %,14.0f %10.1f  %s",
                    v.name(),
                    v.cyclesPerSecond(),
                    v.nsPerCycle(),
                    v.what()));
        }
        lines.add(String.format(Locale.ROOT, "ratio lockstep / C++ loop: %.3f", r.ratio()));
        lines.add("where a lockstep cycle goes:");
        for (Variant v : r.profile()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-15s %8.1f ns %5.1f %%  %s",
                    v.name(),
                    v.nsPerCycle(),
                    100 * v.nsPerCycle() / r.lockstep().nsPerCycle(),
                    v.what()));
        }
        lines.add(
                r.replaysMatch()
                        ? "replays reproduce the lockstep RTL outputs of every cycle: yes"
                        : "FAIL: a replay's outputs differ from the recorded lockstep run (or the lockstep diverged)");
        return lines;
    }
}
