package mramcim.verification.trace;

import java.util.ArrayList;
import java.util.List;
import mramcim.model.array.AnalogFault;
import mramcim.model.periphery.HostPins;
import mramcim.verification.stimulus.Stimulus;

/**
 * Records what another stimulus drives, edge by edge, as a {@link Trace} that {@link TraceHost}
 * replays to the same edges: when each command is presented, its fields, its back-pressure and
 * analog fault, every reset, and {@code rsp_ready} at the idle edges.
 */
public final class TraceRecorder implements Stimulus {

    private final Stimulus inner;
    private final List<Line> lines = new ArrayList<>();
    private final HostPins last = new HostPins();
    private IdleReady.Builder idle = new IdleReady.Builder();
    private long edge;
    private long lastEvent;
    private boolean lastCmdReady;
    private Line presented;
    private Line answering;
    private int lowEdges;

    /** A line as it is being recorded: its stall and fault are known only later. */
    private static final class Line {
        final TraceLine.Kind kind;
        final long after;
        final int op;
        final int addr;
        final long data;
        final IdleReady idle;
        int stall;
        AnalogFault fault = AnalogFault.NONE;

        Line(TraceLine.Kind kind, long after, int op, int addr, long data, IdleReady idle) {
            this.kind = kind;
            this.after = after;
            this.op = op;
            this.addr = addr;
            this.data = data;
            this.idle = idle;
        }

        TraceLine build() {
            return new TraceLine(kind, after, op, addr, data, stall, fault, idle);
        }
    }

    public TraceRecorder(Stimulus inner) {
        this.inner = inner;
    }

    @Override
    public boolean resetNow() {
        edge++;
        boolean reset = inner.resetNow();
        if (reset) {
            add(TraceLine.Kind.RESET, 0, 0, 0);
        }
        return reset;
    }

    @Override
    public HostPins next(boolean cmdReady, boolean rspValid) {
        boolean accepted = last.cmdValid && lastCmdReady;
        HostPins p = inner.next(cmdReady, rspValid);
        if (accepted && presented != null) {
            // the fault of a command holds from the edge after its acceptance: this one
            presented.fault = FaultText.canonical(inner.analogFault());
            answering = presented;
            presented = null;
        }
        if (p.cmdValid && (!last.cmdValid || accepted)) {
            presented = add(TraceLine.Kind.COMMAND, p.cmdOp, p.cmdAddr, p.cmdData);
        }
        if (rspValid) {
            if (!p.rspReady) {
                lowEdges++;
                if (answering != null) {
                    answering.stall = lowEdges;
                }
            } else {
                lowEdges = 0;
            }
        } else {
            idle.add(p.rspReady);
            lowEdges = 0;
        }
        last.copyFrom(p);
        lastCmdReady = cmdReady;
        return p;
    }

    private Line add(TraceLine.Kind kind, int op, int addr, long data) {
        Line l = new Line(kind, edge - lastEvent, op, addr, data, idle.build());
        idle = new IdleReady.Builder();
        lastEvent = edge;
        lines.add(l);
        return l;
    }

    @Override
    public void onReset() {
        inner.onReset();
        last.cmdValid = false;
        lastCmdReady = false;
        presented = null;
        answering = null;
        lowEdges = 0;
    }

    @Override
    public AnalogFault analogFault() {
        return inner.analogFault();
    }

    @Override
    public boolean finished() {
        return inner.finished();
    }

    /** What was driven so far, on the die of {@code design} and {@code seed}. */
    public Trace trace(String design, long seed) {
        return new Trace(design, seed, lines.stream().map(Line::build).toList(), edge - lastEvent, idle.build());
    }
}
