package mramcim.model.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mramcim.model.array.DigitalPins;
import mramcim.model.config.MacroConfig;
import mramcim.model.config.MtjParams;
import mramcim.model.device.Mtj;
import mramcim.model.device.MtjState;
import mramcim.model.periphery.Controller;
import mramcim.model.periphery.MramCimMacro;
import mramcim.model.periphery.WriteVerifySequencer;
import mramcim.spec.IdWord;
import mramcim.spec.Offsets;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.Status;
import org.junit.jupiter.api.Test;

/**
 * Directed tests of every op and status, back-pressure, reset mid-operation and both write modes.
 */
class MacroDirectedTest {

    private static final MacroConfig SMALL = MacroConfig.small(8, 8);

    /**
     * Every readable register, the input word and the stored weights: what "nothing changes" means.
     */
    private static List<Object> snapshot(Macro m) {
        List<Object> s = new ArrayList<>();
        MramCimMacro p = m.periphery();
        for (int idx = 0; idx <= Register.ID.index(); idx++) {
            s.add(p.regs().read(idx));
        }
        for (int c = 0; c < m.config().cols(); c++) {
            s.add(p.regs().offset(c));
            s.add(p.tdc().code(c));
        }
        s.add(p.inputs().bits()[0]);
        s.add(java.util.Arrays.deepToString(m.array().weights()));
        return s;
    }

    @Test
    void everyOpAnswersWithItsStatus() {
        Macro m = Macro.create(SMALL, 1);
        assertEquals(new Response(Status.OK, 0, 2), m.nop());
        Response w = m.writeCell(3, 4, -1);
        assertEquals(Status.OK, w.status());
        assertTrue(w.data() >= 2, "at least one pulse per MTJ: " + w.data());
        assertEquals(-1, m.array().cell(3, 4).weight());
        Response r = m.readCell(3, 4);
        assertEquals(new Response(Status.OK, 0b01, r.cycles()), r, "weight -1: A in AP (bit0 = 1), B in P");
        assertEquals(0b10, m.readCell(0, 0).data(), "fabricated weight +1: A in P, B in AP");
        assertEquals(Status.OK, m.loadInput(0, 0xA5).status());
        assertEquals(0xA5L, m.periphery().inputs().bits()[0]);
        assertEquals(Status.OK, m.writeReg(Register.C0.index(), 77).status());
        assertEquals(77, m.readReg(Register.C0.index()).data());
        assertEquals(IdWord.encode(8, 8), m.readReg(Register.ID.index()).data());
        assertEquals(Status.OK, m.writeReg(Offsets.BASE + 7, -3).status());
        assertEquals(-3, m.readReg(Offsets.BASE + 7).data(), "OFFSET reads back sign-extended");
        Response c = m.compute();
        assertEquals(new Response(Status.OK, 0, c.cycles()), c);
        assertEquals(Status.OK, m.readResult(2).status());
        // A frame too short for any column: every column saturates.
        m.writeReg(Register.FRAME_CYCLES.index(), 10);
        assertEquals(new Response(Status.OVERFLOW, 8, 14), m.compute());
        Response ovf = m.readResult(5);
        assertEquals(Status.OVERFLOW, ovf.status());
        assertEquals(4095, ovf.code());
    }

