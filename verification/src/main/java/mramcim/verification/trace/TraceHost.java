package mramcim.verification.trace;

import java.util.List;
import mramcim.model.array.AnalogFault;
import mramcim.model.macro.HostDriver;
import mramcim.model.periphery.HostPins;
import mramcim.verification.stimulus.BackPressure;
import mramcim.verification.stimulus.Stimulus;

/**
 * Replays a {@link Trace} edge by edge, reacting to the model's {@code cmd_ready} and {@code
 * rsp_valid} exactly as the random host does, so that a recorded seed replays to the same edges.
 * It is finished once every line has taken effect and the end wait has passed since the last one
 * (a command still in flight then is cut off, as the recorded run was).
 */
public final class TraceHost implements Stimulus {

    private final List<TraceLine> lines;
    private final Trace trace;
    private final HostPins pins = new HostPins();
    private final HostDriver driver = new HostDriver(pins);

    /** Edges so far, the coming one included once {@link #resetNow()} has been asked. */
    private long edge;

    /** The edge of the last line's event (0 before the first). */
    private long anchor;

    /** The next line to take effect. */
    private int next;

    /** Idle edges of the owning line's wait used so far. */
    private long idleUsed;

    private TraceLine presented;
    private TraceLine answering;
    private final BackPressure backPressure = new BackPressure();
    private boolean lastReady;
    private AnalogFault fault = AnalogFault.NONE;

    public TraceHost(Trace trace) {
        this.trace = trace;
        this.lines = trace.lines();
    }

    @Override
    public boolean resetNow() {
        edge++;
        if (next < lines.size()
                && lines.get(next).isReset()
                && edge >= anchor + lines.get(next).after()) {
            next++;
            anchor = edge;
            idleUsed = 0;
            return true;
        }
        return false;
    }

    @Override
    public HostPins next(boolean cmdReady, boolean rspValid) {
        if (driver.accepted(lastReady)) {
            fault = presented.fault();
            answering = presented;
            presented = null;
        }
        if (!pins.cmdValid && next < lines.size()) {
            TraceLine l = lines.get(next);
            if (!l.isReset() && edge >= anchor + l.after()) {
                driver.present(l.op(), l.addr(), l.data());
                presented = l;
                next++;
                anchor = edge;
                idleUsed = 0;
            }
        }
        if (rspValid) {
            TraceLine answered = answering;
            pins.rspReady = backPressure.ready(() -> answered == null ? 0 : answered.stall());
        } else {
            IdleReady owner = next < lines.size() ? lines.get(next).idle() : trace.endIdle();
            pins.rspReady = owner.ready(idleUsed++);
            backPressure.idle();
        }
        lastReady = cmdReady;
        return pins;
    }

    @Override
    public void onReset() {
        pins.cmdValid = false;
        presented = null;
        answering = null;
        backPressure.idle();
        lastReady = false;
        fault = AnalogFault.NONE;
    }

    @Override
    public AnalogFault analogFault() {
        return fault;
    }

    @Override
    public boolean finished() {
        return next == lines.size() && edge >= anchor + trace.endWait();
    }
}
