package mramcim.verification.regression;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import mramcim.cosim.verilator.HaltCause;
import mramcim.results.StableId;

/** Why a seed did not pass. Stable ids, written to {@code summary.json}. */
public enum Cause implements StableId {
    /** A compared pin differed. */
    DIVERGENCE("divergence"),
    /** The netlist called $finish. */
    RTL_FINISH(HaltCause.FINISH.id()),
    /** The netlist called $stop (or $error). */
    RTL_STOP(HaltCause.STOP.id()),
    /** $fatal or a fatal error of Verilator's runtime (non-convergence). */
    RTL_FATAL(HaltCause.FATAL.id()),
    /** The worker process died: a signal (SIGSEGV, SIGABRT, SIGBUS...) or an exit. */
    PROCESS_DIED("process-died"),
    /** The tool itself failed on this seed (an exception in the worker). */
    TOOL_ERROR("tool-error"),
    /** No progress within the stall timeout: the netlist hangs inside one evaluation. */
    STALLED("stalled"),
    /** Over the seed's wall-time budget. */
    OVER_TIME("over-time"),
    /** The run was stopped (Ctrl-C, SIGTERM) before the seed ended. */
    STOPPED("stopped"),
    /** The run that holds the seed has not finished: it is still running, or it was killed. */
    UNFINISHED("unfinished"),
    /** The shard that holds the seed is missing from a merge. */
    MISSING_SHARD("missing-shard");

    private final String id;

    Cause(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @JsonCreator
    public static Cause of(String id) {
        return StableId.of(Cause.class, id, "failure cause");
    }

    /** The cause of a netlist's own halt. */
    static Cause of(HaltCause h) {
        return switch (h) {
            case FINISH -> RTL_FINISH;
            case STOP -> RTL_STOP;
            case FATAL -> RTL_FATAL;
            case NONE -> throw new IllegalArgumentException("not a halt");
        };
    }
}