    @Test
    void badCommandsAnswerBadCmdAndChangeNothing() {
        Macro m = Macro.create(SMALL, 2);
        m.loadInput(0, 0x3C);
        m.writeReg(Offsets.BASE + 1, 5);
        m.compute();
        List<Object> before = snapshot(m);
        long[][] bad = {
            {8, 0, 0},
            {15, 0, 0}, // unknown ops
            {Op.WRITE_CELL.code(), 8 << 8, 1},
            {Op.WRITE_CELL.code(), 8, 1}, // row, column out of range
            {Op.WRITE_CELL.code(), 0, 2}, // data beyond bit 0
            {Op.READ_CELL.code(), (8 << 8) | 1, 0},
            {Op.READ_CELL.code(), 9, 0},
            {Op.LOAD_INPUT.code(), 1, 1},
            {Op.LOAD_INPUT.code(), 0, 0x100}, // word, bit beyond ROWS
            {Op.READ_RESULT.code(), 8, 0},
            {Op.WRITE_REG.code(), 0x09, 0},
            {Op.WRITE_REG.code(), Register.ID.index(), 1}, // unknown, read-only
            {Op.WRITE_REG.code(), Register.FRAME_CYCLES.index(), 0},
            {Op.WRITE_REG.code(), Register.FRAME_CYCLES.index(), 4096},
            {Op.WRITE_REG.code(), Offsets.BASE + 8, 1},
            {Op.WRITE_REG.code(), Offsets.BASE, 128},
            {Op.WRITE_REG.code(), Register.WR_MODE.index(), 2},
            {Op.WRITE_REG.code(), Register.GAIN.index(), 0x10000},
            {Op.READ_REG.code(), 0x09, 0},
            {Op.READ_REG.code(), Offsets.BASE + 8, 0},
        };
        for (long[] cmd : bad) {
            Response r = m.execute((int) cmd[0], (int) cmd[1], cmd[2]);
            assertEquals(new Response(Status.BAD_CMD, 0, 2), r, "op " + cmd[0] + " addr 0x" + Long.toHexString(cmd[1]));
            assertEquals(
                    before, snapshot(m), "op " + cmd[0] + " addr 0x" + Long.toHexString(cmd[1]) + " changed state");
        }
        assertEquals(0, m.analog().conversions() - 1, "no BAD_CMD started a conversion");
    }

    @Test
    void backPressureAtEveryResponsePointDelaysButLosesNothing() {
        Macro fast = Macro.create(SMALL, 3);
        Macro slow = Macro.create(SMALL, 3);
        int hold = 57;
        slow.setRspReadyDelay(hold);
        List<java.util.function.Function<Macro, Response>> ops = List.of(
                Macro::nop,
                x -> x.writeCell(1, 1, -1),
                x -> x.readCell(1, 1),
                x -> x.loadInput(0, 0x0F),
                Macro::compute,
                x -> x.readResult(3),
                x -> x.writeReg(Register.C0.index(), 5),
                x -> x.readReg(Register.C0.index()),
                x -> x.execute(9, 0, 0));
        for (var op : ops) {
            Response a = op.apply(fast);
            Response b = op.apply(slow);
            assertEquals(a.status(), b.status());
            assertEquals(a.data(), b.data());
            assertEquals(a.cycles() + hold, b.cycles(), "the stall is exactly the host's delay");
        }
    }

    @Test
    void aWaitingResponseHoldsItsValueAndBlocksTheNextCommand() {
        MramCimMacro p = new MramCimMacro(8, 8);
        var host = new mramcim.model.periphery.HostPins();
        var analog = new mramcim.model.array.AnalogPins(8);
        host.cmdValid = true;
        host.cmdOp = Op.READ_REG.code();
        host.cmdAddr = Register.ID.index();
        p.step(host, analog);
        assertTrue(p.rspValid());
        int data = p.rspData();
        // The host offers a second command while it does not take the first response.
        host.cmdOp = Op.WRITE_REG.code();
        host.cmdAddr = Register.C0.index();
        host.cmdData = 99;
        for (int k = 0; k < 200; k++) {
            assertFalse(p.cmdReady(), "no command is accepted while a response waits");
            p.step(host, analog);
            assertTrue(p.rspValid());
            assertEquals(data, p.rspData());
        }
        assertEquals(0, p.regs().c0(), "the second command was not executed early");
        host.rspReady = true;
        p.step(host, analog); // takes the response
        assertFalse(p.rspValid());
        assertTrue(p.cmdReady());
        p.step(host, analog); // accepts WRITE_REG
        assertEquals(99, p.regs().c0());
    }

