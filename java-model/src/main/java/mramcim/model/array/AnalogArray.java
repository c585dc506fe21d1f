package mramcim.model.array;

import mramcim.model.config.ColumnParams;
import mramcim.model.config.DieMap;
import mramcim.model.config.MacroConfig;
import mramcim.model.config.MtjParams;
import mramcim.model.device.BitCell;
import mramcim.model.device.Fault;
import mramcim.model.device.Fet;
import mramcim.model.device.Mtj;
import mramcim.model.device.MtjState;
import mramcim.model.device.ThermalSwitching;
import mramcim.model.random.CounterRng;
import mramcim.model.random.Purpose;

/**
 * One fabricated die of the analog array (SPEC section 2): ROWS x COLS bit cells with their
 * per-device variation and faults, the per-column sense capacitance and comparator offset, and the
 * MTJ states. Fabrication is a pure function of (configuration, seed); every device draws from its
 * own counter-based stream, keyed by its index, so the die does not depend on the order in which it
 * is built. A configuration with a {@link DieMap} fixes the column and device values instead.
 *
 * <p>After fabrication every cell holds weight +1 (MTJ A in P, B in AP), except stuck devices.
 */
public final class AnalogArray {

    private final MacroConfig config;
    private final long seed;
    private final BitCell[][] cells;
    private final double[] cSense;
    private final double[] comparatorOffset;
    private final ThermalSwitching switching;
    private final double senseReference;
    private long stateVersion;

    /**
     * Per column: increments whenever an MTJ of that column changes state (tables rebuild only
     * those).
     */
    private final long[] columnVersion;

    /** Per cell, row-major: increments whenever one of its MTJs changes state. */
    private final long[] cellVersion;

    /** Per column: increments whenever its comparator threshold changes. */
    private final long[] electricalVersion;

    private long reads;
    private long misreads;

