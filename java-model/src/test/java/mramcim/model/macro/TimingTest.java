package mramcim.model.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mramcim.model.config.MacroConfig;
import mramcim.spec.Register;
import mramcim.spec.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cycle counts of docs/timing.md. "Cycles" are clock edges from the first cycle a command is
 * presented (the macro idle) to the edge that takes its response with rsp_ready high, both
 * included: latency L from acceptance to rsp_valid, plus the acceptance and the hand-over edges.
 */
class TimingTest {

    private static final MacroConfig SMALL = MacroConfig.small(8, 8);

    @Test
    void immediateOpsTakeTwoCycles() {
        Macro m = Macro.create(SMALL, 1);
        assertEquals(2, m.nop().cycles());
        assertEquals(2, m.loadInput(0, 1).cycles());
        assertEquals(2, m.readResult(0).cycles());
        assertEquals(2, m.writeReg(Register.C0.index(), 3).cycles());
        assertEquals(2, m.readReg(Register.ID.index()).cycles());
        assertEquals(2, m.execute(12, 0, 0).cycles(), "BAD_CMD");
    }

    @ParameterizedTest(name = "FRAME_CYCLES = {0}")
    @ValueSource(ints = {1, 2, 37, 180, 400})
    void computeTakesFrameCyclesPlusFour(int frame) {
        Macro m = Macro.create(SMALL, 1);
        m.writeReg(Register.FRAME_CYCLES.index(), frame);
        assertEquals(frame + 4, m.compute().cycles());
    }

    @ParameterizedTest(name = "RD_CYCLES = {0}")
    @ValueSource(ints = {1, 4, 9})
    void readCellTakesTwiceReadCyclesPlusFour(int rd) {
        Macro m = Macro.create(SMALL, 1);
        m.writeReg(Register.RD_CYCLES.index(), rd);
        assertEquals(2 * rd + 4, m.readCell(2, 3).cycles());
    }

    @ParameterizedTest(name = "WR_PULSE = {0}, RD_CYCLES = {1}, WR_MODE = {2}")
    @CsvSource({"20, 4, 0", "5, 1, 0", "33, 7, 0", "20, 4, 1", "3, 2, 1"})
    void writeCellTakesPulsesTimesPulsePlusReadPlusThree(int pulse, int rd, int mode) {
        Macro m = Macro.create(SMALL, 9);
        m.writeReg(Register.WR_PULSE.index(), pulse);
        m.writeReg(Register.RD_CYCLES.index(), rd);
        m.writeReg(Register.WR_MODE.index(), mode);
        for (int c = 0; c < 8; c++) {
            Response r = m.writeCell(c, c, -1);
            assertEquals((long) r.data() * (pulse + rd) + 3, r.cycles(), "cell " + c + ", " + r.data() + " pulses");
        }
    }

    @Test
    void mvmTakesTwoPerInputWordPlusComputePlusTwoPerColumn() {
        MacroConfig cfg = MacroConfig.jung2022();
        Macro m = Macro.create(cfg, 1);
        assertEquals(2 + (180 + 4) + 2 * 64, m.mvm(new int[64]).cycles());
        Macro wide = Macro.create(MacroConfig.small(128, 16), 1);
        assertEquals(2 * 2 + (180 + 4) + 2 * 16, wide.mvm(new int[128]).cycles());
    }

    @Test
    void responseWaitingForTheHostAddsExactlyTheWait() {
        Macro m = Macro.create(SMALL, 1);
        m.setRspReadyDelay(10);
        Response r = m.compute();
        assertEquals(Status.OK, r.status());
        assertEquals(180 + 4 + 10, r.cycles());
    }
}
