package mramcim.verification.regression;

/**
 * One directed trace of a regression's corpus: its outcome, or why it did not run.
 *
 * @param name the trace's name (its file name without {@code .trace}), the JUnit test case's
 * @param file the trace file as the run read it
 * @param result the lockstep's outcome (its {@code seed} is the trace's die), or null when skipped
 * @param skipped why the trace did not run (it was recorded on another design), or null
 */
public record DirectedResult(String name, String file, SeedResult result, String skipped) {

    public DirectedResult {
        if ((result == null) == (skipped == null)) {
            throw new IllegalArgumentException("trace " + name + ": exactly one of a result and a skip reason");
        }
    }

    /** True when it ran and did not pass. */
    public boolean failed() {
        return result != null && result.status() != SeedStatus.PASS;
    }
}
