package mramcim.verification.regression;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import mramcim.results.StableId;

/**
 * The verdict of one seed. The ids are written to {@code summary.json} and {@code junit.xml} and
 * read back by {@code mramcim merge}: they are stable identifiers, never ordinals.
 */
public enum SeedStatus implements StableId {
    /** Both sides agreed on every pin of every cycle. */
    PASS("PASS"),
    /**
     * The RTL diverged from the model, or ended its own simulation ($finish, $stop, $fatal,
     * non-convergence).
     */
    FAIL("FAIL"),
    /**
     * The process that ran the seed died (a signal such as SIGSEGV, an abort, an error of the
     * tool).
     */
    CRASHED("CRASHED"),
    /** The watchdog stopped the seed: no progress, or over its wall-time budget. */
    TIMEOUT("TIMEOUT"),
    /** Not run to its end: the run was stopped, or its shard is missing from a merge. */
    NOT_RUN("NOT_RUN");

    private final String id;

    SeedStatus(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The status of an id; an unknown id is refused naming the known ones. */
    @JsonCreator
    public static SeedStatus of(String id) {
        return StableId.of(SeedStatus.class, id, "seed status");
    }

    /** True for the verdicts that count against the design or the run (FAIL, CRASHED, TIMEOUT). */
    public boolean failed() {
        return this == FAIL || this == CRASHED || this == TIMEOUT;
    }
}
