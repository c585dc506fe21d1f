package mramcim.model.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mramcim.model.config.MacroConfig;
import mramcim.model.device.MtjState;
import org.junit.jupiter.api.Test;

/** SPEC section 3 at the pins: cmp_j at the n-th frame edge is 1 iff n * T_clk >= tau_j. */
class AnalogFrontEndTest {

    @Test
    void comparatorRisesAtTheFirstEdgeWhoseElapsedTimeReachesTauAndMatchesTheTransactionPath() {
        MacroConfig cfg = MacroConfig.small(16, 16);
        AnalogArray pinArray = AnalogArray.fabricate(cfg, 3);
        AnalogArray txArray = AnalogArray.fabricate(cfg, 3);
        AnalogFrontEnd fe = AnalogFrontEnd.of(pinArray);
        Readout tx = Readout.of(txArray, Solver.FAST);
        DigitalPins d = new DigitalPins(cfg.rows());
        AnalogPins out = new AnalogPins(cfg.cols());
        double tClk = cfg.timing().tClk();
        for (int conversion = 0; conversion < 3; conversion++) {
            d.inVec[0] = 0xA5C3L * (conversion + 1) & 0xFFFF;
            d.drvEn = true;
            int[] firstHigh = new int[cfg.cols()];
            for (int n = 1; n <= 400; n++) {
                fe.tick(d, out);
                for (int c = 0; c < cfg.cols(); c++) {
                    boolean high = ((out.cmp[0] >>> c) & 1) == 1;
                    boolean expected = n * tClk >= fe.tau()[c];
                    assertEquals(expected, high, "conversion " + conversion + " edge " + n + " column " + c);
                    if (high && firstHigh[c] == 0) {
                        firstHigh[c] = n;
                    }
                }
            }
            Conversion ref = tx.convert(d.inVec, conversion);
            for (int c = 0; c < cfg.cols(); c++) {
                assertEquals(ref.code()[c], firstHigh[c], "pin-level and transaction-level codes, column " + c);
                assertEquals(ref.tau()[c], fe.tau()[c], 0.0);
            }
            d.drvEn = false;
            fe.tick(d, out);
            assertEquals(0, out.cmp[0], "drv_en low discharges the sense nodes");
        }
        assertEquals(3, fe.conversions());
    }

    @Test
    void aPulseOnTheDataLinesWritesTheSelectedMtjAndAReadSensesIt() {
        MacroConfig cfg = MacroConfig.small(8, 8);
        AnalogArray array = AnalogArray.fabricate(cfg, 4);
        AnalogFrontEnd fe = AnalogFrontEnd.of(array);
        DigitalPins d = new DigitalPins(8);
        AnalogPins out = new AnalogPins(8);
        d.accEn = true;
        d.accRow = 5;
        d.accCol = 2;
        d.accBranch = 0;
        d.rdEn = true;
        fe.tick(d, out);
        assertFalse(out.rdBit, "fabricated weight +1: MTJ A reads P");
        d.rdEn = false;
        fe.tick(d, out);
        d.wrEn = true;
        d.wrDir = true;
        d.wrAmp = 15;
        for (int k = 0; k < 20; k++) {
            fe.tick(d, out);
        }
        assertEquals(MtjState.P, array.cell(5, 2).mtj(0).state(), "the pulse acts when it ends");
        d.wrEn = false;
        fe.tick(d, out);
        assertEquals(MtjState.AP, array.cell(5, 2).mtj(0).state(), "amplitude 15 for 10 ns switches");
        assertEquals(MtjState.P, array.cell(5, 3).mtj(0).state(), "other cells untouched");
        d.rdEn = true;
        fe.tick(d, out);
        assertTrue(out.rdBit);
    }

