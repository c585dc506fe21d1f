package mramcim.model.periphery;

import mramcim.spec.ReadCellWord;
import mramcim.spec.WriteVerify;

/**
 * Drives the data-line pins for WRITE_CELL and READ_CELL (SPEC section 5, "Write-verify
 * sequencer").
 *
 * <p>WRITE_CELL writes MTJ A, then MTJ B, each by write-verify. Two-pulse mode: pulse toward the
 * target, read, and retry at the next amplitude until the read shows the target or WR_MAX_TRIES
 * reads or amplitude 15 is reached. Four-pulse mode (seed 004 Fig. 2b): pulse toward the opposite
 * state, read, pulse toward the target, read; a try succeeds only if the first read shows the
 * opposite and the second the target. A pulse holds {@code wr_en} for WR_PULSE cycles, a read holds
 * {@code rd_en} for RD_CYCLES cycles and samples {@code rd_bit} at its last edge; the first cycle
 * of the next pulse follows at once. READ_CELL reads A, leaves one cycle with {@code rd_en} low
 * (the sense amplifier senses on a rising {@code rd_en}), then reads B. {@code done} pulses for one
 * cycle with the result.
 */
public final class WriteVerifySequencer {

    /** Sequencer states, in the RTL's encoding order. */
    public enum State {
        IDLE,
        PULSE,
        VERIFY,
        READ_A,
        GAP,
        READ_B
    }

    private State state;
    private boolean accEn;
    private int accRow;
    private int accCol;
    private int accBranch;
    private boolean wrEn;
    private boolean wrDir;
    private int wrAmp;
    private boolean rdEn;
    private boolean weightPlus;
    private int amp;
    private int tries;
    private int pulses;
    private int cnt;
    private boolean fourPulsePhaseTarget;
    private boolean firstReadOk;
    private boolean failA;
    private boolean readA;
    private boolean done;
    private boolean resultFail;
    private int resultData;

    public WriteVerifySequencer() {
        reset();
    }

    public void reset() {
        state = State.IDLE;
        accEn = false;
        accRow = 0;
        accCol = 0;
        accBranch = 0;
        wrEn = false;
        wrDir = false;
        wrAmp = 0;
        rdEn = false;
        weightPlus = false;
        amp = 0;
        tries = 0;
        pulses = 0;
        cnt = 0;
        fourPulsePhaseTarget = false;
        firstReadOk = false;
        failA = false;
        readA = false;
        done = false;
        resultFail = false;
        resultData = 0;
    }

    /**
     * Whether MTJ {@code branch} must end in AP for the weight being written (+1: A in P, B in AP).
     */
    private boolean targetAp(int branch) {
        return branch == 0 ? !weightPlus : weightPlus;
    }

    /**
     * One rising edge.
     *
     * @param rdBit the {@code rd_bit} sampled at this edge
     * @param regs the register file (current values)
     * @param startWrite a WRITE_CELL is accepted at this edge
     * @param startRead a READ_CELL is accepted at this edge
     * @param row its row
     * @param col its column
     * @param weightBit its {@code data[0]}: 1 for weight +1
     */
    public void clock(
            boolean rdBit,
            RegisterFile regs,
            boolean startWrite,
            boolean startRead,
            int row,
            int col,
            boolean weightBit) {
        done = false;
        boolean four = regs.wrMode() == 1;
        if (startWrite) {
            accEn = true;
            accRow = row;
            accCol = col;
            accBranch = 0;
            weightPlus = weightBit;
            amp = regs.wrAmpStart();
            tries = 0;
            pulses = 0;
            failA = false;
            fourPulsePhaseTarget = !four;
            startPulse(four ? !targetAp(0) : targetAp(0));
            return;
        }
        if (startRead) {
            accEn = true;
            accRow = row;
            accCol = col;
            accBranch = 0;
            rdEn = true;
            cnt = 1;
            state = State.READ_A;
            return;
        }
        switch (state) {
            case IDLE -> {}
            case PULSE -> {
                if (cnt == regs.wrPulse()) {
                    wrEn = false;
                    rdEn = true;
                    cnt = 1;
                    state = State.VERIFY;
                } else {
                    cnt++;
                }
            }
            case VERIFY -> {
                if (cnt == regs.rdCycles()) {
                    rdEn = false;
                    verify(rdBit, regs, four);
                } else {
                    cnt++;
                }
            }
            case READ_A -> {
                if (cnt == regs.rdCycles()) {
                    readA = rdBit;
                    rdEn = false;
                    accBranch = 1;
                    state = State.GAP;
                } else {
                    cnt++;
                }
            }
            case GAP -> {
                rdEn = true;
                cnt = 1;
                state = State.READ_B;
            }
            case READ_B -> {
                if (cnt == regs.rdCycles()) {
                    rdEn = false;
                    accEn = false;
                    accBranch = 0;
                    finish(readA == rdBit, ReadCellWord.encode(readA, rdBit));
                } else {
                    cnt++;
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void verify(boolean rdBit, RegisterFile regs, boolean four) {
        boolean tAp = targetAp(accBranch);
        if (!fourPulsePhaseTarget) {
            // Four-pulse, first half: the read must show the opposite state; then pulse toward the
            // target.
            firstReadOk = rdBit == !tAp;
            fourPulsePhaseTarget = true;
            startPulse(tAp);
            return;
        }
        tries++;
        boolean ok = rdBit == tAp && (!four || firstReadOk);
        if (ok) {
            finishMtj(false, regs, four);
        } else if (tries == regs.wrMaxTries() || amp == WriteVerify.MAX_AMP) {
            finishMtj(true, regs, four);
        } else {
            amp++;
            fourPulsePhaseTarget = !four;
            startPulse(four ? !tAp : tAp);
        }
    }

    private void finishMtj(boolean failed, RegisterFile regs, boolean four) {
        if (accBranch == 0) {
            failA = failed;
            accBranch = 1;
            amp = regs.wrAmpStart();
            tries = 0;
            fourPulsePhaseTarget = !four;
            startPulse(four ? !targetAp(1) : targetAp(1));
        } else {
            accEn = false;
            accBranch = 0;
            finish(failA || failed, pulses);
        }
    }

    private void startPulse(boolean towardAp) {
        wrEn = true;
        wrDir = towardAp;
        wrAmp = amp;
        cnt = 1;
        pulses++;
        state = State.PULSE;
    }

    private void finish(boolean fail, int data) {
        state = State.IDLE;
        done = true;
        resultFail = fail;
        resultData = data;
    }

    public State state() {
        return state;
    }

    public boolean accEn() {
        return accEn;
    }

    public int accRow() {
        return accRow;
    }

    public int accCol() {
        return accCol;
    }

    public int accBranch() {
        return accBranch;
    }

    public boolean wrEn() {
        return wrEn;
    }

    public boolean wrDir() {
        return wrDir;
    }

    public int wrAmp() {
        return wrAmp;
    }

    public boolean rdEn() {
        return rdEn;
    }

    /**
     * One-cycle pulse: the operation finished; {@link #resultFail} and {@link #resultData} hold its
     * result.
     */
    public boolean done() {
        return done;
    }

    /** CELL_FAIL of the finished operation. */
    public boolean resultFail() {
        return resultFail;
    }

    /**
     * Response data of the finished operation: pulses used (write) or bit0 = A, bit1 = B (read).
     */
    public int resultData() {
        return resultData;
    }

    /** Amplitude code of the present try. */
    public int amp() {
        return amp;
    }

    /** Reads evaluated for the present MTJ. */
    public int tries() {
        return tries;
    }
}
