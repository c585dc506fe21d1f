package mramcim.verification.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.HaltCause;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.NativeBuilder;
import mramcim.cosim.verilator.RtlHaltedException;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.Hierarchy;
import mramcim.model.periphery.HostPins;
import mramcim.rtl.Generator;
import mramcim.verification.stimulus.RandomHost;
import mramcim.verification.stimulus.Stimulus;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFile;
import mramcim.verification.trace.TraceHost;
import mramcim.verification.trace.TraceRecorder;

/**
 * One seed of constrained-random traffic in lockstep: the RTL against the Java model for a number
 * of cycles, stopping at the first divergence (or counting them all).
 */
public final class CosimRun {

    /** The engine of {@code cosim}, {@code regress} and every lockstep a command opens. */
    public static final Engine DEFAULT_ENGINE = Engine.BATCHED;

    /**
     * How a configuration file is named where a preset's name would stand (reports, summaries,
     * replay commands): this prefix and the file's absolute path.
     */
    public static final String CONFIG_LABEL = "config:";

    /**
     * The command-line option that selects the design named {@code label}: {@code --preset P} or
     * {@code --config FILE}.
     */
    public static String designArgument(String label) {
        return label.startsWith(CONFIG_LABEL)
                ? "--config " + label.substring(CONFIG_LABEL.length())
                : "--preset " + label;
    }

    /**
     * What to run.
     *
     * @param verilog the netlist's files ({@code --verilog}), empty for the generated top
     * @param codeCoverage run the coverage build of the library and write the seed's coverage
     *     points
     * @param pins inputs of the netlist beyond the macro's, held at a fixed value (a mutation
     *     campaign's {@code mutsel}); empty for none
     * @param engine how the RTL side runs ({@code --engine}); every engine reports the same
     * @param trace the command trace that drives the host side, or null for the random host of
     *     {@code seed}; {@code cycles} then caps the run, which ends with the trace
     */
    public record Options(
            MacroConfig config,
            String preset,
            long seed,
            long cycles,
            List<Path> verilog,
            boolean countAll,
            boolean codeCoverage,
            Map<String, Long> pins,
            Engine engine,
            TraceFile trace) {
        public Options {
            if (cycles < 1) {
                throw new IllegalArgumentException(
                        "cycles = " + cycles + " is out of range: allowed 1.." + Long.MAX_VALUE);
            }
            verilog = verilog == null ? List.of() : List.copyOf(verilog);
            pins = pins == null ? Map.of() : Map.copyOf(pins);
            engine = engine == null ? DEFAULT_ENGINE : engine;
            if (trace != null && trace.trace().seed() != seed) {
                throw new IllegalArgumentException("seed = " + seed + " but the trace runs on the die of seed "
                        + trace.trace().seed());
            }
        }

        /** As the canonical constructor, driven by the random host. */
        public Options(
                MacroConfig config,
                String preset,
                long seed,
                long cycles,
                List<Path> verilog,
                boolean countAll,
                boolean codeCoverage,
                Map<String, Long> pins,
                Engine engine) {
            this(config, preset, seed, cycles, verilog, countAll, codeCoverage, pins, engine, null);
        }

        /** As the canonical constructor, with the default engine. */
        public Options(
                MacroConfig config,
                String preset,
                long seed,
                long cycles,
                List<Path> verilog,
                boolean countAll,
                boolean codeCoverage,
                Map<String, Long> pins) {
            this(config, preset, seed, cycles, verilog, countAll, codeCoverage, pins, DEFAULT_ENGINE);
        }

        /** A run of the generated top, or of one netlist file. */
        public Options(MacroConfig config, String preset, long seed, long cycles, Path verilog, boolean countAll) {
            this(
                    config,
                    preset,
                    seed,
                    cycles,
                    verilog == null ? List.of() : List.of(verilog),
                    countAll,
                    false,
                    Map.of(),
                    DEFAULT_ENGINE);
        }

        /** The same run for another number of cycles. */
        public Options withCycles(long n) {
            return new Options(config, preset, seed, n, verilog, countAll, codeCoverage, pins, engine, trace);
        }

        /** The same run with or without {@code --count-all}. */
        public Options withCountAll(boolean all) {
            return new Options(config, preset, seed, cycles, verilog, all, codeCoverage, pins, engine, trace);
        }

        /** The same run on another engine. */
        public Options withEngine(Engine e) {
            return new Options(config, preset, seed, cycles, verilog, countAll, codeCoverage, pins, e, trace);
        }

        /** The same design and netlist driven by {@code t} (on its die) instead of the random host. */
        public Options withTrace(TraceFile t) {
            return new Options(
                    config, preset, t.trace().seed(), cycles, verilog, countAll, codeCoverage, pins, engine, t);
        }

        /** What the run's RTL is, in one line: "generated" or the netlist's files. */
        public String netlist() {
            return verilog.isEmpty()
                    ? "generated"
                    : String.join(", ", verilog.stream().map(Path::toString).toList());
        }

        /** The command that replays this run. */
        public String replayCommand() {
            StringBuilder b = new StringBuilder(
                    trace != null
                            ? "scripts/mramcim cosim --trace "
                                    + (trace.file() == null
                                            ? "TRACE"
                                            : trace.file().toString())
                            : "scripts/mramcim cosim " + designArgument(preset) + " --seed " + seed + " --cycles "
                                    + cycles);
            verilog.forEach(v -> b.append(" --verilog ").append(v));
            return b.toString();
        }
    }

