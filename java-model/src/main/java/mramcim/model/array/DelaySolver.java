package mramcim.model.array;

/**
 * Delay of a column: the time from the driver's step until the sense node crosses the comparator
 * threshold.
 */
public interface DelaySolver {

    /**
     * @param seriesR resistance of each stage from the driver (index 0) to the sense node, Ohm: the
     *     cell plus its wire segment
     * @param e capacitances and voltages of the column
     * @return the crossing time, s
     */
    double delay(double[] seriesR, ColumnElectrical e);
}