    private static void assertResetState(Macro m) {
        MramCimMacro p = m.periphery();
        DigitalPins pins = p.pins();
        assertEquals(Controller.State.IDLE, p.ctrl().state());
        assertEquals(WriteVerifySequencer.State.IDLE, p.wvs().state());
        assertFalse(pins.drvEn || pins.accEn || pins.wrEn || pins.rdEn || pins.wrDir);
        assertEquals(0, pins.accRow + pins.accCol + pins.accBranch + pins.wrAmp);
        assertEquals(0, pins.inVec[0]);
        assertTrue(p.cmdReady());
        assertFalse(p.rspValid());
        assertEquals(Register.FRAME_CYCLES.resetValue(), p.regs().frameCycles());
        assertEquals(Register.GAIN.resetValue(), p.regs().gain());
        for (int c = 0; c < m.config().cols(); c++) {
            assertEquals(0, p.tdc().code(c));
            assertFalse(p.tdc().overflow(c));
            assertEquals(0, p.regs().offset(c));
        }
    }

    /** Presents a command and clocks {@code cycles} edges without waiting for the response. */
    private static void startAndRun(Macro m, Op op, int addr, long data, int cycles) {
        MramCimMacro p = m.periphery();
        var host = new mramcim.model.periphery.HostPins();
        host.cmdValid = true;
        host.cmdOp = op.code();
        host.cmdAddr = addr;
        host.cmdData = data;
        var analogPins = new mramcim.model.array.AnalogPins(m.config().cols());
        for (int k = 0; k < cycles; k++) {
            m.analog().tick(p.pins(), analogPins);
            p.step(host, analogPins);
            host.cmdValid = false;
        }
    }

    @Test
    void resetDuringAWriteVerifyReturnsEveryBlockToItsResetState() {
        Macro m = Macro.create(SMALL, 4);
        m.writeReg(Offsets.BASE + 2, 9);
        m.loadInput(0, 0xFF);
        startAndRun(m, Op.WRITE_CELL, (2 << 8) | 5, 0, 7);
        assertEquals(WriteVerifySequencer.State.PULSE, m.periphery().wvs().state());
        assertTrue(m.periphery().pins().wrEn);
        m.resetCycle();
        assertResetState(m);
        assertEquals(Status.OK, m.writeCell(2, 5, -1).status(), "the macro works after the reset");
    }

    @Test
    void resetDuringAConversionReturnsEveryBlockToItsResetState() {
        Macro m = Macro.create(SMALL, 5);
        m.compute();
        m.writeReg(Register.GAIN.index(), 300);
        m.loadInput(0, 0x81);
        startAndRun(m, Op.COMPUTE, 0, 0, 50);
        assertEquals(Controller.State.CONV, m.periphery().ctrl().state());
        assertTrue(m.periphery().pins().drvEn);
        m.resetCycle();
        assertResetState(m);
        assertEquals(Status.OK, m.compute().status());
    }

    /** The wr_amp of every pulse of one WRITE_CELL, in order, with its direction. */
    private static List<String> pulses(Macro m, int row, int col, int weight) {
        MramCimMacro p = m.periphery();
        var host = new mramcim.model.periphery.HostPins();
        host.cmdValid = true;
        host.cmdOp = Op.WRITE_CELL.code();
        host.cmdAddr = (row << 8) | col;
        host.cmdData = weight > 0 ? 1 : 0;
        host.rspReady = true;
        var analogPins = new mramcim.model.array.AnalogPins(m.config().cols());
        List<String> seen = new ArrayList<>();
        boolean wasWr = false;
        while (true) {
            m.analog().tick(p.pins(), analogPins);
            boolean done = p.rspValid();
            p.step(host, analogPins);
            host.cmdValid = false;
            if (p.pins().wrEn && !wasWr) {
                seen.add((p.pins().accBranch == 0 ? "A" : "B") + (p.pins().wrDir ? "->AP@" : "->P@") + p.pins().wrAmp);
            }
            wasWr = p.pins().wrEn;
            if (done) {
                return seen;
            }
        }
    }

