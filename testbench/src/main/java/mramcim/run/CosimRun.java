package mramcim.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mramcim.cosim.lockstep.Divergence;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.HostPins;
import mramcim.stimulus.RandomHost;

/**
 * One seed of constrained-random traffic in lockstep: the RTL against the Java model for a number
 * of cycles, stopping at the first divergence (or counting them all).
 */
public final class CosimRun {

    /** What to run. {@code verilog} null means the generated top of the configuration's size. */
    public record Options(MacroConfig config, String preset, long seed, long cycles, Path verilog, boolean countAll) {
        public Options {
            if (cycles < 1) {
                throw new IllegalArgumentException("cycles = " + cycles + " is out of range: allowed 1.." + Long.MAX_VALUE);
            }
        }

        /** The command that replays this run. */
        public String replayCommand() {
            return "scripts/mramcim cosim --preset " + preset + " --seed " + seed + " --cycles " + cycles
                    + (verilog == null ? "" : " --verilog " + verilog);
        }
    }

    /**
     * What happened. {@code first} is null when both sides agreed on every pin of every cycle;
     * {@code stopped} is true when the run was asked to stop before its last cycle.
     */
    public record Result(long cycles, long commands, long resets, Divergence first, long divergentCycles, double seconds,
                         boolean stopped) {
        public boolean passed() {
            return first == null;
        }

        public double cyclesPerSecond() {
            return cycles / Math.max(seconds, 1e-9);
        }
    }

    /** A hook called after every edge (waveform writers); {@code cycle} counts edges from 1. */
    public interface CycleListener {
        void afterEdge(Lockstep ls, long cycle);

        /** Called once when the run ends, before the lockstep closes (writers flush here). */
        default void end(Lockstep ls) {
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

    private static final Control NO_CONTROL = new Control() {
        @Override
        public boolean stopRequested() {
            return false;
        }

        @Override
        public void advanced(long cycles) {
        }
    };

    private CosimRun() {
    }

    /** The native library of the run's RTL: the generated top, or {@code --verilog}'s netlist. */
    public static NativeBuild library(Options o, Consumer<String> log) {
        int rows = o.config().rows();
        int cols = o.config().cols();
        return o.verilog() == null ? RtlLibraries.forTop("MramCimMacro", rows, cols, log)
                : RtlLibraries.forVerilogFile("MramCimMacro", rows + "x" + cols + "-" + o.verilog().getFileName(), o.verilog(), log);
    }

    /** Runs the options' seed on {@code build}; {@code listener} may be null. */
    public static Result run(Options o, NativeBuild build, CycleListener listener) {
        return run(o, build, listener, NO_CONTROL);
    }

    /** As {@link #run(Options, NativeBuild, CycleListener)}, followed and stoppable through {@code control}. */
    public static Result run(Options o, NativeBuild build, CycleListener listener, Control control) {
        long t0 = System.nanoTime();
        RandomHost host = new RandomHost(o.config(), o.seed());
        try (Lockstep ls = Lockstep.open(o.config(), o.seed(), build)) {
            try {
                return loop(o, ls, host, listener, control, t0);
            } finally {
                if (listener != null) {
                    listener.end(ls);
                }
            }
        }
    }

    private static Result loop(Options o, Lockstep ls, RandomHost host, CycleListener listener, Control control,
                               long t0) {
        Divergence first = null;
        long divergent = 0;
        long resets = 0;
        for (long c = 1; c <= o.cycles(); c++) {
            if (c % CHECK_EVERY == 0) {
                control.advanced(CHECK_EVERY);
                if (control.stopRequested()) {
                    return new Result(ls.cycle(), ls.commands(), resets, first, divergent, seconds(t0), true);
                }
            }
            if (host.resetNow()) {
                ls.reset();
                host.onReset();
                resets++;
            } else {
                HostPins h = host.next(ls.model().cmdReady(), ls.model().rspValid());
                ls.step(h);
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
                    return new Result(ls.cycle(), ls.commands(), resets, first, divergent, seconds(t0), false);
                }
            }
        }
        control.advanced(o.cycles() % CHECK_EVERY);
        return new Result(ls.cycle(), ls.commands(), resets, first, divergent, seconds(t0), false);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Text summary, a few lines. */
    public static List<String> describe(Options o, Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s: %s %dx%d seed %d, %,d cycles, %,d commands, %d resets, %.2f s (%,.0f cycles/s)",
                r.passed() ? "PASS" : "FAIL", o.preset(), o.config().rows(), o.config().cols(), o.seed(), r.cycles(),
                r.commands(), r.resets(), r.seconds(), r.cyclesPerSecond()));
        if (!r.passed()) {
            Divergence d = r.first();
            lines.add("first divergence at " + d.summary());
            if (o.countAll()) {
                lines.add("divergent cycles: " + r.divergentCycles());
            }
            lines.add("last commands before it:");
            d.lastCommands().forEach(c -> lines.add("  " + c));
            lines.add("replay: " + o.replayCommand());
        }
        return lines;
    }
}
