package mramcim.verification.trace;

import mramcim.model.array.AnalogFault;
import mramcim.spec.HostBus;

/**
 * One line of a command trace: a host command or a reset, {@code after} edges after the previous
 * line's event (docs/traces.md).
 *
 * <p>A command's event is the edge it is first presented at ({@code cmd_valid} rises); it holds
 * until an edge accepts it. It is presented {@code after} edges after the previous event, or at the
 * first edge after that at which no other command is still waiting to be accepted. A reset's event
 * is its reset edge, exactly {@code after} edges after the previous event. The first line counts
 * from before the first edge.
 *
 * @param kind command or reset
 * @param after edges from the previous line's event to this one's, 0 or more
 * @param op {@code cmd_op}, 0 .. 15 (codes without an op are BAD_CMD on purpose)
 * @param addr {@code cmd_addr}, 0 .. 0xFFFF
 * @param data {@code cmd_data}, any 64-bit word
 * @param stall edges {@code rsp_ready} stays low once this command's response is valid
 *     (back-pressure), 0 or more
 * @param fault the analog fault in force from the edge after this command's acceptance to the next
 *     acceptance (issue 19); {@link AnalogFault#NONE} for none
 * @param idle {@code rsp_ready} at the edges with no response pending in this line's wait, in
 *     order; past its end (and when empty) {@code rsp_ready} is high
 */
public record TraceLine(
        Kind kind, long after, int op, int addr, long data, int stall, AnalogFault fault, IdleReady idle) {

    /** What a line is. */
    public enum Kind {
        COMMAND,
        RESET
    }

    /** Largest {@code cmd_op}. */
    public static final int MAX_OP = (1 << HostBus.OP_WIDTH) - 1;

    /** Largest {@code cmd_addr}. */
    public static final int MAX_ADDR = (1 << HostBus.ADDR_WIDTH) - 1;

    /** Largest wait or stall a trace may hold, edges (ten times the longest regression seed). */
    public static final long MAX_EDGES = 1_000_000_000L;

    public TraceLine {
        if (kind == null) {
            throw new IllegalArgumentException("kind is missing");
        }
        check("after", after, 0, MAX_EDGES);
        check("op", op, 0, MAX_OP);
        check("addr", addr, 0, MAX_ADDR);
        check("stall", stall, 0, MAX_EDGES);
        fault = fault == null ? AnalogFault.NONE : fault;
        idle = idle == null ? IdleReady.HIGH : idle;
    }

    private static void check(String name, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " = " + v + " is out of range: allowed " + lo + ".." + hi);
        }
    }

    /** A command with no back-pressure, no fault and {@code rsp_ready} high when idle. */
    public static TraceLine command(long after, int op, int addr, long data) {
        return new TraceLine(Kind.COMMAND, after, op, addr, data, 0, AnalogFault.NONE, IdleReady.HIGH);
    }

    /** A reset {@code after} edges after the previous event. */
    public static TraceLine reset(long after) {
        return new TraceLine(Kind.RESET, after, 0, 0, 0, 0, AnalogFault.NONE, IdleReady.HIGH);
    }

    public boolean isReset() {
        return kind == Kind.RESET;
    }

    public TraceLine withAfter(long w) {
        return new TraceLine(kind, w, op, addr, data, stall, fault, idle);
    }

    public TraceLine withAddr(int a) {
        return new TraceLine(kind, after, op, a, data, stall, fault, idle);
    }

    public TraceLine withData(long d) {
        return new TraceLine(kind, after, op, addr, d, stall, fault, idle);
    }

    public TraceLine withStall(int s) {
        return new TraceLine(kind, after, op, addr, data, s, fault, idle);
    }

    public TraceLine withFault(AnalogFault f) {
        return new TraceLine(kind, after, op, addr, data, stall, f, idle);
    }

    public TraceLine withIdle(IdleReady i) {
        return new TraceLine(kind, after, op, addr, data, stall, fault, i);
    }
}
