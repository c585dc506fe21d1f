package mramcim.verification.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mramcim.cosim.lockstep.Signal;
import mramcim.cosim.verilator.HaltCause;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.array.AnalogFault;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.trace.IdleReady;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFile;
import mramcim.verification.trace.TraceLine;

/**
 * Shrinks a failing command trace by delta debugging: it keeps every change after which the
 * lockstep still fails (on the same pin, with {@code samePin}) and drops the others. In order: cut
 * what comes after the failure, set {@code rsp_ready} high wherever no response is pending, switch
 * off every analog fault; then drop chunks of lines, halving the chunk down to single lines (a
 * dropped line's wait moves to the next, so the lines after it keep their edges); then, line by
 * line, shorten waits and back-pressure, drop the fault and the idle pattern, and simplify
 * address and data toward zero and toward the legal corners; and again, until a round changes
 * nothing or the budget is spent.
 *
 * <p>Each candidate is one lockstep run of the whole trace on a batched engine, which stops at the
 * first divergence; the runs are counted and timed.
 */
public final class Shrinker {

    /**
     * Rounds at most: each round ends with every field at a local minimum, so a round that changes
     * something is rare after the third.
     */
    static final int MAX_ROUNDS = 10;

    /** The low bits a data word is cut down to, widest first (toward zero by halves). */
    static final int[] LOW_BITS = {32, 16, 8, 4};

    /** What a shrink gives. */
    public record Result(
            Trace original,
            Trace minimal,
            CosimRun.Result originalFailure,
            CosimRun.Result minimalFailure,
            int runs,
            double seconds,
            boolean budgetSpent) {}

    /** The failure a candidate must keep. */
    private record Goal(Signal pin, HaltCause halt) {}

    private final CosimRun.Options base;
    private final NativeBuild build;
    private final boolean samePin;
    private final double budgetSeconds;
    private final Consumer<String> log;
    private Goal goal;
    private int runs;
    private long t0;

    /**
     * @param base the design, netlist, held pins and engine of every run (its seed and trace are
     *     replaced by each candidate's)
     * @param samePin keep only changes after which the run fails on the original's pin (or halts
     *     with the original's cause)
     * @param budgetSeconds wall time after which the smallest failing trace so far is the result
     * @param log one line per accepted step
     */
    public Shrinker(
            CosimRun.Options base, NativeBuild build, boolean samePin, double budgetSeconds, Consumer<String> log) {
        if (!(budgetSeconds > 0)) {
            throw new IllegalArgumentException("budget = " + budgetSeconds + " s: allowed > 0");
        }
        this.base = base;
        this.build = build;
        this.samePin = samePin;
        this.budgetSeconds = budgetSeconds;
        this.log = log;
    }

    /**
     * Shrinks {@code t}.
     *
     * @throws IllegalArgumentException if {@code t} passes on the netlist: there is nothing to
     *     shrink
     */
    public Result shrink(Trace t) {
        t0 = System.nanoTime();
        runs = 0;
        CosimRun.Result first = run(t);
        if (first.passed()) {
            throw new IllegalArgumentException("the trace passes on " + base.netlist() + " (" + t.commands()
                    + " commands): there is no failure to shrink");
        }
        goal = new Goal(
                first.first() != null && first.failureCycle() == first.first().cycle()
                        ? first.first().signal()
                        : null,
                first.first() == null || first.failureCycle() != first.first().cycle()
                        ? first.halt().cause()
                        : null);
        Trace cur = cutAfter(t, first.failureCycle());
        cur = attempt(cur, allIdleHigh(cur), "rsp_ready high at every idle edge");
        cur = attempt(cur, noFaults(cur), "no analog faults");
        for (int round = 1; round <= MAX_ROUNDS && !spent(); round++) {
            Trace before = cur;
            cur = dropChunks(cur);
            cur = simplifyLines(cur);
            cur = simplifyEnd(cur);
            if (cur.equals(before)) {
                break;
            }
            log.accept("round " + round + ": " + cur.commands() + " commands");
        }
        CosimRun.Result last = run(cur);
        return new Result(t, cur, first, last, runs, seconds(), spent());
    }

