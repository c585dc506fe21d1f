package mramcim.model.periphery;

/**
 * The controller (SPEC section 5): accepts a command when idle, answers the immediate ones at once,
 * runs a conversion frame for COMPUTE (drv_en high for FRAME_CYCLES cycles, then waits for the TDC
 * bank's results) and hands cell operations to the write-verify sequencer.
 */
public final class Controller {

    /** Controller states, in the RTL's encoding order. */
    public enum State {
        IDLE,
        CONV,
        CONV_WAIT,
        CELL
    }

    private State state = State.IDLE;
    private boolean drvEn;
    private int frameCnt;

    public void reset() {
        state = State.IDLE;
        drvEn = false;
        frameCnt = 0;
    }

    /**
     * One rising edge.
     *
     * @param startCompute a valid COMPUTE is accepted at this edge
     * @param startCell a valid WRITE_CELL or READ_CELL is accepted at this edge
     * @param frameCycles the FRAME_CYCLES register
     * @param tdcDone the TDC bank's {@code done}, current value
     * @param seqDone the sequencer's {@code done}, current value
     * @return true when this edge ends a COMPUTE or cell operation (the caller responds)
     */
    public boolean clock(boolean startCompute, boolean startCell, int frameCycles, boolean tdcDone, boolean seqDone) {
        switch (state) {
            case IDLE -> {
                if (startCompute) {
                    drvEn = true;
                    frameCnt = 1;
                    state = State.CONV;
                } else if (startCell) {
                    state = State.CELL;
                }
                return false;
            }
            case CONV -> {
                if (frameCnt == frameCycles) {
                    drvEn = false;
                    state = State.CONV_WAIT;
                } else {
                    frameCnt++;
                }
                return false;
            }
            case CONV_WAIT -> {
                if (tdcDone) {
                    state = State.IDLE;
                    return true;
                }
                return false;
            }
            case CELL -> {
                if (seqDone) {
                    state = State.IDLE;
                    return true;
                }
                return false;
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    public State state() {
        return state;
    }

    public boolean idle() {
        return state == State.IDLE;
    }

    /** {@code drv_en}. */
    public boolean drvEn() {
        return drvEn;
    }

    /** Frame cycle counter (for waveforms). */
    public int frameCnt() {
        return frameCnt;
    }
}
