package mramcim.model.array;

/**
 * The electrical environment of one column's delay chain during a conversion.
 *
 * @param cNode parasitic capacitance of every internal node, F
 * @param cSense capacitance of the sense node (this column's fabricated value), F
 * @param vDrv driver step, V
 * @param vThreshold comparator threshold: V_ref plus this column's offset, V
 */
public record ColumnElectrical(double cNode, double cSense, double vDrv, double vThreshold) {

    public ColumnElectrical {
        if (!(vThreshold > 0 && vThreshold < vDrv)) {
            throw new IllegalArgumentException("comparator threshold = "
                    + vThreshold
                    + " V is out of range: allowed 0 < V < vDrv = "
                    + vDrv
                    + " V (offset too large for the reference)");
        }
    }

    /**
     * {@code ln(vDrv / (vDrv - vThreshold))}: delay per RC of a lumped column (seed 000 Ext. Data
     * Fig. 3).
     */
    public double logFactor() {
        return Math.log(vDrv / (vDrv - vThreshold));
    }
}