    /** The lines up to the failure: a line scheduled after it cannot matter. */
    private Trace cutAfter(Trace t, long failureCycle) {
        List<TraceLine> kept = new ArrayList<>();
        long at = 0;
        for (TraceLine l : t.lines()) {
            at += l.after();
            if (at > failureCycle) {
                break;
            }
            kept.add(l);
        }
        Trace cut = t.withLines(kept).withEndWait(Math.max(0, failureCycle - at(kept)) + 1);
        return attempt(t, cut, "cut after the failure at cycle " + failureCycle);
    }

    private static long at(List<TraceLine> lines) {
        return lines.stream().mapToLong(TraceLine::after).sum();
    }

    private static Trace allIdleHigh(Trace t) {
        return t.withLines(
                        t.lines().stream().map(l -> l.withIdle(IdleReady.HIGH)).toList())
                .withEndIdle(IdleReady.HIGH);
    }

    private static Trace noFaults(Trace t) {
        return t.withLines(
                t.lines().stream().map(l -> l.withFault(AnalogFault.NONE)).toList());
    }

    /** Drops chunks of lines, from the end, halving the chunk when a sweep drops nothing. */
    private Trace dropChunks(Trace t) {
        Trace cur = t;
        int chunk = Math.max(1, cur.lines().size() / 2);
        while (!spent() && !cur.lines().isEmpty()) {
            boolean dropped = false;
            int size = cur.lines().size();
            for (int start = (size - 1) / chunk * chunk; start >= 0 && !spent(); start -= chunk) {
                int end = Math.min(start + chunk, cur.lines().size());
                if (start >= end) {
                    continue;
                }
                Trace cand = without(cur, start, end);
                if (fails(cand)) {
                    cur = cand;
                    dropped = true;
                }
            }
            if (!dropped) {
                if (chunk == 1) {
                    break;
                }
                chunk = Math.max(1, chunk / 2);
            } else {
                chunk = Math.max(1, Math.min(chunk, cur.lines().size() / 2));
            }
        }
        if (cur.lines().size() < t.lines().size()) {
            log.accept(
                    "dropped lines: " + t.lines().size() + " -> " + cur.lines().size());
        }
        return cur;
    }

    /** {@code t} without lines [start, end); their waits go to the next line (or the end). */
    static Trace without(Trace t, int start, int end) {
        List<TraceLine> l = t.lines();
        long moved = 0;
        for (int i = start; i < end; i++) {
            moved += l.get(i).after();
        }
        List<TraceLine> out = new ArrayList<>(l.subList(0, start));
        if (end < l.size()) {
            TraceLine next = l.get(end);
            out.add(next.withAfter(Math.min(TraceLine.MAX_EDGES, next.after() + moved)));
            out.addAll(l.subList(end + 1, l.size()));
            return t.withLines(out);
        }
        return t.withLines(out).withEndWait(Math.min(TraceLine.MAX_EDGES, t.endWait() + moved));
    }

    /** Simpler values for each line's fields, one at a time. */
    private Trace simplifyLines(Trace t) {
        Trace cur = t;
        for (int i = 0; i < cur.lines().size() && !spent(); i++) {
            int at = i;
            cur = shorten(cur, at, TraceLine::after, (l, v) -> l.withAfter(v.longValue()));
            cur = shorten(cur, at, l -> l.stall(), (l, v) -> l.withStall(v.intValue()));
            for (TraceLine cand : simpler(cur.lines().get(at))) {
                if (spent()) {
                    break;
                }
                Trace c = with(cur, at, cand);
                if (fails(c)) {
                    cur = c;
                }
            }
        }
        return cur;
    }

    private static Trace with(Trace t, int i, TraceLine l) {
        List<TraceLine> lines = new ArrayList<>(t.lines());
        lines.set(i, l);
        return t.withLines(lines);
    }

