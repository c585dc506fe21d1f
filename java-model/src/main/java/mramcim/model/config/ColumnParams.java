package mramcim.model.config;

/**
 * Column delay chain and its comparator (SPEC section 2, "Column"; seed 000 Extended Data Fig. 3:
 * "Estimated R = tau/C").
 */
public record ColumnParams(
        @Param(unit = "Ohm", source = "SPEC 2: assumed 10 Ohm wire segment per cell")
        double rSeg,

        @Param(unit = "F", source = "SPEC 2: assumed 0.5 fF per internal node")
        double cNode,

        @Param(unit = "F", source = "SPEC 2: assumed 230 fF")
        double cSense,

        @Param(unit = "rel", source = "SPEC 2: assumed 1 %") double cSenseSigma,
        @Param(unit = "V", source = "SPEC 2: assumed 0.8 V") double vDrv,
        @Param(unit = "V", source = "SPEC 2: assumed 0.4 V") double vRef,

        @Param(unit = "V", source = "SPEC 2: assumed 4 mV, fixed per column")
        double cmpOffsetSigma,

        @Param(unit = "s", source = "SPEC 2: assumed 50 ps per conversion")
        double jitterSigma) {

    /**
     * The range of a sense capacitor, F: from 0.1 fF to 100 pF; beyond, the column delay leaves
     * any frame or drowns in parasitics.
     */
    public static final double CSENSE_MIN = 1e-16;

    public static final double CSENSE_MAX = 1e-10;

    public ColumnParams {
        Check.range("column.rSeg", rSeg, 0, 1e4, "Ohm", "the wire between two bit cells of a column");
        Check.range(
                "column.cNode",
                cNode,
                0,
                1e-12,
                "F",
                "the parasitic capacitance of one internal node, at most a picofarad");
        Check.range(
                "column.cSense",
                cSense,
                CSENSE_MIN,
                CSENSE_MAX,
                "F",
                "a sense capacitor from 0.1 fF to 100 pF: beyond, the column delay leaves any frame or drowns in parasitics");
        Check.range("column.cSenseSigma", cSenseSigma, 0, 0.2, "rel");
        Check.range("column.vDrv", vDrv, 0.05, 5, "V", "a drive supply of a CMOS macro");
        Check.positive("column.vRef", vRef, "V");
        if (vRef >= vDrv) {
            throw new IllegalArgumentException("column.vRef = "
                    + vRef
                    + " V is out of range: allowed 0 < vRef < column.vDrv = "
                    + vDrv
                    + " V (the sense node never crosses a reference at or above the drive)");
        }
        Check.range("column.cmpOffsetSigma", cmpOffsetSigma, 0, 0.1, "V");
        Check.range(
                "column.jitterSigma", jitterSigma, 0, 1e-9, "s", "timing jitter of a comparator, at most a nanosecond");
    }

    /** {@code ln(vDrv / (vDrv - vThreshold))}: the RC-to-delay factor of a lumped column. */
    public double logFactor(double vThreshold) {
        return Math.log(vDrv / (vDrv - vThreshold));
    }
}
