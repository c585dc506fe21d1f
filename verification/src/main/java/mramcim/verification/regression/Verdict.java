package mramcim.verification.regression;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import mramcim.results.StableId;

/**
 * The verdict of a whole run, as {@code summary.json}, {@code status.json}, {@code report.md} and
 * the console state it. Stable ids. A run writes {@link #RUNNING} when it starts, so that a run
 * that never ends normally (killed, crashed, a full disk) can never leave an old PASS behind.
 */
public enum Verdict implements StableId {
    /** Every seed ran and passed. */
    PASS("PASS", 0),
    /** At least one seed failed. */
    FAIL("FAIL", 1),
    /** No seed failed, but at least one crashed or timed out. */
    CRASHED("CRASHED", 1),
    /** No failure, but not every seed ran (stopped, or shards missing). */
    INCOMPLETE("INCOMPLETE", 1),
    /** Written at the start; still there after the run means it did not end normally. */
    RUNNING("RUNNING", 1);

    private final String id;
    private final int exitCode;

    Verdict(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The process exit status that goes with it: 0 only for PASS. */
    public int exitCode() {
        return exitCode;
    }

    @JsonCreator
    public static Verdict of(String id) {
        return StableId.of(Verdict.class, id, "verdict");
    }

    /**
     * The verdict of a set of seed results: FAIL before CRASHED before INCOMPLETE; PASS only if all
     * passed.
     */
    public static Verdict of(Collection<SeedStatus> seeds) {
        if (seeds.contains(SeedStatus.FAIL)) {
            return FAIL;
        }
        if (seeds.contains(SeedStatus.CRASHED) || seeds.contains(SeedStatus.TIMEOUT)) {
            return CRASHED;
        }
        if (seeds.isEmpty() || seeds.contains(SeedStatus.NOT_RUN)) {
            return INCOMPLETE;
        }
        return PASS;
    }
}
