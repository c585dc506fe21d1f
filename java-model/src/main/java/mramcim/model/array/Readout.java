package mramcim.model.array;

import mramcim.model.config.MacroConfig;
import mramcim.model.random.CounterRng;
import mramcim.model.random.Purpose;

/**
 * Converts an input vector into per-column delays and TDC codes on one {@link AnalogArray}: delay
 * from the chosen solver, plus the per-conversion jitter drawn from the stream keyed by (seed,
 * column, conversion index), so results never depend on evaluation order or threads.
 */
public abstract class Readout {

    protected final AnalogArray array;
    private final long[] jitterKey;
    private final double jitterSigma;
    private final double tClk;
    private final int frameCycles;

    protected Readout(AnalogArray array) {
        this.array = array;
        MacroConfig cfg = array.config();
        this.jitterKey = new long[array.cols()];
        for (int c = 0; c < jitterKey.length; c++) {
            jitterKey[c] = CounterRng.key(array.seed(), Purpose.CONVERSION_JITTER, c);
        }
        // The jitter is the readout electronics': it stretches with their gate delay at the TDC
        // supply.
        this.jitterSigma = cfg.column().jitterSigma() * cfg.energy().delayScale();
        this.tClk = cfg.timing().tClk();
        this.frameCycles = cfg.timing().frameCycles();
    }

    /** A readout of {@code array} with the given solver. */
    public static Readout of(AnalogArray array, Solver solver) {
        return solver == Solver.EXACT ? new ExactReadout(array) : new FastReadout(array);
    }

    /** The array read. */
    public AnalogArray array() {
        return array;
    }

    /** Writes each column's delay without jitter into {@code tau}, s. */
    protected abstract void delays(long[] in, double[] tau);

    /**
     * Delays including jitter of conversion number {@code index}, written into {@code tau}.
     *
     * @param in input bits, bit i = row i, 1 = +1
     */
    public void convert(long[] in, long index, double[] tau) {
        delays(in, tau);
        if (jitterSigma > 0) {
            for (int c = 0; c < tau.length; c++) {
                tau[c] += jitterSigma * CounterRng.gaussian(jitterKey[c], index);
            }
        }
    }

    /** One conversion with codes and overflow flags for the configured clock and frame. */
    public Conversion convert(long[] in, long index) {
        double[] tau = new double[array.cols()];
        convert(in, index, tau);
        int[] code = new int[tau.length];
        boolean[] overflow = new boolean[tau.length];
        for (int c = 0; c < tau.length; c++) {
            code[c] = Tdc.firingCycle(tau[c], tClk);
            overflow[c] = code[c] > frameCycles;
        }
        return new Conversion(tau, code, overflow);
    }

    /** The exact ladder transient per column. */
    static final class ExactReadout extends Readout {
        private final ExactLadderSolver solver = new ExactLadderSolver();

        ExactReadout(AnalogArray array) {
            super(array);
        }

        @Override
        protected void delays(long[] in, double[] tau) {
            for (int c = 0; c < tau.length; c++) {
                tau[c] = solver.delay(array.stageResistances(c, in), array.electrical(c));
            }
        }
    }
}
