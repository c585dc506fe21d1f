package mramcim.model.array;

import java.util.Arrays;
import mramcim.model.device.MtjState;

/**
 * The pin-level face of the analog array, clocked by the digital side (SPEC sections 3 and 4).
 *
 * <p>{@link #tick} is called once per rising edge with the pins the digital side drove during the
 * previous cycle, and produces the pins the digital side samples at this edge:
 *
 * <ul>
 *   <li>Conversion: the first tick that sees {@code drv_en} high starts conversion number k (input
 *       vector as seen then); at the n-th consecutive tick with {@code drv_en} high, {@code cmp_j}
 *       is 1 iff {@code n * T_clk >= tau_j}. A tick with {@code drv_en} low discharges the sense
 *       nodes and clears every comparator.
 *   <li>Write: a pulse lasts as long as {@code wr_en} stays high with {@code acc_en}; it is applied
 *       when {@code wr_en} falls, with the width (cycles x T_clk) and the row, column, branch,
 *       direction and amplitude seen at its first tick.
 *   <li>Read: when {@code rd_en} rises with {@code acc_en}, the selected MTJ is sensed once; {@code
 *       rd_bit} holds that result while {@code rd_en} stays high and is 0 otherwise.
 * </ul>
 */
public final class AnalogFrontEnd {

    private final AnalogArray array;
    private final Readout readout;
    private final double tClk;
    private final double[] tau;
    private final int[] fire;

    /*
     * The columns of the present conversion in the order their comparators first go high under the
     * fault in force (cycle << 32 | column, the cycle signed), and the columns reached so far: an
     * edge only adds the columns that fire at it, instead of testing every column (issue 21: the
     * model's cost per cycle). Rebuilt when a conversion starts and when the fault changes in one.
     */
    private final long[] firingOrder;
    private final long[] reached;
    private final long[] deadMask;
    private final long[] chatterMask;
    private boolean anyChatter;
    private int nextToFire;
    private int firstAtPrevious;
    private AnalogFault orderedFor;
    private boolean converting;
    private int elapsed;
    private long conversions;
    private boolean pulsing;
    private int pulseRow;
    private int pulseCol;
    private int pulseBranch;
    private boolean pulseToAp;
    private int pulseAmp;
    private int pulseCycles;
    private boolean reading;
    private boolean readResult;
    private AnalogFault fault = AnalogFault.NONE;

    public AnalogFrontEnd(AnalogArray array, Readout readout) {
        if (readout.array() != array) {
            throw new IllegalArgumentException("readout belongs to another array");
        }
        this.array = array;
        this.readout = readout;
        this.tClk = array.config().timing().tClk();
        this.tau = new double[array.cols()];
        this.fire = new int[array.cols()];
        this.firingOrder = new long[array.cols()];
        this.reached = new long[(array.cols() + 63) / 64];
        this.deadMask = new long[reached.length];
        this.chatterMask = new long[reached.length];
    }

    /** Front end of {@code array} using the fast readout. */
    public static AnalogFrontEnd of(AnalogArray array) {
        return new AnalogFrontEnd(array, Readout.of(array, Solver.FAST));
    }

    public AnalogArray array() {
        return array;
    }

    /** Conversions started so far: the index of the next conversion's jitter draw. */
    public long conversions() {
        return conversions;
    }

    /** Delays of the present (or last) conversion, s; for waveforms. Do not modify. */
    public double[] tau() {
        return tau;
    }

    /** Ticks with {@code drv_en} high in the present frame (0 outside a frame). */
    public int elapsed() {
        return elapsed;
    }

    /**
     * Switches an analog fault on (or {@link AnalogFault#NONE} off) from the next edge on; a
     * testbench sets it around a conversion, on both sides of a lockstep alike.
     */
    public void setAnalogFault(AnalogFault f) {
        this.fault = f;
    }

    /** The analog fault in force. */
    public AnalogFault analogFault() {
        return fault;
    }

