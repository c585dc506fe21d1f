package mramcim.model.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mramcim.model.array.AnalogArray;
import mramcim.model.array.Conversion;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import org.junit.jupiter.api.Test;

/**
 * A configuration carrying a die map fabricates that die, whatever the seed; it survives its JSON
 * file; a design file has no die and still reads; a map that does not fit is refused.
 */
class DieMapTest {

    static final MacroConfig DESIGN = MacroConfig.small(8, 8);

    /** The design without jitter, so that two dies' delays can be compared code for code. */
    static MacroConfig quiet(MacroConfig c) {
        ColumnParams p = c.column();
        return c.withColumn(new ColumnParams(
                p.rSeg(), p.cNode(), p.cSense(), p.cSenseSigma(), p.vDrv(), p.vRef(), p.cmpOffsetSigma(), 0));
    }

    @Test
    void aDieMapFabricatesThatDieWhateverTheSeed() {
        AnalogArray original = AnalogArray.fabricate(quiet(DESIGN), 42);
        original.injectComparatorOffset(3, 0.02);
        MacroConfig withDie = quiet(DESIGN).withDie(original.dieMap("die-42"));
        for (long seed : new long[] {1, 42, 999}) {
            AnalogArray copy = AnalogArray.fabricate(withDie, seed);
            for (int c = 0; c < DESIGN.cols(); c++) {
                assertEquals(original.cSense(c), copy.cSense(c), 0, "cSense of column " + c);
                assertEquals(original.comparatorOffset(c), copy.comparatorOffset(c), 0);
            }
            long[] in = {0xA5L};
            Conversion a = Readout.of(original, Solver.EXACT).convert(in, 0);
            Conversion b = Readout.of(copy, Solver.EXACT).convert(in, 0);
            assertArrayEquals(a.tau(), b.tau(), 0, "seed " + seed);
        }
        AnalogArray drawn = AnalogArray.fabricate(quiet(DESIGN), 43);
        assertNotEquals(original.cSense(0), drawn.cSense(0), "another seed without a map is another die");
    }

    @Test
    void aDieMapSurvivesItsFileAndADesignHasNone() {
        MacroConfig withDie = DESIGN.withDie(AnalogArray.fabricate(DESIGN, 7).dieMap("chip-7"));
        String json = ConfigJson.toJson(withDie);
        assertTrue(json.contains("\"die\""));
        assertEquals(withDie, ConfigJson.fromJson(json));
        String design = ConfigJson.toJson(DESIGN);
        assertFalse(design.contains("\"die\""), "a design file has no die");
        assertEquals(DESIGN, ConfigJson.fromJson(design));
        assertTrue(withDie.entries().stream().anyMatch(e -> e.name().equals("die")));
    }

    @Test
    void aDieMapThatDoesNotFitIsRefused() {
        DieMap small = AnalogArray.fabricate(MacroConfig.small(4, 8), 7).dieMap("chip-4x8");
        String msg = assertThrows(IllegalArgumentException.class, () -> DESIGN.withDie(small))
                .getMessage();
        assertTrue(msg.contains("describes 8 columns and 64 devices: allowed 8 columns and 128 devices"), msg);
        String nulled = ConfigJson.toJson(DESIGN).replaceFirst("\\}\\s*$", ", \"die\" : null }");
        String msg2 = assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson(nulled))
                .getMessage();
        assertTrue(msg2.contains("die: null"), msg2);
        double[] one = new double[8];
        java.util.Arrays.fill(one, 230e-15);
        double[] devices = new double[128];
        java.util.Arrays.fill(devices, 1000);
        double[] tmr = new double[128];
        java.util.Arrays.fill(tmr, 1.2);
        double[] rP = devices.clone();
        rP[5] = 50;
        String msg3 = assertThrows(
                        IllegalArgumentException.class, () -> new DieMap("x", one, new double[8], devices, rP, tmr))
                .getMessage();
        assertTrue(msg3.startsWith("die.rP[5] = 50.0 Ohm is out of range: allowed 100..1e6 Ohm"), msg3);
    }
}
