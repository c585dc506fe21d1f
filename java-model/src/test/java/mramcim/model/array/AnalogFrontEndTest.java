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
}
