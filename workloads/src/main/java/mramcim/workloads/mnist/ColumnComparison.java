package mramcim.workloads.mnist;

/**
 * Two runs of the same tile passes compared column by column: every READ_RESULT of every pass and
 * sample, as the co-simulated subset of a workload is checked against the fast path.
 *
 * @param columns column results compared
 * @param mismatches those that differ
 */
public record ColumnComparison(long columns, long mismatches) {

    /** Compares {@code a[pass][sample][column]} with {@code b}, pass by pass. */
    public static ColumnComparison of(int[][][] a, int[][][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("runs of " + a.length + " and " + b.length + " passes compared");
        }
        long columns = 0;
        long mismatches = 0;
        for (int p = 0; p < a.length; p++) {
            for (int s = 0; s < a[p].length; s++) {
                for (int j = 0; j < a[p][s].length; j++) {
                    columns++;
                    mismatches += a[p][s][j] != b[p][s][j] ? 1 : 0;
                }
            }
        }
        return new ColumnComparison(columns, mismatches);
    }
}
