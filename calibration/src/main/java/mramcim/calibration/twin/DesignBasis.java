package mramcim.calibration.twin;

import mramcim.model.array.FastReadout;
import mramcim.model.config.MacroConfig;

/**
 * What the design says about a column's delay before any measurement: the delay contribution of
 * every cell in each of its four states, in TDC codes, and how much the design's device spread lets
 * each vary (the fit's prior). The column delay is linear in the stage resistances (SPEC 2, Elmore
 * with the log factor: {@code tau = sum_i w_i R_i}); the weights are the fast path's.
 *
 * @param nominal {@code nominal[row][state]}: w_i (R_state + R_seg) / T_clk of the nominal column
 * @param relativeSigma per state: the design's spread of that stage resistance, relative
 * @param tClk the TDC clock period, s
 */
record DesignBasis(double[][] nominal, double[] relativeSigma, double tClk) {

    /**
     * Smallest prior spread used, relative: a design without device variation still lets a die
     * differ a little, so that the fit is never forced onto the nominal values.
     */
    static final double MIN_RELATIVE_SIGMA = 1e-3;

    static DesignBasis of(MacroConfig design) {
        double[] w = FastReadout.delayModel(design).weights(FastReadout.nominal(design));
        double rSeg = design.column().rSeg();
        double low = design.nominalCellResistance(false) + rSeg;
        double high = design.nominalCellResistance(true) + rSeg;
        double t = design.timing().tClk();
        double[][] nominal = new double[design.rows()][CellState.STATES];
        for (int i = 0; i < nominal.length; i++) {
            for (int k = 0; k < CellState.STATES; k++) {
                nominal[i][k] = w[i] * (CellState.match(k) ? low : high) / t;
            }
        }
        // The on-branch of a low state is R_on + R_P; of a high state R_on + R_P (1 + TMR(V)): the
        // design's relative spreads of each device, added in quadrature.
        double rOn = design.fet().rOn();
        double sOn = rOn * design.fet().rOnSigma();
        double rP = design.mtj().rP();
        double tmr = (high - rSeg - rOn) / rP - 1; // TMR(V) at the readout bias
        double sLow = Math.hypot(sOn, rP * design.mtj().rPSigma()) / low;
        double sHigh = Math.sqrt(sOn * sOn
                        + Math.pow(rP * (1 + tmr) * design.mtj().rPSigma(), 2)
                        + Math.pow(rP * tmr * design.mtj().tmrSigma(), 2))
                / high;
        double[] rel = new double[CellState.STATES];
        for (int k = 0; k < CellState.STATES; k++) {
            rel[k] = Math.max(MIN_RELATIVE_SIGMA, CellState.match(k) ? sLow : sHigh);
        }
        return new DesignBasis(nominal, rel, t);
    }

    int rows() {
        return nominal.length;
    }

    /** Sum of the nominal contributions of one column over every cell and state, codes. */
    double total() {
        double s = 0;
        for (double[] row : nominal) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }
}