    private AnalogArray(MacroConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        int rows = config.rows();
        int cols = config.cols();
        MtjParams m = config.mtj();
        this.cells = new BitCell[rows][cols];
        this.columnVersion = new long[cols];
        this.cellVersion = new long[rows * cols];
        this.electricalVersion = new long[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int cell = r * cols + c;
                Mtj a = fabricateMtj(2L * cell, MtjState.P);
                Mtj b = fabricateMtj(2L * cell + 1, MtjState.AP);
                cells[r][c] = new BitCell(fabricateFet(2L * cell), a, fabricateFet(2L * cell + 1), b);
            }
        }
        ColumnParams col = config.column();
        this.cSense = new double[cols];
        this.comparatorOffset = new double[cols];
        DieMap die = config.die();
        for (int c = 0; c < cols; c++) {
            cSense[c] = die != null
                    ? die.cSenseOf(c)
                    : col.cSense() * (1 + col.cSenseSigma() * CounterRng.gaussian(seed, Purpose.COLUMN_CSENSE, c, 0));
            comparatorOffset[c] = die != null
                    ? die.cmpOffsetOf(c)
                    : col.cmpOffsetSigma() * CounterRng.gaussian(seed, Purpose.COMPARATOR_OFFSET, c, 0);
        }
        this.switching =
                new ThermalSwitching(config.write().tau0(), config.write().delta());
        // Sense-amplifier reference: midway between the nominal P and AP branch currents (SPEC 2).
        double vRead = config.read().vRead();
        double rOn = config.fet().rOn();
        double iP = vRead / (rOn + m.rP());
        double iAP = vRead / (rOn + m.rP() * (1 + m.tmr0() / (1 + Math.pow(vRead / m.vHalf(), 2))));
        this.senseReference = 0.5 * (iP + iAP);
    }

    /** Fabricates the die of {@code config} selected by {@code seed}. */
    public static AnalogArray fabricate(MacroConfig config, long seed) {
        return new AnalogArray(config, seed);
    }

    private Mtj fabricateMtj(long device, MtjState initial) {
        MtjParams m = config.mtj();
        DieMap die = config.die();
        double rP = die != null
                ? die.rPOf((int) device)
                : m.rP() * (1 + m.rPSigma() * CounterRng.gaussian(seed, Purpose.MTJ_RP, device, 0));
        double tmr = die != null
                ? die.tmr0Of((int) device)
                : m.tmr0() * (1 + m.tmrSigma() * CounterRng.gaussian(seed, Purpose.MTJ_TMR, device, 0));
        double vCrit = config.write().vCrit()
                * (1 + config.write().vCritSigma() * CounterRng.gaussian(seed, Purpose.MTJ_VCRIT, device, 0));
        double u = CounterRng.uniform(seed, Purpose.MTJ_FAULT, device, 0);
        Fault fault = u < m.stuckAtP() ? Fault.STUCK_P : u < m.stuckAtP() + m.stuckAtAP() ? Fault.STUCK_AP : Fault.NONE;
        return new Mtj(rP, tmr, m.vHalf(), vCrit, fault, CounterRng.key(seed, Purpose.WRITE_SWITCH, device), initial);
    }

    private Fet fabricateFet(long device) {
        var f = config.fet();
        DieMap die = config.die();
        double rOn = die != null
                ? die.rOnOf((int) device)
                : f.rOn() * (1 + f.rOnSigma() * CounterRng.gaussian(seed, Purpose.FET_RON, device, 0));
        return new Fet(rOn, f.rOff());
    }

    /**
     * This die's drawn values as a die map named {@code name}: a configuration carrying it
     * fabricates the same column and device values whatever its seed (the comparator offsets
     * include any injected one).
     */
    public DieMap dieMap(String name) {
        int devices = 2 * rows() * cols();
        double[] rOn = new double[devices];
        double[] rP = new double[devices];
        double[] tmr0 = new double[devices];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                for (int branch = 0; branch < 2; branch++) {
                    int d = 2 * (r * cols() + c) + branch;
                    rOn[d] = cells[r][c].fet(branch).rOn();
                    rP[d] = cells[r][c].mtj(branch).rP();
                    tmr0[d] = cells[r][c].mtj(branch).tmr0();
                }
            }
        }
        return new DieMap(name, cSense, comparatorOffset, rOn, rP, tmr0);
    }

    public MacroConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    public int rows() {
        return config.rows();
    }

    public int cols() {
        return config.cols();
    }

    /** The bit cell at (row, col); row 0 is next to the column driver. */
    public BitCell cell(int row, int col) {
        return cells[row][col];
    }

    /** Fabricated sense-node capacitance of a column, F. */
    public double cSense(int col) {
        return cSense[col];
    }

    /** Fabricated comparator offset of a column, V. */
    public double comparatorOffset(int col) {
        return comparatorOffset[col];
    }

    /**
     * Adds {@code volts} to the comparator offset of column {@code col}: a known fault that a test
     * or a what-if run injects on top of the fabricated one. Conversions after it see the new
     * threshold.
     */
    public void injectComparatorOffset(int col, double volts) {
        if (col < 0 || col >= cols()) {
            throw new IllegalArgumentException("column = " + col + " is out of range: allowed 0.." + (cols() - 1));
        }
        double limit = config.column().vDrv() - config.column().vRef();
        if (!(Math.abs(comparatorOffset[col] + volts) < limit)) {
            throw new IllegalArgumentException("comparator offset of column "
                    + col
                    + " = "
                    + (comparatorOffset[col] + volts)
                    + " V is out of range: allowed |offset| < column.vDrv - column.vRef = "
                    + limit
                    + " V");
        }
        comparatorOffset[col] += volts;
        electricalVersion[col]++;
        columnVersion[col]++;
        stateVersion++;
    }

    /** The column's electrical environment: its C_sense and comparator threshold V_ref + offset. */
    public ColumnElectrical electrical(int col) {
        ColumnParams p = config.column();
        return new ColumnElectrical(p.cNode(), cSense[col], p.vDrv(), p.vRef() + comparatorOffset[col]);
    }

    /**
     * Bias across each MTJ during a conversion, V: the drive still to be dropped when the sense
     * node crosses V_ref, shared by the ROWS cells (assumed; SPEC 2 "about V/ROWS"). It sets
     * TMR(V).
     */
    public double readoutBias() {
        ColumnParams p = config.column();
        return (p.vDrv() - p.vRef()) / rows();
    }

    /**
     * Resistance of one stage of the column chain: the cell for input {@code in} plus its wire
     * segment, Ohm.
     */
    public double stageResistance(int row, int col, boolean in) {
        return cells[row][col].resistance(in, readoutBias()) + config.column().rSeg();
    }

    /**
     * Stage resistances of column {@code col} for the input bits {@code in} (bit i = row i, 1 =
     * +1).
     */
    public double[] stageResistances(int col, long[] in) {
        double[] r = new double[rows()];
        for (int i = 0; i < r.length; i++) {
            r[i] = stageResistance(i, col, bit(in, i));
        }
        return r;
    }

    /**
     * Cell-chain resistance of a column without the wire: the resistance that encodes the dot
     * product, Ohm.
     */
    public double cellChainResistance(int col, long[] in) {
        double sum = 0;
        for (int i = 0; i < rows(); i++) {
            sum += cells[i][col].resistance(bit(in, i), readoutBias());
        }
        return sum;
    }

    /**
     * Programs every weight directly (transaction level, no write physics): {@code w[row][col]} in
     * {+1, -1}.
     */
    public void program(int[][] w) {
        if (w.length != rows() || w[0].length != cols()) {
            throw new IllegalArgumentException("weights of "
                    + w.length
                    + " x "
                    + w[0].length
                    + " given to a "
                    + rows()
                    + " x "
                    + cols()
                    + " array");
        }
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                if (w[r][c] != 1 && w[r][c] != -1) {
                    throw new IllegalArgumentException(
                            "weight[" + r + "][" + c + "] = " + w[r][c] + ": allowed +1 or -1");
                }
                cells[r][c].force(w[r][c]);
                cellVersion[r * cols() + c]++;
            }
        }
        for (int c = 0; c < cols(); c++) {
            columnVersion[c]++;
        }
        stateVersion++;
    }

    /** The stored weights: +1, -1, or 0 for a cell whose two MTJs are in the same state. */
    public int[][] weights() {
        int[][] w = new int[rows()][cols()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                w[r][c] = cells[r][c].weight();
            }
        }
        return w;
    }

    /** Increments whenever any MTJ state changes; conversion tables rebuild when it moves. */
    public long stateVersion() {
        return stateVersion;
    }

    /** Increments whenever an MTJ of column {@code col} changes state or its threshold moves. */
    public long columnVersion(int col) {
        return columnVersion[col];
    }

    /** Increments whenever an MTJ of cell (row, col) changes state. */
    public long cellVersion(int row, int col) {
        return cellVersion[row * cols() + col];
    }

    /** Increments whenever the comparator threshold of column {@code col} moves. */
    public long electricalVersion(int col) {
        return electricalVersion[col];
    }

    /**
     * One write pulse through the data lines into MTJ {@code branch} of cell (row, col), toward
     * {@code target}, amplitude code {@code amp}, lasting {@code width} seconds.
     *
     * @return the MTJ's state after the pulse
     */
    public MtjState pulse(int row, int col, int branch, MtjState target, int amp, double width) {
        Mtj mtj = cells[row][col].mtj(branch);
        MtjState before = mtj.state();
        MtjState after = mtj.pulse(target, config.write().amplitude(amp), width, switching);
        if (after != before) {
            cellVersion[row * cols() + col]++;
            columnVersion[col]++;
            stateVersion++;
        }
        return after;
    }

    /**
     * Senses MTJ {@code branch} of cell (row, col) through the data lines: the branch current at
     * V_read against the reference midway between nominal P and AP. Variation can put a device on
     * the wrong side; such misreads are counted, not hidden.
     *
     * @return true if the sense amplifier reads AP
     */
    public boolean sense(int row, int col, int branch) {
        BitCell cell = cells[row][col];
        Mtj mtj = cell.mtj(branch);
        double vRead = config.read().vRead();
        double current = vRead / (cell.fet(branch).rOn() + mtj.resistance(vRead));
        boolean readsAp = current < senseReference;
        reads++;
        if (readsAp != (mtj.state() == MtjState.AP)) {
            misreads++;
        }
        return readsAp;
    }

    /** Sense-amplifier reference current, A. */
    public double senseReference() {
        return senseReference;
    }

    /** Reads performed through {@link #sense}. */
    public long reads() {
        return reads;
    }

    /** Reads whose result differed from the device's true state. */
    public long misreads() {
        return misreads;
    }

    /** Bit {@code i} of a little-endian word array. */
    public static boolean bit(long[] words, int i) {
        return ((words[i >>> 6] >>> (i & 63)) & 1) != 0;
    }
}
