package mramcim.model.macro;

import mramcim.model.array.AnalogArray;
import mramcim.model.array.AnalogFrontEnd;
import mramcim.model.array.AnalogPins;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.MramCimMacro;
import mramcim.spec.Register;

/**
 * The macro as a host sees it: one fabricated analog array behind the cycle-accurate periphery,
 * driven through host commands only, cycle by cycle. Every operation reports the cycles it took.
 *
 * <p>On creation the timing registers are programmed from the configuration (FRAME_CYCLES, WR_PULSE
 * = pulse width / T_clk, RD_CYCLES), so a preset with another clock works as it is.
 */
public final class Macro implements HostPort {

    private final MacroConfig config;
    private final AnalogArray array;
    private final AnalogFrontEnd analog;
    private final MramCimMacro periphery;
    private final HostPins host = new HostPins();
    private final HostDriver driver = new HostDriver(host);

    /** The periphery's side of the handshake, for the driver. */
    private final HostDriver.Bus bus = new HostDriver.Bus() {
        @Override
        public boolean cmdReady() {
            return periphery.cmdReady();
        }

        @Override
        public boolean rspValid() {
            return periphery.rspValid();
        }

        @Override
        public int rspStatus() {
            return periphery.rspStatus();
        }

        @Override
        public int rspData() {
            return periphery.rspData();
        }

        @Override
        public void edge() {
            clock();
        }

        @Override
        public long cycle() {
            return cycle;
        }
    };

    private final AnalogPins analogPins;
    private long cycle;
    private int rspReadyDelay;

    private Macro(MacroConfig config, long seed) {
        this.config = config;
        this.array = AnalogArray.fabricate(config, seed);
        this.analog = AnalogFrontEnd.of(array);
        this.periphery = new MramCimMacro(config.rows(), config.cols());
        this.analogPins = new AnalogPins(config.cols());
        programTiming();
    }

    /** A macro on the die of {@code config} selected by {@code seed}. */
    public static Macro create(MacroConfig config, long seed) {
        return new Macro(config, seed);
    }

    /**
     * WR_PULSE for the configured pulse width: round(pulseWidth / T_clk), within the register's
     * range.
     */
    public static int wrPulseCycles(MacroConfig config) {
        long n = Math.round(config.write().pulseWidth() / config.timing().tClk());
        if (!Register.WR_PULSE.legal(n)) {
            throw new IllegalArgumentException("write.pulseWidth / timing.tClk = "
                    + n
                    + " cycles is out of range: allowed "
                    + Register.WR_PULSE.min()
                    + ".."
                    + Register.WR_PULSE.max());
        }
        return (int) n;
    }

    @Override
    public MacroConfig config() {
        return config;
    }

    public AnalogArray array() {
        return array;
    }

    public MramCimMacro periphery() {
        return periphery;
    }

    public AnalogFrontEnd analog() {
        return analog;
    }

    /** Clock edges so far. */
    public long cycle() {
        return cycle;
    }

    /**
     * Back-pressure: the host keeps {@code rsp_ready} low for this many cycles after a response
     * appears before taking it.
     */
    public void setRspReadyDelay(int cycles) {
        this.rspReadyDelay = cycles;
    }

    /**
     * One clock edge: the analog array sees the pins of the last cycle, then the periphery steps.
     */
    public void clock() {
        analog.tick(periphery.pins(), analogPins);
        periphery.step(host, analogPins);
        cycle++;
    }

    /** One clock edge with the synchronous reset asserted. */
    public void resetCycle() {
        analog.tick(periphery.pins(), analogPins);
        periphery.reset();
        cycle++;
    }

    @Override
    public Response execute(int op, int addr, long data) {
        return driver.execute(bus, op, addr, data, rspReadyDelay);
    }
}
