package mramcim.calibration;

import mramcim.model.config.ColumnParams;
import mramcim.model.config.EnergyParams;
import mramcim.model.config.MacroConfig;

/**
 * Energy of one conversion (one dot product per column), from the constants of {@link EnergyParams}
 * and the column's delay:
 *
 * <ul>
 *   <li><b>column drive</b>: the driver charges the column (sense node plus internal nodes, lumped
 *       {@code C}) through the chain from {@code vDrv} for the whole frame. The lumped RC follows
 *       from the delay, {@code RC = tau / ln(vDrv / (vDrv - vRef))}; the node reaches {@code V_end
 *       = vDrv (1 - exp(-T_frame / RC))} and the supply delivers {@code C vDrv V_end}: half of
 *       {@code C V_end^2} of it stays on the node and is dumped when the frame ends, the rest is
 *       dissipated in the chain's resistance during the frame;
 *   <li><b>counters</b>: {@code cCount vTdc^2} per cycle that a column's counter counts (until its
 *       comparator fires, at most the frame);
 *   <li><b>clock</b>: {@code cClock vTdc^2} per column per frame cycle;
 *   <li><b>periphery</b>: {@code cPeriphery vTdc^2} per column per conversion.
 * </ul>
 *
 * A conversion performs {@code 2 ROWS COLS} operations (a multiply and an add per weight).
 */
public final class EnergyModel {

    private final int frameCycles;
    private final double frame;
    private final double cColumn;
    private final double vDrv;
    private final double logFactor;
    private final double eCountCycle;
    private final double eClockFrame;
    private final double ePeriphery;

    public EnergyModel(MacroConfig config) {
        ColumnParams col = config.column();
        EnergyParams e = config.energy();
        this.frameCycles = config.timing().frameCycles();
        this.frame = frameCycles * config.timing().tClk();
        this.cColumn = col.cSense() + col.cNode() * (config.rows() - 1);
        this.vDrv = col.vDrv();
        this.logFactor = col.logFactor(col.vRef());
        double v2 = e.vTdc() * e.vTdc();
        this.eCountCycle = e.cCount() * v2;
        this.eClockFrame = e.cClock() * v2 * frameCycles;
        this.ePeriphery = e.cPeriphery() * v2;
    }

    /** Energy of one conversion, J, split by where it goes. */
    public record Breakdown(double columnDrive, double counters, double clock, double periphery) {

        public static final Breakdown ZERO = new Breakdown(0, 0, 0, 0);

        public double total() {
            return columnDrive + counters + clock + periphery;
        }

        public Breakdown plus(Breakdown o) {
            return new Breakdown(
                    columnDrive + o.columnDrive, counters + o.counters, clock + o.clock, periphery + o.periphery);
        }

        public Breakdown scaled(double f) {
            return new Breakdown(columnDrive * f, counters * f, clock * f, periphery * f);
        }
    }

    /** Supply energy of driving one column whose delay is {@code tau} for one frame, J. */
    public double columnDrive(double tau) {
        double rc = tau / logFactor;
        double vEnd = vDrv * (1 - Math.exp(-frame / rc));
        return cColumn * vDrv * vEnd;
    }

    /**
     * One conversion: {@code tau[j]} the delays, {@code firing[j]} the TDC's firing cycles (a
     * column that never fires counts the whole frame).
     */
    public Breakdown conversion(double[] tau, int[] firing) {
        double drive = 0;
        long counting = 0;
        for (int j = 0; j < tau.length; j++) {
            drive += columnDrive(tau[j]);
            counting += Math.min(firing[j], frameCycles);
        }
        return new Breakdown(drive, counting * eCountCycle, tau.length * eClockFrame, tau.length * ePeriphery);
    }

    /** Operations of one conversion: a multiply and an add per weight. */
    public static long operations(MacroConfig config) {
        return 2L * config.rows() * config.cols();
    }

    /**
     * Efficiency, operations per second per watt in units of 10^12 (TOPS/W), at {@code
     * joulesPerConversion}.
     */
    public static double topsPerWatt(MacroConfig config, double joulesPerConversion) {
        return mramcim.model.config.Check.finite(
                "the efficiency (TOPS/W) at " + joulesPerConversion + " J per conversion",
                operations(config)
                        / mramcim.model.config.Check.finite("the energy per conversion", joulesPerConversion)
                        / 1e12);
    }
}
