package mramcim.model.array;

import mramcim.model.config.MacroConfig;

/**
 * The fast path: {@code tau_j = sum_i w_ij R_ij(IN_i)} from {@link FastDelayModel}, evaluated with
 * lookup tables per group of eight rows: for each of the 256 input patterns of a group, the
 * contribution of those eight rows to every column, stored column-contiguous. A 64-row conversion
 * is then eight vector additions of COLS doubles. When the array's state changes, only the row
 * groups whose cells changed are rebuilt (a write-verify touches one cell; rebuilding all 64
 * columns after every write was two thirds of the lockstep's Java time, rebuilding the whole column
 * a tenth of the model's after that), and a column's weights only when its threshold moved. Conversions only read the tables and may run
 * on several threads at once, as long as no write runs concurrently with them.
 */
public final class FastReadout extends Readout {

    private static final int GROUP_BITS = 8;
    private static final int PATTERNS = 1 << GROUP_BITS;

    private final FastDelayModel model;
    private final int groups;
    private final double[] table;
    private final long[] builtColumnVersion;
    private final long[] builtElectricalVersion;
    private final long[] builtCellVersion;
    private final double[][] columnWeights;
    private volatile long builtVersion = -1;

    FastReadout(AnalogArray array) {
        super(array);
        MacroConfig cfg = array.config();
        int rows = cfg.rows();
        this.groups = (rows + GROUP_BITS - 1) / GROUP_BITS;
        this.model = delayModel(cfg);
        this.table = new double[groups * PATTERNS * cfg.cols()];
        this.builtColumnVersion = new long[cfg.cols()];
        java.util.Arrays.fill(builtColumnVersion, -1);
        this.builtElectricalVersion = new long[cfg.cols()];
        java.util.Arrays.fill(builtElectricalVersion, -1);
        this.builtCellVersion = new long[rows * cfg.cols()];
        this.columnWeights = new double[cfg.cols()][];
    }

    /**
     * The delay model every fast readout of design {@code cfg} uses: refined at the nominal column
     * (every cell midway between R_L and R_H) in the nominal electrical environment.
     */
    public static FastDelayModel delayModel(MacroConfig cfg) {
        double rL = nominalCell(cfg, true);
        double rH = nominalCell(cfg, false);
        return FastDelayModel.refined(cfg.rows(), 0.5 * (rL + rH) + cfg.column().rSeg(), nominal(cfg));
    }

    /** The design's nominal electrical environment of a column: C_sense and V_ref, no offset. */
    public static ColumnElectrical nominal(MacroConfig cfg) {
        return new ColumnElectrical(
                cfg.column().cNode(),
                cfg.column().cSense(),
                cfg.column().vDrv(),
                cfg.column().vRef());
    }

    /** Nominal cell resistance for IN == W (low) or IN != W (high), at the readout bias. */
    private static double nominalCell(MacroConfig cfg, boolean match) {
        var m = cfg.mtj();
        double bias = (cfg.column().vDrv() - cfg.column().vRef()) / cfg.rows();
        double rAp = m.rP() * (1 + m.tmr0() / (1 + Math.pow(bias / m.vHalf(), 2)));
        double on = cfg.fet().rOn() + (match ? m.rP() : rAp);
        double off = cfg.fet().rOff() + (match ? rAp : m.rP());
        return on * off / (on + off);
    }

    /** The delay model behind the tables. */
    public FastDelayModel model() {
        return model;
    }

    private double[] tables() {
        if (builtVersion != array.stateVersion()) {
            synchronized (this) {
                long v = array.stateVersion();
                if (builtVersion != v) {
                    for (int c = 0; c < array.cols(); c++) {
                        long cv = array.columnVersion(c);
                        if (builtColumnVersion[c] != cv) {
                            rebuildColumn(c);
                            builtColumnVersion[c] = cv;
                        }
                    }
                    builtVersion = v;
                }
            }
        }
        return table;
    }

    /**
     * Brings column {@code c}'s tables up to date: every group with new weights when its threshold
     * moved (or on the first build), otherwise only the groups holding a cell that changed.
     */
    private void rebuildColumn(int c) {
        int rows = array.rows();
        long ev = array.electricalVersion(c);
        boolean all = builtElectricalVersion[c] != ev;
        if (all) {
            columnWeights[c] = model.weights(array.electrical(c));
            builtElectricalVersion[c] = ev;
        }
        for (int g = 0; g < groups; g++) {
            boolean changed = all;
            for (int k = 0; k < GROUP_BITS; k++) {
                int row = g * GROUP_BITS + k;
                if (row < rows) {
                    long v = array.cellVersion(row, c);
                    changed |= builtCellVersion[row * array.cols() + c] != v;
                    builtCellVersion[row * array.cols() + c] = v;
                }
            }
            if (changed) {
                buildGroup(c, g, columnWeights[c]);
            }
        }
    }

    /** The 256-entry table of row group {@code g} of column {@code c}, with weights {@code w}. */
    private void buildGroup(int c, int g, double[] w) {
        int rows = array.rows();
        int cols = array.cols();
        double[] column = new double[PATTERNS];
        double[] a = new double[GROUP_BITS];
        double[] b = new double[GROUP_BITS];
        for (int k = 0; k < GROUP_BITS; k++) {
            int row = g * GROUP_BITS + k;
            a[k] = row < rows ? w[row] * array.stageResistance(row, c, true) : 0;
            b[k] = row < rows ? w[row] * array.stageResistance(row, c, false) : 0;
        }
        double allLow = 0;
        for (int k = 0; k < GROUP_BITS; k++) {
            allLow += b[k];
        }
        column[0] = allLow;
        for (int p = 1; p < PATTERNS; p++) {
            int high = 31 - Integer.numberOfLeadingZeros(p);
            column[p] = column[p ^ (1 << high)] - b[high] + a[high];
        }
        for (int p = 0; p < PATTERNS; p++) {
            table[(g * PATTERNS + p) * cols + c] = column[p];
        }
    }

    @Override
    protected void delays(long[] in, double[] tau) {
        double[] t = tables();
        int cols = tau.length;
        java.util.Arrays.fill(tau, 0);
        for (int g = 0; g < groups; g++) {
            int pattern = (int) (in[g >>> 3] >>> ((g & 7) * GROUP_BITS)) & (PATTERNS - 1);
            int base = (g * PATTERNS + pattern) * cols;
            for (int c = 0; c < cols; c++) {
                tau[c] += t[base + c];
            }
        }
    }
}
