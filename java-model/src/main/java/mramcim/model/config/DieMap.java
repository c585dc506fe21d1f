package mramcim.model.config;

import java.util.Arrays;
import java.util.Objects;

/**
 * One particular die, value by value: the per-column sense capacitance and comparator offset and
 * the per-device FET and MTJ resistances that {@code mramcim fit} estimated from a die's measured
 * codes (docs/measurements.md). A configuration carrying a die map fabricates exactly these values
 * instead of drawing them from the seed; what codes cannot see (critical write voltages, faults,
 * the jitter stream) still comes from the seed.
 *
 * <p>Devices are numbered as the fabrication numbers them: cell {@code row * COLS + col}, MTJ A
 * (and its FET) is device {@code 2 * cell}, MTJ B {@code 2 * cell + 1}.
 *
 * @param name the die's name (the measurement's {@code die} field)
 * @param cSense sense-node capacitance per column, F
 * @param cmpOffset comparator offset per column, V
 * @param rOn on resistance per access FET, Ohm
 * @param rP parallel-state resistance per MTJ, Ohm
 * @param tmr0 zero-bias tunnel magnetoresistance per MTJ, 1
 */
public record DieMap(String name, double[] cSense, double[] cmpOffset, double[] rOn, double[] rP, double[] tmr0) {

    public DieMap {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("die.name is missing: give the die a name");
        }
        Check.present("die.cSense", cSense);
        Check.present("die.cmpOffset", cmpOffset);
        Check.present("die.rOn", rOn);
        Check.present("die.rP", rP);
        Check.present("die.tmr0", tmr0);
        if (cmpOffset.length != cSense.length) {
            throw new IllegalArgumentException("die.cmpOffset has " + cmpOffset.length
                    + " values: allowed one per column, as die.cSense (" + cSense.length + ")");
        }
        for (double[] devices : new double[][] {rP, tmr0}) {
            if (devices.length != rOn.length) {
                throw new IllegalArgumentException("die.rP and die.tmr0 have " + rP.length + " and " + tmr0.length
                        + " values: allowed one per device, as die.rOn (" + rOn.length + ")");
            }
        }
        cSense = cSense.clone();
        cmpOffset = cmpOffset.clone();
        rOn = rOn.clone();
        rP = rP.clone();
        tmr0 = tmr0.clone();
        for (int c = 0; c < cSense.length; c++) {
            Check.range(
                    "die.cSense[" + c + "]",
                    cSense[c],
                    ColumnParams.CSENSE_MIN,
                    ColumnParams.CSENSE_MAX,
                    "F",
                    "as column.cSense");
            Check.range("die.cmpOffset[" + c + "]", cmpOffset[c], -0.5, 0.5, "V", "a comparator offset");
        }
        for (int d = 0; d < rOn.length; d++) {
            Check.range("die.rOn[" + d + "]", rOn[d], FetParams.RON_MIN, FetParams.RON_MAX, "Ohm", "as fet.rOn");
            Check.range("die.rP[" + d + "]", rP[d], MtjParams.RP_MIN, MtjParams.RP_MAX, "Ohm", "as mtj.rP");
            Check.range("die.tmr0[" + d + "]", tmr0[d], MtjParams.TMR_MIN, MtjParams.TMR_MAX, "1", "as mtj.tmr0");
        }
    }

    /** Columns the map describes. */
    public int cols() {
        return cSense.length;
    }

    /** Devices (two per cell) the map describes. */
    public int devices() {
        return rOn.length;
    }

    /** Refuses a map that does not fit the geometry or the column's electrical range. */
    void checkFits(Geometry geometry, ColumnParams column) {
        long devices = 2L * geometry.rows() * geometry.cols();
        if (cols() != geometry.cols() || devices() != devices) {
            throw new IllegalArgumentException("die " + name + " describes " + cols() + " columns and " + devices()
                    + " devices: allowed " + geometry.cols() + " columns and " + devices
                    + " devices (2 per cell) for geometry " + geometry.rows() + " x " + geometry.cols());
        }
        double limit = column.vDrv() - column.vRef();
        for (int c = 0; c < cols(); c++) {
            if (!(Math.abs(cmpOffset[c]) < limit)) {
                throw new IllegalArgumentException("die.cmpOffset[" + c + "] = " + cmpOffset[c]
                        + " V is out of range: allowed |offset| < column.vDrv - column.vRef = " + limit + " V");
            }
        }
    }

    @Override
    public double[] cSense() {
        return cSense.clone();
    }

    @Override
    public double[] cmpOffset() {
        return cmpOffset.clone();
    }

    @Override
    public double[] rOn() {
        return rOn.clone();
    }

    @Override
    public double[] rP() {
        return rP.clone();
    }

    @Override
    public double[] tmr0() {
        return tmr0.clone();
    }

    /** Sense capacitance of column {@code c}, F (no copy). */
    public double cSenseOf(int c) {
        return cSense[c];
    }

    /** Comparator offset of column {@code c}, V. */
    public double cmpOffsetOf(int c) {
        return cmpOffset[c];
    }

    /** On resistance of FET {@code device}, Ohm. */
    public double rOnOf(int device) {
        return rOn[device];
    }

    /** Parallel-state resistance of MTJ {@code device}, Ohm. */
    public double rPOf(int device) {
        return rP[device];
    }

    /** Zero-bias TMR of MTJ {@code device}. */
    public double tmr0Of(int device) {
        return tmr0[device];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DieMap d
                && name.equals(d.name)
                && Arrays.equals(cSense, d.cSense)
                && Arrays.equals(cmpOffset, d.cmpOffset)
                && Arrays.equals(rOn, d.rOn)
                && Arrays.equals(rP, d.rP)
                && Arrays.equals(tmr0, d.tmr0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                Arrays.hashCode(cSense),
                Arrays.hashCode(cmpOffset),
                Arrays.hashCode(rOn),
                Arrays.hashCode(rP),
                Arrays.hashCode(tmr0));
    }

    @Override
    public String toString() {
        return "die " + name + " (" + cols() + " columns, " + devices() + " devices)";
    }
}