    /**
     * One rising edge: {@code d} are the pins of the previous cycle, {@code out} receives this
     * edge's outputs.
     */
    public void tick(DigitalPins d, AnalogPins out) {
        convert(d, out);
        write(d);
        read(d, out);
    }

    private void convert(DigitalPins d, AnalogPins out) {
        if (!d.drvEn) {
            Arrays.fill(out.cmp, 0);
            converting = false;
            elapsed = 0;
            return;
        }
        if (!converting) {
            converting = true;
            elapsed = 0;
            readout.convert(d.inVec, conversions++, tau);
            for (int c = 0; c < tau.length; c++) {
                fire[c] = Tdc.firingCycle(tau[c], tClk);
            }
            orderedFor = null;
        }
        elapsed++;
        if (orderedFor != fault) {
            order();
        }
        // cmp_j is high from the edge its (shifted) firing cycle is reached, unless the column is
        // dead, and a chattering column drops for the one edge after that cycle
        while (nextToFire < firingOrder.length && (int) (firingOrder[nextToFire] >> 32) <= elapsed) {
            int c = (int) firingOrder[nextToFire++];
            reached[c >>> 6] |= 1L << (c & 63);
        }
        for (int w = 0; w < reached.length; w++) {
            out.cmp[w] = reached[w] & ~deadMask[w];
        }
        if (anyChatter) {
            int previous = elapsed - 1;
            while (firstAtPrevious < firingOrder.length && (int) (firingOrder[firstAtPrevious] >> 32) < previous) {
                firstAtPrevious++;
            }
            for (int q = firstAtPrevious; q < firingOrder.length && (int) (firingOrder[q] >> 32) == previous; q++) {
                int c = (int) firingOrder[q];
                out.cmp[c >>> 6] &= ~(chatterMask[c >>> 6] & 1L << (c & 63));
            }
        }
    }

    /** Sorts the columns of the present conversion by firing cycle under the fault in force. */
    private void order() {
        for (int c = 0; c < fire.length; c++) {
            firingOrder[c] = (long) (fire[c] + fault.delay(c)) << 32 | c;
        }
        Arrays.sort(firingOrder);
        Arrays.fill(reached, 0);
        Arrays.fill(deadMask, 0);
        Arrays.fill(chatterMask, 0);
        anyChatter = false;
        for (int c = 0; c < fire.length; c++) {
            if (fault.isDead(c)) {
                deadMask[c >>> 6] |= 1L << (c & 63);
            }
            if (fault.chatters(c)) {
                chatterMask[c >>> 6] |= 1L << (c & 63);
                anyChatter = true;
            }
        }
        nextToFire = 0;
        firstAtPrevious = 0;
        orderedFor = fault;
    }

    private void write(DigitalPins d) {
        if (d.wrEn && d.accEn) {
            if (!pulsing) {
                pulsing = true;
                pulseRow = d.accRow;
                pulseCol = d.accCol;
                pulseBranch = d.accBranch;
                pulseToAp = d.wrDir;
                pulseAmp = d.wrAmp;
                pulseCycles = 0;
            }
            pulseCycles++;
        } else if (pulsing) {
            pulsing = false;
            if (inRange(pulseRow, pulseCol)) {
                array.pulse(
                        pulseRow,
                        pulseCol,
                        pulseBranch,
                        pulseToAp ? MtjState.AP : MtjState.P,
                        pulseAmp,
                        pulseCycles * tClk);
            }
        }
    }

    private void read(DigitalPins d, AnalogPins out) {
        if (d.rdEn && d.accEn) {
            if (!reading) {
                reading = true;
                readResult = inRange(d.accRow, d.accCol) && array.sense(d.accRow, d.accCol, d.accBranch);
            }
            out.rdBit = fault.senseStuck() >= 0 ? fault.senseStuck() == 1 : readResult;
        } else {
            reading = false;
            out.rdBit = false;
        }
    }

    private boolean inRange(int row, int col) {
        return row >= 0 && row < array.rows() && col >= 0 && col < array.cols();
    }
}
