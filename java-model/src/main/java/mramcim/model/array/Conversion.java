package mramcim.model.array;

/**
 * Result of one conversion of all columns.
 *
 * @param tau delay of each column including jitter, s
 * @param code ideal TDC code of each column: the first cycle its comparator is seen high
 * @param overflow whether the code exceeds the frame, so that the TDC counter saturates
 */
public record Conversion(double[] tau, int[] code, boolean[] overflow) {}
