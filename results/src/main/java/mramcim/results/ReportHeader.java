package mramcim.results;

/**
 * The first lines every workload report opens with: what ran on which die, and the command that
 * reproduces it exactly (a reader who doubts a figure re-runs it from the seed).
 */
public final class ReportHeader {

    private ReportHeader() {}

    /**
     * {@code # <heading>, die seed <seed>}, then {@code Reproduce: `<command>`}, each followed by a
     * blank line.
     */
    public static String of(String heading, long seed, String command) {
        return "# " + heading + ", die seed " + seed + "\n\nReproduce: `" + command + "`\n\n";
    }

    /**
     * For a measured die, which has a name and no seed: {@code # <heading>}, then {@code
     * Reproduce: `<command>`} (from the same measurement files).
     */
    public static String of(String heading, String command) {
        return "# " + heading + "\n\nReproduce: `" + command + "`\n\n";
    }
}
