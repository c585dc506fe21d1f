package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mramcim.model.config.MacroConfig;
import mramcim.model.config.TimingParams;
import mramcim.model.macro.Macro;
import org.junit.jupiter.api.Test;

class ConditionSweepTest {

    private static final MacroConfig JUNG = MacroConfig.jung2022();
    private static final ConditionSweep.Plan SMALL = new ConditionSweep.Plan(4, 4, 0.5, new FastValidation.Plan(4, 4));

    @Test
    void aSupplyTooLowForTheTdcClockIsReportedNotRun() {
        ConditionSweep.Point p = ConditionSweep.point(JUNG, 1, Injection.NONE, ConditionSweep.Axis.SUPPLY, 0.65, SMALL);
        assertFalse(p.feasible());
        assertTrue(p.reason().contains("energy.vTdc") && p.reason().contains("timing.tClk"), p.reason());
    }

    @Test
    void aClockBeyondTheCountersIsReportedNotRun() {
        ConditionSweep.Point p =
                ConditionSweep.point(JUNG, 1, Injection.NONE, ConditionSweep.Axis.FREQUENCY, 17, SMALL);
        assertFalse(p.feasible());
        assertTrue(p.reason().contains("counters run at most"), p.reason());
    }

    @Test
    void theFrequencyAxisChangesTheClockAndKeepsTheFrame() {
        MacroConfig at = ConditionSweep.at(JUNG, ConditionSweep.Axis.FREQUENCY, 5);
        assertEquals(JUNG.timing().frameCycles(), at.timing().frameCycles());
        assertEquals(5e6, at.timing().operatingFrequency(), 1e-3);
    }

    @Test
    void aLowerSupplyIsMoreEfficient() {
        ConditionSweep.Point low =
                ConditionSweep.point(JUNG, 1, Injection.NONE, ConditionSweep.Axis.SUPPLY, 0.8, SMALL);
        ConditionSweep.Point high =
                ConditionSweep.point(JUNG, 1, Injection.NONE, ConditionSweep.Axis.SUPPLY, 1.2, SMALL);
        assertTrue(low.feasible() && high.feasible());
        assertTrue(low.topsPerWatt() > high.topsPerWatt(), low.topsPerWatt() + " vs " + high.topsPerWatt());
        assertTrue(low.maeAfter() < low.maeBefore());
    }

    @Test
    void whenTheAllMinusOneReferenceOverflowsGainComesFromHalfTheRowsAndAgreesWithTheFullReference() {
        long seed = 4;
        GlobalCalibration.Measured full = GlobalCalibration.measure(Macro.create(JUNG, seed));
        assertEquals(JUNG.rows(), full.referenceMismatches());
        // A frame of 140 cycles ends before DP = -64 (about code 170) fires but after DP = 0 (about
        // 129).
        MacroConfig shortFrame = JUNG.withTiming(
                new TimingParams(JUNG.timing().tClk(), 140, JUNG.timing().rdCycles()));
        GlobalCalibration.Measured half = GlobalCalibration.measure(Macro.create(shortFrame, seed));
        assertEquals(JUNG.rows() / 2, half.referenceMismatches());
        assertEquals(full.global().c0(), half.global().c0());
        assertEquals(
                full.global().gain(), half.global().gain(), 0.03 * full.global().gain());
    }
}
