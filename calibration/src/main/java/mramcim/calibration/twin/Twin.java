package mramcim.calibration.twin;

import mramcim.calibration.measured.MeasuredConversion;
import mramcim.calibration.measured.Measurement;
import mramcim.calibration.measured.Role;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.ColumnElectrical;
import mramcim.model.array.Conversion;
import mramcim.model.array.FastReadout;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.ColumnParams;
import mramcim.model.config.DieMap;
import mramcim.model.config.MacroConfig;
import mramcim.model.config.MtjParams;
import mramcim.model.device.BitCell;

/**
 * The digital twin of a fitted die: the design with a {@link DieMap} whose values reproduce every
 * fitted delay contribution on the model's fast path, and its predictions of the held-out codes.
 *
 * <p>Codes cannot tell a column's sense capacitance from its comparator offset or from the mean
 * resistance of its cells (docs/measurements.md): the twin puts the whole delay scale into the
 * sense capacitance (offset 0), splits no resistance between a cell's FET and its MTJ (the FET
 * keeps the design's R_on), and sets the MTJs' R_P and TMR so that each stage has the fitted
 * contribution. The jitter is the measured one.
 */
public final class Twin {

    private Twin() {}

    /** The twin's configuration. */
    public static MacroConfig config(DieFit.Result r) {
        MacroConfig design = r.design();
        int rows = design.rows();
        int cols = design.cols();
        ColumnParams col = design.column();
        double t = design.timing().tClk();
        double rOn = design.fet().rOn();
        double rOff = design.fet().rOff();
        double bias = (col.vDrv() - col.vRef()) / rows;
        double tmrRollOff = 1 + Math.pow(bias / design.mtj().vHalf(), 2);
        double[] cSense = new double[cols];
        double[] offsets = new double[cols];
        double[] fetOn = new double[2 * rows * cols];
        double[] rP = new double[fetOn.length];
        double[] tmr0 = new double[fetOn.length];
        var model = FastReadout.delayModel(design);
        for (DieFit.ColumnFit f : r.columns()) {
            int j = f.col();
            cSense[j] = col.cSense() * f.delayScale();
            double[] w = model.weights(new ColumnElectrical(col.cNode(), cSense[j], col.vDrv(), col.vRef()));
            for (int i = 0; i < rows; i++) {
                for (int branch = 0; branch < 2; branch++) {
                    int low = branch == BitCell.BRANCH_A ? CellState.A_P : CellState.B_P;
                    int high = branch == BitCell.BRANCH_A ? CellState.A_AP : CellState.B_AP;
                    double onP = onBranch(f.contribution()[i][low] * t / w[i] - col.rSeg(), rOff);
                    double onAp = onBranch(f.contribution()[i][high] * t / w[i] - col.rSeg(), rOff);
                    int d = 2 * (i * cols + j) + branch;
                    fetOn[d] = rOn;
                    rP[d] = onP - rOn;
                    // An MTJ that does not switch (stuck) has no swing: the twin gives it the
                    // smallest TMR a die map holds; the fit report lists such devices.
                    tmr0[d] = Math.max(MtjParams.TMR_MIN, (onAp - onP) / rP[d] * tmrRollOff);
                    if (!(rP[d] >= MtjParams.RP_MIN)) {
                        throw new IllegalArgumentException(String.format(
                                java.util.Locale.ROOT,
                                "the fit of column %d, row %d, branch %s gives R_P = %.4g Ohm (TMR %.4g), outside"
                                        + " what an MTJ can be: the codes of that column do not follow the design"
                                        + " (check the measurement and the design given with --preset/--config)",
                                j,
                                i,
                                branch == BitCell.BRANCH_A ? "A" : "B",
                                rP[d],
                                tmr0[d]));
                    }
                }
            }
        }
        DieMap die = new DieMap(r.measurement().header().die(), cSense, offsets, fetOn, rP, tmr0);
        // The twin is the die as measured: at the readout supply of the bench run, where the
        // measured jitter is the configured one stretched by the readout's gate delay.
        var energy = design.energy().withVTdc(r.measurement().header().supplyV());
        double jitter = r.jitter().sigma() / energy.delayScale();
        ColumnParams c = new ColumnParams(
                col.rSeg(),
                col.cNode(),
                col.cSense(),
                col.cSenseSigma(),
                col.vDrv(),
                col.vRef(),
                col.cmpOffsetSigma(),
                jitter);
        return design.withEnergy(energy).withColumn(c).withDie(die);
    }

    /**
     * The on-branch resistance of a cell of resistance {@code cell}: the off branch (R_off plus an
     * MTJ, a gigaohm) in parallel takes a few parts per million, undone here.
     */
    private static double onBranch(double cell, double rOff) {
        return cell / (1 - cell / rOff);
    }

    /**
     * How well the twin predicts the held-out codes.
     *
     * @param codes held-out codes compared
     * @param exact predicted exactly
     * @param withinOne predicted within one code
     * @param difference histogram of predicted minus measured code, index d + {@link #SPAN}, the
     *     ends collecting everything beyond
     */
    public record HeldOut(long codes, long exact, long withinOne, long[] difference) {
        /** Differences shown in the histogram on each side of 0. */
        public static final int SPAN = 3;

        public double exactFraction() {
            return codes == 0 ? Double.NaN : (double) exact / codes;
        }

        public double withinOneFraction() {
            return codes == 0 ? Double.NaN : (double) withinOne / codes;
        }
    }

    /**
     * The twin's jitter-free codes for every held-out conversion of {@code m}, on its fast path,
     * against the measured ones.
     */
    public static HeldOut heldOut(Measurement m, MacroConfig twin) {
        ColumnParams c = twin.column();
        MacroConfig quiet = twin.withColumn(new ColumnParams(
                c.rSeg(), c.cNode(), c.cSense(), c.cSenseSigma(), c.vDrv(), c.vRef(), c.cmpOffsetSigma(), 0));
        AnalogArray array = AnalogArray.fabricate(quiet, 0);
        Readout readout = Readout.of(array, Solver.FAST);
        long codes = 0;
        long exact = 0;
        long within = 0;
        long[] hist = new long[2 * HeldOut.SPAN + 1];
        int programmed = -1;
        for (MeasuredConversion v : m.of(Role.HELDOUT)) {
            if (v.set() != programmed) {
                array.program(m.weights(v.set()));
                programmed = v.set();
            }
            Conversion p = readout.convert(mramcim.model.io.BinaryCsv.toBits(v.input()), v.index());
            for (int j = 0; j < m.cols(); j++) {
                int predicted = p.overflow()[j] ? m.header().codeMax() : p.code()[j];
                int d = predicted - v.code(j);
                codes++;
                exact += d == 0 ? 1 : 0;
                within += Math.abs(d) <= 1 ? 1 : 0;
                hist[Math.max(-HeldOut.SPAN, Math.min(HeldOut.SPAN, d)) + HeldOut.SPAN]++;
            }
        }
        return new HeldOut(codes, exact, within, hist);
    }
}