    @Test
    void twoPulseModeStepsTheAmplitudeUntilAHardDeviceSwitches() {
        Macro m = Macro.create(MacroConfig.small(16, 16), 6);
        // The device with the highest critical voltage among the A devices of the die.
        int bestR = 0;
        int bestC = 0;
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                if (m.array().cell(r, c).mtj(0).vCrit()
                        > m.array().cell(bestR, bestC).mtj(0).vCrit()) {
                    bestR = r;
                    bestC = c;
                }
            }
        }
        Mtj hard = m.array().cell(bestR, bestC).mtj(0);
        assertTrue(hard.vCrit() > 0.85, "a hard device exists: " + hard.vCrit());
        List<String> seen = pulses(m, bestR, bestC, -1);
        List<String> aPulses = seen.stream().filter(s -> s.startsWith("A")).toList();
        assertTrue(aPulses.size() >= 3, "several amplitude steps: " + seen);
        for (int k = 0; k < aPulses.size(); k++) {
            assertEquals("A->AP@" + (Register.WR_AMP_START.resetValue() + k), aPulses.get(k));
        }
        assertEquals(MtjState.AP, hard.state());
        assertEquals(-1, m.array().cell(bestR, bestC).weight());
    }

    @Test
    void fourPulseModeAlternatesOppositeAndTargetPulsesAtEachAmplitude() {
        Macro m = Macro.create(SMALL, 7);
        m.writeReg(Register.WR_MODE.index(), 1);
        List<String> seen = pulses(m, 0, 0, -1);
        assertTrue(seen.size() >= 4 && seen.size() % 2 == 0, seen.toString());
        assertEquals("A->P", seen.get(0).substring(0, 4), "first toward the opposite of the target (AP)");
        assertEquals("A->AP", seen.get(1).substring(0, 5), "then toward the target");
        assertEquals(seen.get(0).split("@")[1], seen.get(1).split("@")[1], "both at the same amplitude");
        assertEquals(-1, m.array().cell(0, 0).weight());
    }

    @Test
    void stuckDevicesExhaustTheTriesAndReportCellFailInBothModes() {
        MtjParams mp = SMALL.mtj();
        MacroConfig allStuckAp =
                SMALL.withMtj(new MtjParams(mp.rP(), mp.rPSigma(), mp.tmr0(), mp.tmrSigma(), mp.vHalf(), 0, 1));
        Macro two = Macro.create(allStuckAp, 8);
        two.writeReg(Register.WR_MAX_TRIES.index(), 4);
        // Weight +1: A must go to P (stuck AP: 4 tries, all fail), B must be AP (already: 1 try).
        Response r = two.writeCell(1, 2, 1);
        assertEquals(Status.CELL_FAIL, r.status());
        assertEquals(4 + 1, r.data());
        int w = Register.WR_PULSE.resetValue();
        int rd = Register.RD_CYCLES.resetValue();
        assertEquals(5L * (w + rd) + 3, r.cycles(), "docs/timing.md: pulses x (WR_PULSE + RD_CYCLES) + 3");
        Macro four = Macro.create(allStuckAp, 8);
        four.writeReg(Register.WR_MAX_TRIES.index(), 4);
        four.writeReg(Register.WR_MODE.index(), 1);
        // Four-pulse also catches B: its pulse toward P never shows P, so no try of B succeeds.
        Response f = four.writeCell(1, 2, 1);
        assertEquals(Status.CELL_FAIL, f.status());
        assertEquals(2 * 4 + 2 * 4, f.data());
        Response read = four.readCell(1, 2);
        assertEquals(new Response(Status.CELL_FAIL, 0b11, read.cycles()), read, "both MTJs read AP");
        assertArrayEquals(new int[] {0, 0}, new int[] {
            four.array().cell(1, 2).weight(), two.array().cell(1, 2).weight()
        });
    }
}