    /**
     * The configuration a design label names: a preset, or {@value #CONFIG_LABEL} and a JSON file.
     */
    public static MacroConfig design(String label) {
        return label.startsWith(CONFIG_LABEL)
                ? mramcim.model.config.ConfigJson.load(Path.of(label.substring(CONFIG_LABEL.length())))
                : MacroConfig.preset(label);
    }

    /** The configuration a trace's header names, or why it names none. */
    public static MacroConfig traceDesign(Trace t) {
        try {
            return design(t.design());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the trace names the design " + t.design() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cycles a trace run may take at most: four times the edges its lines schedule, plus
     * {@value #TRACE_SLACK_CYCLES} for the commands that wait on the macro (a trace ends by
     * itself; the cap only bounds a netlist that never answers).
     */
    public static long traceCycleCap(Trace t) {
        return 4 * t.scheduledEdges() + TRACE_SLACK_CYCLES;
    }

    /** See {@link #traceCycleCap}. */
    public static final long TRACE_SLACK_CYCLES = 1_000_000;

    /**
     * A run of the trace on its own design and die (the header's design and seed), on {@code
     * verilog} (empty: the generated RTL) with the netlist's extra inputs held at {@code pins}.
     */
    public static Options ofTrace(TraceFile t, List<Path> verilog, Map<String, Long> pins, Engine engine) {
        Trace trace = t.trace();
        return new Options(
                traceDesign(trace),
                trace.design(),
                trace.seed(),
                traceCycleCap(trace),
                verilog,
                false,
                false,
                pins,
                engine,
                t);
    }

    /**
     * The netlist ended its own simulation ({@code $finish}, {@code $stop}, {@code $fatal},
     * non-convergence) in clock edge {@code cycle}: the lockstep cannot go on past it.
     *
     * @param where file, line and message as Verilator reports them (may be empty)
     * @param lastCommands the last commands accepted before it, oldest first
     */
    public record Halt(HaltCause cause, String where, long cycle, List<String> lastCommands) {
        /** One line for a person. */
        public String summary() {
            return cause.meaning() + " at cycle " + cycle + (where.isEmpty() ? "" : " (" + where + ")");
        }
    }

    /**
     * What happened. {@code first} is null when both sides agreed on every pin of every cycle that
     * ran; {@code halt} is non-null when the netlist ended the simulation itself; {@code stopped}
     * is true when the run was asked to stop before its last cycle.
     */
    public record Result(
            long cycles,
            long commands,
            long resets,
            Divergence first,
            long divergentCycles,
            double seconds,
            boolean stopped,
            Halt halt) {
        public boolean passed() {
            return first == null && halt == null;
        }

        /** The cycle of the first failure (divergence or halt, whichever came first), or -1. */
        public long failureCycle() {
            if (first != null && (halt == null || first.cycle() <= halt.cycle())) {
                return first.cycle();
            }
            return halt == null ? -1 : halt.cycle();
        }

        public double cyclesPerSecond() {
            return cycles / Math.max(seconds, 1e-9);
        }
    }

    /** Lets a caller follow a long run and stop it early (regression workers, Ctrl-C). */
    public interface Control {
        /** Called every {@link #CHECK_EVERY} cycles; true ends the run after the present cycle. */
        boolean stopRequested();

        /** {@code cycles} more cycles have run. */
        void advanced(long cycles);
    }

    /** Cycles between two calls of a {@link Control}. */
    public static final int CHECK_EVERY = 8192;

    static {
        for (Engine e : Engine.values()) {
            // a batch must end on every progress step, or a crash could not be placed within one
            if (CHECK_EVERY % Lockstep.batchLength(e) != 0) {
                throw new ExceptionInInitializerError(
                        "batch length of " + e + " does not divide the progress step " + CHECK_EVERY);
            }
        }
    }

    /** A control that never stops a run and follows nothing. */
    public static final Control NO_CONTROL = new Control() {
        @Override
        public boolean stopRequested() {
            return false;
        }

        @Override
        public void advanced(long cycles) {}
    };

    private CosimRun() {}

    /**
     * The native library of the run's RTL: the generated top, or {@code --verilog}'s netlist, whose
     * top must have the ports of the configuration's macro ({@link Lockstep#checkInterface}).
     */
    public static NativeBuild library(Options o, Consumer<String> log) {
        int rows = o.config().rows();
        int cols = o.config().cols();
        NativeBuilder.Variant variant = o.codeCoverage() ? NativeBuilder.Variant.COVERAGE : NativeBuilder.Variant.FAST;
        List<NativeBuilder.Source> sources = o.verilog().isEmpty()
                ? List.of(new NativeBuilder.Source(Hierarchy.TOP + ".sv", Generator.emit(Hierarchy.TOP, rows, cols)))
                : RtlLibraries.readSources(o.verilog());
        NativeBuilder builder = NativeBuilder.standard(log);
        Lockstep.checkInterface(
                o.config(), builder.ports(Hierarchy.TOP, sources), o.pins().keySet());
        String label = rows
                + "x"
                + cols
                + (o.verilog().isEmpty() ? "" : " " + o.verilog().get(0).getFileName())
                + (o.codeCoverage() ? " coverage" : "");
        return builder.build(Hierarchy.TOP, label, sources, variant);
    }

    /** Runs the options' seed on {@code build}; {@code listener} may be null. */
    public static Result run(Options o, NativeBuild build, CycleListener listener) {
        return run(o, build, listener, NO_CONTROL);
    }

    /**
     * As {@link #run(Options, NativeBuild, CycleListener)}, followed and stoppable through {@code
     * control}. A listener given this way sees one run; on a batched engine that fails with a
     * listener, use {@link #run(Options, NativeBuild, Supplier, Control)}, which can give the
     * cycle-engine rerun a fresh one.
     */
    public static Result run(Options o, NativeBuild build, CycleListener listener, Control control) {
        boolean[] made = {false};
        return run(
                o,
                build,
                () -> {
                    if (made[0]) {
                        return null;
                    }
                    made[0] = true;
                    return listener;
                },
                control);
    }

    /**
     * Runs the options' seed on {@code build} with the listeners {@code listeners} makes (it may
     * make null), followed and stoppable through {@code control}.
     *
     * <p>On a batched engine the first failure (cycle, pin, values, commands) is exactly the cycle
     * engine's. What comes after it needs the RTL's own analog array from the failing edge on, and
     * a listener has been shown edges the RTL had not run yet: so when the batched run fails with
     * {@code --count-all} or with a listener, the seed runs again on the cycle engine from the
     * start, with fresh listeners, and that run is the result. A listener that needs the RTL live
     * every edge (waveforms, {@link CycleListener#needsLiveRtl()}) runs on the cycle engine.
     */
    public static Result run(Options o, NativeBuild build, Supplier<CycleListener> listeners, Control control) {
        return run(o, build, listeners, control, null);
    }

    /**
     * As {@link #run(Options, NativeBuild, Supplier, Control)}, recording what the host drove:
     * {@code recorded} (if not null) receives the trace of each run made, the result's last. The
     * trace replays the run's first failure exactly (on a batched engine it may go on past it, as
     * far as the model ran ahead).
     */
    public static Result run(
            Options o,
            NativeBuild build,
            Supplier<CycleListener> listeners,
            Control control,
            Consumer<Trace> recorded) {
        CycleListener first = listeners.get();
        Engine engine = first != null && first.needsLiveRtl() ? Engine.CYCLE : o.engine();
        Result r = runOnce(o, engine, build, first, control, recorded);
        if (engine != Engine.CYCLE && !r.passed() && !r.stopped() && (o.countAll() || first != null)) {
            long already = r.cycles();
            long[] rerun = {0};
            Control again = new Control() {
                @Override
                public boolean stopRequested() {
                    return control.stopRequested();
                }

                @Override
                public void advanced(long cycles) {
                    // the batched run reported its cycles: only what lies beyond them is progress
                    // (a report of 0 still tells a watchdog the run is alive)
                    long before = rerun[0];
                    rerun[0] += cycles;
                    control.advanced(Math.max(0, rerun[0] - Math.max(before, already)));
                }
            };
            Result again2 = runOnce(o, Engine.CYCLE, build, listeners.get(), again, recorded);
            r = new Result(
                    again2.cycles(),
                    again2.commands(),
                    again2.resets(),
                    again2.first(),
                    again2.divergentCycles(),
                    r.seconds() + again2.seconds(),
                    again2.stopped(),
                    again2.halt());
        }
        return r;
    }

    private static Result runOnce(
            Options o,
            Engine engine,
            NativeBuild build,
            CycleListener listener,
            Control control,
            Consumer<Trace> recorded) {
        long t0 = System.nanoTime();
        Stimulus driven = o.trace() != null ? new TraceHost(o.trace().trace()) : new RandomHost(o.config(), o.seed());
        TraceRecorder recorder = recorded == null ? null : new TraceRecorder(driven);
        Stimulus host = recorder == null ? driven : recorder;
        try (Lockstep ls = Lockstep.open(o.config(), o.seed(), build, o.pins(), engine)) {
            boolean synced = false;
            try {
                Result r = ls.engine() == Engine.CYCLE
                        ? loop(o, ls, host, listener, control, t0)
                        : batchedLoop(o, ls, host, listener, control, t0);
                synced = true;
                return r;
            } finally {
                if (listener != null) {
                    if (!synced) {
                        try {
                            ls.sync(); // the RTL catches up before a writer reads it
                        } catch (RuntimeException e) {
                            // the run is failing already; its own exception is the one to report
                        }
                    }
                    listener.end(ls);
                }
                if (recorder != null) {
                    recorded.accept(recorder.trace(o.preset(), o.seed()));
                }
            }
        }
    }

    /** One edge of the random host on the lockstep. */
    private static void edge(Lockstep ls, Stimulus host) {
        if (host.resetNow()) {
            ls.reset();
            host.onReset();
        } else {
            HostPins h = host.next(ls.model().cmdReady(), ls.model().rspValid());
            ls.setAnalogFault(host.analogFault());
            ls.step(h);
        }
    }

    private static Result loop(
            Options o, Lockstep ls, Stimulus host, CycleListener listener, Control control, long t0) {
        Divergence first = null;
        long divergent = 0;
        long reported = 0;
        long c = 1;
        for (; c <= o.cycles() && !host.finished(); c++) {
            if (c % CHECK_EVERY == 0) {
                control.advanced(CHECK_EVERY);
                reported += CHECK_EVERY;
                if (control.stopRequested()) {
                    return new Result(
                            ls.cycle(), ls.commands(), ls.resets(), first, divergent, seconds(t0), true, null);
                }
            }
            try {
                edge(ls, host);
            } catch (RtlHaltedException e) {
                control.advanced(c % CHECK_EVERY);
                Halt halt = new Halt(e.haltCause(), e.where(), ls.cycle() + 1, ls.recentCommands());
                return new Result(halt.cycle(), ls.commands(), ls.resets(), first, divergent, seconds(t0), false, halt);
            }
            if (listener != null) {
                listener.afterEdge(ls, ls.cycle());
            }
            Divergence d = ls.compare();
            if (d != null) {
                divergent++;
                if (first == null) {
                    first = d;
                }
                if (!o.countAll()) {
                    control.advanced(c % CHECK_EVERY);
                    return new Result(
                            ls.cycle(), ls.commands(), ls.resets(), first, divergent, seconds(t0), false, null);
                }
            }
        }
        control.advanced(c - 1 - reported);
        return new Result(ls.cycle(), ls.commands(), ls.resets(), first, divergent, seconds(t0), false, null);
    }

    /**
     * The batched engines: the model runs ahead, the RTL checks each batch; see {@link Lockstep}.
     * Progress counts the cycles the RTL has checked, in steps of {@link #CHECK_EVERY} as on the
     * cycle engine, so that a worker that dies inside a native call died within one step of its
     * last report.
     */
    private static Result batchedLoop(
            Options o, Lockstep ls, Stimulus host, CycleListener listener, Control control, long t0) {
        long reported = 0;
        for (long c = 1; c <= o.cycles() && !host.finished(); c++) {
            edge(ls, host);
            if (listener != null) {
                listener.afterEdge(ls, ls.cycle());
            }
            if (ls.failure() != null) {
                control.advanced(ls.failure().cycle() - reported);
                return failed(ls.failure(), t0);
            }
            if (ls.checked() >= reported + CHECK_EVERY) {
                long step = (ls.checked() - reported) / CHECK_EVERY * CHECK_EVERY;
                control.advanced(step);
                reported += step;
                if (control.stopRequested()) {
                    Lockstep.Failure f = ls.sync();
                    return f != null
                            ? failed(f, t0)
                            : new Result(ls.cycle(), ls.commands(), ls.resets(), null, 0, seconds(t0), true, null);
                }
            }
        }
        Lockstep.Failure f = ls.sync();
        control.advanced((f != null ? f.cycle() : ls.cycle()) - reported);
        return f != null
                ? failed(f, t0)
                : new Result(ls.cycle(), ls.commands(), ls.resets(), null, 0, seconds(t0), false, null);
    }

    private static Result failed(Lockstep.Failure f, long t0) {
        if (f.halt() != null) {
            Halt halt = new Halt(f.halt().haltCause(), f.halt().where(), f.cycle(), f.lastCommands());
            return new Result(f.cycle(), f.commands(), f.resets(), null, 0, seconds(t0), false, halt);
        }
        return new Result(f.cycle(), f.commands(), f.resets(), f.divergence(), 1, seconds(t0), false, null);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Text summary, a few lines. */
    public static List<String> describe(Options o, Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%s: %s %dx%d seed %d, %,d cycles, %,d commands, %d resets, %.2f s (%,.0f cycles/s)",
                r.passed() ? "PASS" : "FAIL",
                o.preset(),
                o.config().rows(),
                o.config().cols(),
                o.seed(),
                r.cycles(),
                r.commands(),
                r.resets(),
                r.seconds(),
                r.cyclesPerSecond()));
        if (!r.passed()) {
            Divergence d = r.first();
            if (d != null) {
                lines.add("first divergence at " + d.summary());
                if (o.countAll()) {
                    lines.add("divergent cycles: " + r.divergentCycles());
                }
                lines.add("last commands before it:");
                d.lastCommands().forEach(c -> lines.add("  " + c));
            }
            if (r.halt() != null) {
                lines.add("RTL halted: " + r.halt().summary());
                if (d == null) {
                    lines.add("last commands before it:");
                    r.halt().lastCommands().forEach(c -> lines.add("  " + c));
                }
            }
            lines.add("replay: " + o.replayCommand());
        }
        return lines;
    }
}
