package mramcim.cosim.verilator;

/**
 * The netlist ended its own simulation ({@code $finish}, {@code $stop}, {@code $fatal}, or a
 * Verilator runtime error such as non-convergence) at a clock edge: the co-simulation cannot go on
 * past it, and the seed's verdict says so instead of the process exiting.
 */
public final class RtlHaltedException extends RuntimeException {

    private final HaltCause cause;
    private final String where;
    private final long cycle;

    /**
     * @param cause what the netlist did
     * @param where file, line and message as Verilator reports them
     * @param cycle the clock edge (counted from 1, resets included) in which it happened
     */
    public RtlHaltedException(HaltCause cause, String where, long cycle) {
        super(cause.meaning() + " at cycle " + cycle + (where.isEmpty() ? "" : " (" + where + ")"));
        this.cause = cause;
        this.where = where;
        this.cycle = cycle;
    }

    public HaltCause haltCause() {
        return cause;
    }

    /** File, line and message as Verilator reports them; may be empty. */
    public String where() {
        return where;
    }

    public long cycle() {
        return cycle;
    }
}
