package mramcim.cosim.lockstep;

import mramcim.model.config.MacroConfig;
import mramcim.model.macro.HostDriver;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Response;
import mramcim.model.periphery.HostPins;

/**
 * Host commands executed on the Verilated RTL in lockstep with the Java model: the host reacts to
 * the RTL's {@code cmd_ready}, {@code rsp_valid} and response, and every cycle of every command is
 * compared pin by pin. The first difference throws {@link LockstepDivergedException}, so a host
 * program (calibration, a workload) that finishes has run on the RTL with the model agreeing.
 *
 * <p>The command handshake is {@link HostDriver}'s, the one {@code Macro} uses, cycle for cycle: a
 * command sequence gives the same conversions, pulses and results on either port.
 *
 * <p>On a batched lockstep the host reacts to the model's handshake ({@link Lockstep#observed}),
 * and every command ends with the RTL running the command's edges ({@link Lockstep#sync()}): a
 * command whose edges differ anywhere throws before its response is returned, with the same
 * divergence the cycle engine reports.
 */
public final class LockstepHost implements HostPort {

    private final Lockstep lockstep;
    private final HostPins pins = new HostPins();
    private final HostDriver driver = new HostDriver(pins);

    /** The RTL's side of the handshake: the host reacts to the RTL, and every edge is compared. */
    private final HostDriver.Bus bus = new HostDriver.Bus() {
        @Override
        public boolean cmdReady() {
            return lockstep.observed(Signal.CMD_READY) != 0;
        }

        @Override
        public boolean rspValid() {
            return lockstep.observed(Signal.RSP_VALID) != 0;
        }

        @Override
        public int rspStatus() {
            return (int) lockstep.observed(Signal.RSP_STATUS);
        }

        @Override
        public int rspData() {
            return (int) lockstep.observed(Signal.RSP_DATA);
        }

        @Override
        public void edge() {
            LockstepHost.this.edge();
        }

        @Override
        public long cycle() {
            return lockstep.cycle();
        }
    };

    private LockstepHost(Lockstep lockstep) {
        this.lockstep = lockstep;
    }

    /**
     * A host on {@code lockstep}, with the timing registers programmed as {@code Macro.create}
     * does.
     */
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
        Response r = driver.execute(bus, op, addr, data, 0);
        Lockstep.Failure f = lockstep.sync();
        if (f != null) {
            if (f.halt() != null) {
                throw f.halt();
            }
            throw new LockstepDivergedException(f.divergence());
        }
        return r;
    }

    private void edge() {
        lockstep.step(pins);
        if (lockstep.engine() == Engine.CYCLE) {
            Divergence d = lockstep.compare();
            if (d != null) {
                throw new LockstepDivergedException(d);
            }
        }
    }
}
