package mramcim.model.periphery;

import mramcim.model.array.AnalogPins;
import mramcim.model.array.DigitalPins;
import mramcim.spec.CellAddress;
import mramcim.spec.HostBus;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.ResultWord;
import mramcim.spec.Status;

/**
 * The digital periphery, cycle-accurate and bit-exact with the RTL top of the same name (SPEC
 * section 5). {@link #step} is one rising clock edge: every register takes its next value from the
 * current registers and the inputs sampled at the edge (host pins, {@code cmp}, {@code rd_bit});
 * afterwards {@link #pins()} and the host-side getters show the outputs of the next cycle. All
 * outputs are functions of registers only.
 *
 * <p>Blocks, as in the RTL: {@code host} ({@link HostInterface}), {@code ctrl} ({@link
 * Controller}), {@code wvs} ({@link WriteVerifySequencer}), {@code inputs} ({@link InputRegister}),
 * {@code tdc} ({@link TdcBank}), {@code regs} ({@link RegisterFile}), and the combinational {@link
 * Converter} and {@link OffsetCorrector}.
 */
public final class MramCimMacro {

    private final int rows;
    private final int cols;
    private final HostInterface host = new HostInterface();
    private final Controller ctrl = new Controller();
    private final WriteVerifySequencer wvs = new WriteVerifySequencer();
    private final InputRegister inputs;
    private final TdcBank tdc;
    private final RegisterFile regs;
    private final DigitalPins pins;

    public MramCimMacro(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.inputs = new InputRegister(rows);
        this.tdc = new TdcBank(cols);
        this.regs = new RegisterFile(rows, cols);
        this.pins = new DigitalPins(rows);
        updatePins();
    }

    /** Synchronous reset: every block back to its reset state. */
    public void reset() {
        host.reset();
        ctrl.reset();
        wvs.reset();
        inputs.reset();
        tdc.reset();
        regs.reset();
        updatePins();
    }

    /** A decoded command: whether it is legal, and the response of an immediate op. */
    private record Decoded(boolean legal, Op op, int row, int col, Status status, int data) {}

    private Decoded decode(HostPins h) {
        Op op = Op.of(h.cmdOp);
        int addr = HostBus.addr(h.cmdAddr);
        int row = CellAddress.row(addr);
        int col = CellAddress.col(addr);
        if (op == null) {
            return bad(op);
        }
        switch (op) {
            case NOP, COMPUTE:
                return new Decoded(true, op, 0, 0, Status.OK, 0);
            case WRITE_CELL:
                if (row >= rows || col >= cols || (h.cmdData & ~1L) != 0) {
                    return bad(op);
                }
                return new Decoded(true, op, row, col, Status.OK, 0);
            case READ_CELL:
                if (row >= rows || col >= cols) {
                    return bad(op);
                }
                return new Decoded(true, op, row, col, Status.OK, 0);
            case LOAD_INPUT:
                if (!InputRegister.legal(rows, addr, h.cmdData)) {
                    return bad(op);
                }
                return new Decoded(true, op, 0, 0, Status.OK, 0);
            case READ_RESULT: {
                if (addr >= cols) {
                    return bad(op);
                }
                long raw = Converter.dpRaw(rows, tdc.code(addr), regs.c0(), regs.gain());
                int dp = OffsetCorrector.correct(rows, raw, regs.offset(addr));
                int data = ResultWord.encode(dp, tdc.code(addr));
                return new Decoded(true, op, 0, 0, tdc.overflow(addr) ? Status.OVERFLOW : Status.OK, data);
            }
            case WRITE_REG:
                if (!Register.writeLegal(addr, h.cmdData, cols)) {
                    return bad(op);
                }
                return new Decoded(true, op, 0, 0, Status.OK, 0);
            case READ_REG:
                if (!Register.readable(addr, cols)) {
                    return bad(op);
                }
                return new Decoded(true, op, 0, 0, Status.OK, regs.read(addr));
            default:
                throw new IllegalStateException(op.toString());
        }
    }

