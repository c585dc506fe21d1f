package mramcim.verification.trace;

import java.util.List;

/**
 * A command trace: the host side of one lockstep run, as lines a person can read and edit
 * (docs/traces.md). The die it runs on is named too: the analog arrays of both sides are
 * fabricated from {@code design} and {@code seed}, as for a random seed.
 *
 * @param design the design label ({@code jung2022}, {@code small:8x8}, {@code config:/path})
 * @param seed the seed of the die
 * @param lines the commands and resets, in order
 * @param endWait edges the run goes on after the last line's event (a command still in flight
 *     then is cut off)
 * @param endIdle {@code rsp_ready} at the idle edges after the last line's event ({@link
 *     IdleReady})
 */
public record Trace(String design, long seed, List<TraceLine> lines, long endWait, IdleReady endIdle) {

    public Trace {
        if (design == null || design.isBlank() || design.contains("\n")) {
            throw new IllegalArgumentException("design = '" + design + "': a preset name or config:FILE");
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed = " + seed + " is out of range: allowed 0.." + Long.MAX_VALUE);
        }
        if (endWait < 0 || endWait > TraceLine.MAX_EDGES) {
            throw new IllegalArgumentException(
                    "end wait = " + endWait + " is out of range: allowed 0.." + TraceLine.MAX_EDGES);
        }
        lines = List.copyOf(lines);
        endIdle = endIdle == null ? IdleReady.HIGH : endIdle;
    }

    /** The same trace with other lines. */
    public Trace withLines(List<TraceLine> l) {
        return new Trace(design, seed, l, endWait, endIdle);
    }

    /** The same trace with another end wait. */
    public Trace withEndWait(long w) {
        return new Trace(design, seed, lines, w, endIdle);
    }

    /** The same trace with another end idle pattern. */
    public Trace withEndIdle(IdleReady i) {
        return new Trace(design, seed, lines, endWait, i);
    }

    /** Host commands in it (resets not counted). */
    public int commands() {
        return (int) lines.stream().filter(l -> !l.isReset()).count();
    }

    /** Edges from the start to the last line's event plus the end wait: a lower bound of the run. */
    public long scheduledEdges() {
        long e = endWait;
        for (TraceLine l : lines) {
            e += l.after();
        }
        return e;
    }
}