    /** Each fault against the sound front end's first firing edge, n0 = ceil(tau / T_clk). */
    @Test
    void faultsMoveSilenceOrGlitchTheComparatorsAndPinTheSenseAmplifier() {
        MacroConfig cfg = MacroConfig.small(8, 8);
        int[] shift = {0, 7, -3, 0, 0, -100, 0, 0};
        AnalogFault fault = new AnalogFault(new long[] {1L << 3}, new long[] {1L << 4}, shift, -1);
        AnalogFrontEnd fe = AnalogFrontEnd.of(AnalogArray.fabricate(cfg, 5));
        DigitalPins d = new DigitalPins(cfg.rows());
        AnalogPins out = new AnalogPins(cfg.cols());
        d.inVec[0] = 0x5A;
        d.drvEn = true;
        fe.setAnalogFault(fault);
        int frame = 600;
        boolean[][] high = new boolean[frame + 1][cfg.cols()];
        for (int n = 1; n <= frame; n++) {
            fe.tick(d, out);
            for (int c = 0; c < cfg.cols(); c++) {
                high[n][c] = ((out.cmp[0] >>> c) & 1) == 1;
            }
        }
        double tClk = cfg.timing().tClk();
        for (int c = 0; c < cfg.cols(); c++) {
            int n0 = (int) Math.ceil(fe.tau()[c] / tClk - 1e-9);
            for (int n = 1; n <= frame; n++) {
                boolean expected = switch (c) {
                    case 3 -> false; // dead
                    case 4 -> n >= n0 && n != n0 + 1; // one-cycle drop after the first
                    // crossing
                    default -> n >= Math.max(1, n0 + shift[c]);
                };
                assertEquals(expected, high[n][c], "column " + c + " edge " + n + " (sound first edge " + n0 + ")");
            }
        }
        assertTrue(high[1][5], "an early comparator fires at the first edge at the earliest");

        d.drvEn = false;
        d.accEn = true;
        d.rdEn = true;
        for (boolean stuck : new boolean[] {false, true}) {
            fe.setAnalogFault(AnalogFault.senseStuckAt(stuck));
            for (int row = 0; row < cfg.rows(); row++) {
                d.accRow = row;
                fe.tick(d, out);
                assertEquals(stuck, out.rdBit, "sense amplifier stuck at " + stuck + ", row " + row);
            }
        }
        fe.setAnalogFault(AnalogFault.NONE);
        assertTrue(fe.analogFault().none());
    }

    /**
     * Random frames on 100 columns (two words), with faults of every kind switched on and off at
     * random edges, in the middle of frames too: every edge's comparators against the definition
     * (cmp_j high from the edge its shifted firing cycle is reached, never if dead, low for the one
     * edge after it if chattering), evaluated column by column from the conversion's delays.
     */
    @Test
    void comparatorsFollowTheirDefinitionUnderFaultsSwitchedAtAnyEdge() {
        MacroConfig cfg = MacroConfig.small(16, 100);
        AnalogFrontEnd fe = AnalogFrontEnd.of(AnalogArray.fabricate(cfg, 11));
        DigitalPins d = new DigitalPins(cfg.rows());
        AnalogPins out = new AnalogPins(cfg.cols());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(21);
        double tClk = cfg.timing().tClk();
        AnalogFault fault = AnalogFault.NONE;
        int elapsed = 0;
        int checkedHigh = 0;
        for (int edge = 0; edge < 20_000; edge++) {
            if (rnd.nextInt(40) == 0) {
                fault = rnd.nextBoolean() ? AnalogFault.NONE : randomFault(rnd, cfg.cols());
                fe.setAnalogFault(fault);
            }
            if (!d.drvEn && rnd.nextInt(10) == 0) {
                d.drvEn = true;
                d.inVec[0] = rnd.nextLong() & 0xFFFF;
            } else if (d.drvEn && rnd.nextInt(150) == 0) {
                d.drvEn = false;
            }
            fe.tick(d, out);
            elapsed = d.drvEn ? elapsed + 1 : 0;
            for (int c = 0; c < cfg.cols(); c++) {
                boolean high = ((out.cmp[c >>> 6] >>> (c & 63)) & 1) == 1;
                boolean expected = false;
                if (d.drvEn) {
                    int at = Tdc.firingCycle(fe.tau()[c], tClk) + fault.delay(c);
                    expected = elapsed >= at && !fault.isDead(c) && !(fault.chatters(c) && elapsed == at + 1);
                }
                assertEquals(expected, high, "edge " + edge + " column " + c + " elapsed " + elapsed + " " + fault);
                checkedHigh += high ? 1 : 0;
            }
        }
        assertTrue(checkedHigh > 100_000, "comparators were high often enough to test: " + checkedHigh);
    }

    private static AnalogFault randomFault(java.util.SplittableRandom rnd, int cols) {
        long[] dead = new long[(cols + 63) / 64];
        long[] chatter = new long[dead.length];
        int[] shift = new int[cols];
        for (int c = 0; c < cols; c++) {
            if (rnd.nextInt(10) == 0) {
                dead[c >>> 6] |= 1L << (c & 63);
            }
            if (rnd.nextInt(5) == 0) {
                chatter[c >>> 6] |= 1L << (c & 63);
            }
            shift[c] = rnd.nextInt(4) == 0 ? rnd.nextInt(-60, 60) : 0;
        }
        return new AnalogFault(dead, chatter, shift, -1);
    }
}