    private static Decoded bad(Op op) {
        return new Decoded(false, op, 0, 0, Status.BAD_CMD, 0);
    }

    /**
     * One rising edge.
     *
     * @param h the host pins sampled at this edge
     * @param a the analog pins sampled at this edge ({@code cmp}, {@code rd_bit})
     */
    public void step(HostPins h, AnalogPins a) {
        boolean accept = h.cmdValid && cmdReady();
        Decoded d = accept ? decode(h) : null;
        Op op = d != null && d.legal() ? d.op() : null;
        boolean immediate = d != null
                && (!d.legal()
                        || op == Op.NOP
                        || op == Op.LOAD_INPUT
                        || op == Op.READ_RESULT
                        || op == Op.WRITE_REG
                        || op == Op.READ_REG);
        boolean tdcDone = tdc.done();
        boolean seqDone = wvs.done();
        Status seqStatus = wvs.resultFail() ? Status.CELL_FAIL : Status.OK;
        int seqData = wvs.resultData();
        int overflowCount = tdc.overflowCount();
        boolean drvEn = ctrl.drvEn();
        int frameCycles = regs.frameCycles();
        boolean converting = ctrl.state() == Controller.State.CONV_WAIT;

        boolean finished =
                ctrl.clock(op == Op.COMPUTE, op == Op.WRITE_CELL || op == Op.READ_CELL, frameCycles, tdcDone, seqDone);
        wvs.clock(
                a.rdBit,
                regs,
                op == Op.WRITE_CELL,
                op == Op.READ_CELL,
                d == null ? 0 : d.row(),
                d == null ? 0 : d.col(),
                (h.cmdData & 1) == 1);
        tdc.clock(drvEn, a.cmp);
        if (op == Op.LOAD_INPUT) {
            inputs.load(HostBus.addr(h.cmdAddr), h.cmdData);
        }
        if (op == Op.WRITE_REG) {
            regs.write(HostBus.addr(h.cmdAddr), h.cmdData);
        }
        if (immediate) {
            host.clock(h.rspReady, true, d.status(), d.data());
        } else if (finished) {
            if (converting) {
                host.clock(h.rspReady, true, overflowCount > 0 ? Status.OVERFLOW : Status.OK, overflowCount);
            } else {
                host.clock(h.rspReady, true, seqStatus, seqData);
            }
        } else {
            host.clock(h.rspReady, false, Status.OK, 0);
        }
        updatePins();
    }

    private void updatePins() {
        long[] bits = inputs.bits();
        for (int w = 0; w < pins.inVec.length; w++) { // a word or two: cheaper than arraycopy's stub
            pins.inVec[w] = bits[w];
        }
        pins.drvEn = ctrl.drvEn();
        pins.accEn = wvs.accEn();
        pins.accRow = wvs.accRow();
        pins.accCol = wvs.accCol();
        pins.accBranch = wvs.accBranch();
        pins.wrEn = wvs.wrEn();
        pins.wrDir = wvs.wrDir();
        pins.wrAmp = wvs.wrAmp();
        pins.rdEn = wvs.rdEn();
    }

    /** The analog boundary outputs of the present cycle (SPEC section 4). Do not modify. */
    public DigitalPins pins() {
        return pins;
    }

    /** {@code cmd_ready}. */
    public boolean cmdReady() {
        return host.cmdReady(ctrl.idle());
    }

    /** {@code rsp_valid}. */
    public boolean rspValid() {
        return host.rspValid();
    }

    /** {@code rsp_status}. */
    public int rspStatus() {
        return host.rspStatus();
    }

    /** {@code rsp_data}. */
    public int rspData() {
        return host.rspData();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Controller ctrl() {
        return ctrl;
    }

    public WriteVerifySequencer wvs() {
        return wvs;
    }

    public TdcBank tdc() {
        return tdc;
    }

    public RegisterFile regs() {
        return regs;
    }

    public InputRegister inputs() {
        return inputs;
    }
}