    /**
     * A count of line {@code i} (a wait, a back-pressure) made as small as still fails: zero, or
     * halved while it fails.
     */
    private Trace shorten(
            Trace t,
            int i,
            java.util.function.ToLongFunction<TraceLine> get,
            java.util.function.BiFunction<TraceLine, Long, TraceLine> set) {
        long v = get.applyAsLong(t.lines().get(i));
        if (v == 0 || spent()) {
            return t;
        }
        Trace zero = with(t, i, set.apply(t.lines().get(i), 0L));
        if (fails(zero)) {
            return zero;
        }
        Trace cur = t;
        while (v > 1 && !spent()) {
            Trace c = with(cur, i, set.apply(cur.lines().get(i), v / 2));
            if (!fails(c)) {
                break;
            }
            cur = c;
            v /= 2;
        }
        return cur;
    }

    /** The simpler versions of a line's other fields worth a run, simplest first. */
    static List<TraceLine> simpler(TraceLine l) {
        List<TraceLine> out = new ArrayList<>();
        if (!l.idle().equals(IdleReady.HIGH)) {
            out.add(l.withIdle(IdleReady.HIGH));
        }
        if (l.isReset()) {
            return out;
        }
        if (!l.fault().none()) {
            out.add(l.withFault(AnalogFault.NONE));
        }
        for (long d : simplerData(l)) {
            out.add(l.withData(d));
        }
        for (int a : new int[] {0, l.addr() & 0xFF, l.addr() & 0xFF00}) {
            if (a != l.addr() && !out.contains(l.withAddr(a))) {
                out.add(l.withAddr(a));
            }
        }
        return out;
    }

    /** Data words toward zero, and the legal corners of a register write. */
    private static List<Long> simplerData(TraceLine l) {
        List<Long> c = new ArrayList<>(List.of(0L, 1L));
        if (l.op() == Op.WRITE_REG.code() && Register.of(l.addr()) != null) {
            Register r = Register.of(l.addr());
            c.add((long) r.min());
            c.add((long) r.max());
            c.add((long) r.resetValue());
        }
        for (int bits : LOW_BITS) {
            c.add(l.data() & ((1L << bits) - 1));
        }
        return c.stream()
                .distinct()
                .filter(d -> d != l.data() && Long.compareUnsigned(d, l.data()) < 0)
                .toList();
    }

    private Trace simplifyEnd(Trace t) {
        Trace cur = t;
        if (cur.endWait() > 0 && fails(cur.withEndWait(0))) {
            cur = cur.withEndWait(0);
        }
        while (cur.endWait() > 1 && !spent()) {
            Trace c = cur.withEndWait(cur.endWait() / 2);
            if (!fails(c)) {
                break;
            }
            cur = c;
        }
        if (!cur.endIdle().equals(IdleReady.HIGH)) {
            cur = attempt(cur, cur.withEndIdle(IdleReady.HIGH), "rsp_ready high at the end");
        }
        return cur;
    }

    private Trace attempt(Trace cur, Trace cand, String what) {
        if (!cand.equals(cur) && fails(cand)) {
            log.accept(what + ": kept");
            return cand;
        }
        return cur;
    }

    private boolean fails(Trace t) {
        CosimRun.Result r = run(t);
        if (r.passed()) {
            return false;
        }
        if (!samePin) {
            return true;
        }
        boolean divergedFirst =
                r.first() != null && r.failureCycle() == r.first().cycle();
        return goal.pin() != null
                ? divergedFirst && r.first().signal() == goal.pin()
                : !divergedFirst && r.halt() != null && r.halt().cause() == goal.halt();
    }

    private CosimRun.Result run(Trace t) {
        runs++;
        return CosimRun.run(base.withTrace(TraceFile.of(t)).withCycles(CosimRun.traceCycleCap(t)), build, null);
    }

    private boolean spent() {
        return seconds() > budgetSeconds;
    }

    private double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }
}
