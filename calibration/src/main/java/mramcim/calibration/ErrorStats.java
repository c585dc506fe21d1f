package mramcim.calibration;

/**
 * Dot-product errors ({@code measured - exact}, in DP units) of many conversions: overall mean
 * absolute error and histogram (seed 000 Fig. 2d / Extended Data Fig. 4), per-column mean and
 * sigma, the error distribution per exact dot product (Extended Data Fig. 7) and each column's
 * transfer (mean measured per exact value). All sums are integers, so merging partial results of
 * several threads gives the same numbers in any order.
 */
public final class ErrorStats {

    private final int rows;
    private final int cols;
    private long count;
    private long sumAbs;
    private long overflows;

    /**
     * Errors range over [-2 ROWS, 2 ROWS]: both the result (clamped) and the exact value lie in
     * [-ROWS, ROWS].
     */
    private final long[] histogram;

    private final long[] colCount;
    private final long[] colSum;
    private final long[] colSumSq;

    /** [exact + ROWS][error + 2 ROWS]. */
    private final long[][] byExact;

    /** [col][exact + ROWS]: sum of measured values and count. */
    private final long[][] transferSum;

    private final long[][] transferCount;

    public ErrorStats(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.histogram = new long[4 * rows + 1];
        this.colCount = new long[cols];
        this.colSum = new long[cols];
        this.colSumSq = new long[cols];
        this.byExact = new long[2 * rows + 1][4 * rows + 1];
        this.transferSum = new long[cols][2 * rows + 1];
        this.transferCount = new long[cols][2 * rows + 1];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** One result of column {@code col}. */
    public void add(int col, int exact, int measured, boolean overflow) {
        if (exact < -rows || exact > rows || measured < -rows || measured > rows) {
            throw new IllegalArgumentException("dot products out of range: exact "
                    + exact
                    + ", measured "
                    + measured
                    + ", allowed -"
                    + rows
                    + ".."
                    + rows);
        }
        int e = measured - exact;
        count++;
        sumAbs += Math.abs(e);
        overflows += overflow ? 1 : 0;
        histogram[e + 2 * rows]++;
        colCount[col]++;
        colSum[col] += e;
        colSumSq[col] += (long) e * e;
        byExact[exact + rows][e + 2 * rows]++;
        transferSum[col][exact + rows] += measured;
        transferCount[col][exact + rows]++;
    }

    /** Adds everything {@code other} holds. */
    public void merge(ErrorStats other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(
                    "cannot merge errors of " + other.rows + "x" + other.cols + " into " + rows + "x" + cols);
        }
        count += other.count;
        sumAbs += other.sumAbs;
        overflows += other.overflows;
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] += other.histogram[i];
        }
        for (int c = 0; c < cols; c++) {
            colCount[c] += other.colCount[c];
            colSum[c] += other.colSum[c];
            colSumSq[c] += other.colSumSq[c];
            for (int x = 0; x <= 2 * rows; x++) {
                transferSum[c][x] += other.transferSum[c][x];
                transferCount[c][x] += other.transferCount[c][x];
            }
        }
        for (int x = 0; x <= 2 * rows; x++) {
            for (int i = 0; i < histogram.length; i++) {
                byExact[x][i] += other.byExact[x][i];
            }
        }
    }

    /** Dot products recorded. */
    public long count() {
        return count;
    }

    /** Results that came from a saturated TDC. */
    public long overflows() {
        return overflows;
    }

    /** Mean absolute error, DP units. */
    public double mae() {
        return count == 0 ? Double.NaN : (double) sumAbs / count;
    }

    /** Fraction of results with zero error. */
    public double exactFraction() {
        return count == 0 ? Double.NaN : (double) histogram[2 * rows] / count;
    }

    /** Count of results with error {@code e}. */
    public long histogram(int e) {
        return Math.abs(e) > 2 * rows ? 0 : histogram[e + 2 * rows];
    }

    /** Smallest and largest error seen, or {0, 0} if none. */
    public int[] errorRange() {
        int lo = 0;
        int hi = 0;
        boolean any = false;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0) {
                hi = i - 2 * rows;
                if (!any) {
                    lo = hi;
                    any = true;
                }
            }
        }
        return new int[] {lo, hi};
    }

    /** Mean error of column {@code col}, DP units. */
    public double columnMean(int col) {
        return colCount[col] == 0 ? Double.NaN : (double) colSum[col] / colCount[col];
    }

    /** Standard deviation of the errors of column {@code col} (population), DP units. */
    public double columnSigma(int col) {
        if (colCount[col] == 0) {
            return Double.NaN;
        }
        double m = columnMean(col);
        return Math.sqrt(Math.max(0, (double) colSumSq[col] / colCount[col] - m * m));
    }

    /** Results of column {@code col}. */
    public long columnCount(int col) {
        return colCount[col];
    }

    /** Count of results with exact dot product {@code exact} and error {@code e}. */
    public long atExact(int exact, int e) {
        return Math.abs(e) > 2 * rows || Math.abs(exact) > rows ? 0 : byExact[exact + rows][e + 2 * rows];
    }

    /** Results with exact dot product {@code exact}. */
    public long countAtExact(int exact) {
        long n = 0;
        for (long v : byExact[exact + rows]) {
            n += v;
        }
        return n;
    }

    /**
     * Mean measured value of column {@code col} where the exact value was {@code exact}; NaN if
     * none.
     */
    public double transfer(int col, int exact) {
        long n = transferCount[col][exact + rows];
        return n == 0 ? Double.NaN : (double) transferSum[col][exact + rows] / n;
    }

    /** Mean of |column mean| over the columns: how far the columns sit off on average. */
    public double meanAbsColumnMean() {
        double s = 0;
        int n = 0;
        for (int c = 0; c < cols; c++) {
            if (colCount[c] > 0) {
                s += Math.abs(columnMean(c));
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
