package mramcim.verification.coverage;

import java.util.ArrayDeque;
import java.util.Deque;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.Signal;
import mramcim.model.macro.Response;
import mramcim.model.periphery.Controller;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.RegisterFile;
import mramcim.model.periphery.WriteVerifySequencer;
import mramcim.spec.HostBus;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.ResultWord;
import mramcim.spec.Status;
import mramcim.spec.WriteVerify;

/**
 * Samples coverage from a lockstep after every edge. Host-side and analog-boundary coverpoints are
 * taken from the design's pins as the lockstep observes them (the RTL's on the cycle engine; on the
 * batched engines the model's, which the RTL is checked against edge for edge); the TDC code comes from the RTL's
 * READ_RESULT data; the controller state at a reset, which no pin shows, from the Java model. Since
 * the lockstep stops at the first divergence, both sides agree on everything sampled.
 *
 * <p>Handshakes are seen as the RTL saw them at the edge: the host pins of the edge against the
 * RTL's outputs of the cycle before it.
 */
public final class CoverageCollector implements CycleListener {

    private final CoverageModel model;
    private final Coverage coverage;
    private final int cols;
    private final Deque<int[]> pending = new ArrayDeque<>();
    private boolean prevCmdReady;
    private boolean prevRspValid;
    private int prevStatus;
    private long prevData;
    private boolean heldThisResponse;
    private Controller.State prevCtrl = Controller.State.IDLE;
    private WriteVerifySequencer.State prevWvs = WriteVerifySequencer.State.IDLE;

    /** Counts into a fresh {@link CoverageModel#declare()} of {@code model}. */
    public CoverageCollector(CoverageModel model, int cols) {
        this.model = model;
        this.coverage = model.declare();
        this.cols = cols;
    }

    /** The counts so far. */
    public Coverage coverage() {
        flushAmplitudes();
        return coverage;
    }

    /*
     * Cycles with wr_en high, by wr_amp: counted in an array and added to the coverage when it is
     * read, since a bin name and two map look-ups per write cycle were a tenth of the batched
     * engine's Java time in a regression.
     */
    private final long[] amplitudeCycles = new long[WriteVerify.MAX_AMP + 1];

    private void flushAmplitudes() {
        for (int a = 0; a < amplitudeCycles.length; a++) {
            if (amplitudeCycles[a] > 0) {
                coverage.hit(CoverageModel.AMPLITUDE, CoverageModel.amplitudeBin(a), amplitudeCycles[a]);
                amplitudeCycles[a] = 0;
            }
        }
    }

    @Override
    public void afterEdge(Lockstep ls, long cycle) {
        if (ls.lastEdgeReset()) {
            coverage.hit(CoverageModel.RESET, prevCtrl.name());
            coverage.hit(CoverageModel.RESET_SEQUENCER, prevWvs.name());
            pending.clear();
            heldThisResponse = false;
        } else {
            HostPins h = ls.lastHost();
            if (prevRspValid && !pending.isEmpty()) {
                int[] cmd = pending.peekFirst();
                if (h.rspReady) {
                    pending.removeFirst();
                    heldThisResponse = false;
                    response(cmd[0], cmd[1], prevStatus, prevData, ls.model().regs());
                } else if (!heldThisResponse) {
                    heldThisResponse = true;
                    coverage.hit(CoverageModel.BACK_PRESSURE, CoverageModel.opName(cmd[0]));
                }
            }
            if (h.cmdValid && prevCmdReady) {
                pending.addLast(new int[] {HostBus.op(h.cmdOp), HostBus.addr(h.cmdAddr)});
            }
        }
        if (ls.observed(Signal.WR_EN) != 0) {
            amplitudeCycles[(int) ls.observed(Signal.WR_AMP)]++;
        }
        prevCmdReady = ls.observed(Signal.CMD_READY) != 0;
        prevRspValid = ls.observed(Signal.RSP_VALID) != 0;
        prevStatus = (int) ls.observed(Signal.RSP_STATUS);
        prevData = ls.observed(Signal.RSP_DATA);
        prevCtrl = ls.model().ctrl().state();
        prevWvs = ls.model().wvs().state();
    }

    private void response(int op, int addr, int status, long data, RegisterFile regs) {
        String pair = model.opStatus(op, status);
        if (pair != null) {
            coverage.hit(CoverageModel.OP_STATUS, pair);
        }
        Status s = Status.of(status);
        if (op == Op.COMPUTE.code() && s == Status.OVERFLOW) {
            coverage.hit(CoverageModel.OVERFLOW, "COMPUTE with saturated columns");
        }
        if (op == Op.READ_RESULT.code() && (s == Status.OK || s == Status.OVERFLOW) && addr < cols) {
            coverage.hit(CoverageModel.DP, model.dpBin(addr, ResultWord.dp(data)));
            coverage.hit(CoverageModel.TDC, model.codeBin(Response.codeOf((int) data)));
            if (s == Status.OVERFLOW) {
                coverage.hit(CoverageModel.OVERFLOW, "READ_RESULT of a saturated column");
            }
            coverage.hit(CoverageModel.TDC_COLUMN, model.tdcColumnBin(addr, Response.codeOf((int) data)));
        }
        corners(op, s, (int) data, regs);
    }

    /**
     * The register corners a response was made under (the registers hold until the next command).
     */
    private void corners(int op, Status s, int data, RegisterFile regs) {
        if (op == Op.COMPUTE.code() && (s == Status.OK || s == Status.OVERFLOW)) {
            int f = regs.frameCycles();
            coverage.hit(
                    CoverageModel.CORNER,
                    f <= 3
                            ? "COMPUTE at FRAME_CYCLES 1..3"
                            : f < CoverageModel.LATE_CODE
                                    ? "COMPUTE at FRAME_CYCLES 4..255"
                                    : f < Register.FRAME_CYCLES.max()
                                            ? "COMPUTE at FRAME_CYCLES 256..4094"
                                            : "COMPUTE at FRAME_CYCLES 4095");
        }
        if (op == Op.WRITE_CELL.code() && (s == Status.OK || s == Status.CELL_FAIL)) {
            coverage.hit(CoverageModel.PULSES, model.pulseBin(data));
            coverage.hit(
                    CoverageModel.CORNER,
                    "WRITE_CELL " + (regs.wrMode() == 0 ? "two-pulse" : "four-pulse") + " / " + s.name());
            if (regs.wrPulse() >= CoverageModel.LONG_CYCLES) {
                coverage.hit(CoverageModel.CORNER, "WRITE_CELL at WR_PULSE >= 64");
            }
            if (regs.wrMaxTries() == 1 || regs.wrMaxTries() == Register.WR_MAX_TRIES.max()) {
                coverage.hit(CoverageModel.CORNER, "WRITE_CELL at WR_MAX_TRIES " + regs.wrMaxTries());
            }
            if (regs.wrAmpStart() == WriteVerify.MAX_AMP) {
                coverage.hit(CoverageModel.CORNER, "WRITE_CELL at WR_AMP_START 15");
            }
        }
        if (op == Op.READ_CELL.code()
                && (s == Status.OK || s == Status.CELL_FAIL)
                && regs.rdCycles() >= CoverageModel.LONG_CYCLES) {
            coverage.hit(CoverageModel.CORNER, "READ_CELL at RD_CYCLES >= 64");
        }
    }
}
