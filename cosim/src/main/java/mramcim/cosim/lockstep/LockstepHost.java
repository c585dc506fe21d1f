package mramcim.cosim.lockstep;

import mramcim.model.config.MacroConfig;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Response;
import mramcim.model.periphery.HostPins;
import mramcim.spec.Status;

/**
 * Host commands executed on the Verilated RTL in lockstep with the Java model: the host reacts to
 * the RTL's {@code cmd_ready}, {@code rsp_valid} and response, and every cycle of every command is
 * compared pin by pin. The first difference throws {@link LockstepDivergedException}, so a host
 * program (calibration, a workload) that finishes has run on the RTL with the model agreeing.
 *
 * <p>The command handshake is {@code Macro.execute}'s, cycle for cycle: a command sequence gives the
 * same conversions, pulses and results on either port.
 */
public final class LockstepHost implements HostPort {

    private final Lockstep lockstep;
    private final HostPins pins = new HostPins();

    private LockstepHost(Lockstep lockstep) {
        this.lockstep = lockstep;
    }

    /** A host on {@code lockstep}, with the timing registers programmed as {@code Macro.create} does. */
    public static LockstepHost on(Lockstep lockstep) {
        LockstepHost h = new LockstepHost(lockstep);
        h.programTiming();
        return h;
    }

    @Override
    public MacroConfig config() {
        return lockstep.config();
    }

    /** The lockstep underneath (cycles, the arrays of both sides). */
    public Lockstep lockstep() {
        return lockstep;
    }

    @Override
    public Response execute(int op, int addr, long data) {
        long start = lockstep.cycle();
        pins.cmdValid = true;
        pins.cmdOp = op;
        pins.cmdAddr = addr;
        pins.cmdData = data;
        pins.rspReady = false;
        boolean accepted = false;
        while (!accepted) {
            accepted = lockstep.rtlValue(Signal.CMD_READY) != 0;
            edge();
        }
        pins.cmdValid = false;
        while (lockstep.rtlValue(Signal.RSP_VALID) == 0) {
            edge();
        }
        Status status = Status.of((int) lockstep.rtlValue(Signal.RSP_STATUS));
        int rsp = (int) lockstep.rtlValue(Signal.RSP_DATA);
        pins.rspReady = true;
        edge();
        pins.rspReady = false;
        return new Response(status, rsp, lockstep.cycle() - start);
    }

    private void edge() {
        lockstep.step(pins);
        Divergence d = lockstep.compare();
        if (d != null) {
            throw new LockstepDivergedException(d);
        }
    }
}
