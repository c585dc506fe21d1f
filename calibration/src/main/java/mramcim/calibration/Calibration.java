package mramcim.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of SPEC section 6 steps 1 and 2 on one die.
 *
 * @param global C0 and GAIN
 * @param referenceMismatches mismatches of GAIN's second reference (ROWS, or ROWS/2 if that
 *     overflowed)
 * @param patterns K, the (IN, W) patterns the offsets come from
 * @param threshold columns whose |mean error| exceeds this (DP units) get an offset
 * @param errors the errors of the K patterns with C0/GAIN programmed and no offsets
 * @param offsets OFFSET[j] = -round(mean_j) where |mean_j| > threshold, else 0
 * @param failedCells WRITE_CELLs answered CELL_FAIL while programming the patterns
 * @param cycles clock cycles the whole calibration took on the macro
 */
public record Calibration(
        GlobalCalibration global,
        int referenceMismatches,
        int patterns,
        double threshold,
        ErrorStats errors,
        int[] offsets,
        int failedCells,
        long cycles) {

    /** The columns that received a non-zero offset. */
    public List<Integer> correctedColumns() {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < offsets.length; j++) {
            if (offsets[j] != 0) {
                out.add(j);
            }
        }
        return out;
    }
}
