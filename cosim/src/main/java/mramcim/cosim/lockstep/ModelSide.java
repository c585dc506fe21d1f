package mramcim.cosim.lockstep;

import mramcim.model.array.AnalogArray;
import mramcim.model.array.AnalogFrontEnd;
import mramcim.model.array.AnalogPins;
import mramcim.model.array.DigitalPins;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.HostPins;
import mramcim.model.periphery.MramCimMacro;
import mramcim.spec.HostBus;

/**
 * The Java half of a lockstep: the cycle-accurate periphery and its own analog array. Also run on
 * its own by {@code mramcim bench} to measure what the Java model costs per cycle.
 *
 * <p>Order within one cycle: the analog array sees the periphery's pins of the previous cycle and
 * answers {@code cmp} and {@code rd_bit}; then the clock edge samples the host pins and those
 * answers.
 */
public final class ModelSide {

    private final MramCimMacro macro;
    private final AnalogFrontEnd analog;
    private final AnalogPins answers;

    private ModelSide(MacroConfig config, long seed) {
        this.macro = new MramCimMacro(config.rows(), config.cols());
        this.analog = AnalogFrontEnd.of(AnalogArray.fabricate(config, seed));
        this.answers = new AnalogPins(config.cols());
    }

    /** The periphery model and the array of {@code seed}, from reset. */
    public static ModelSide of(MacroConfig config, long seed) {
        return new ModelSide(config, seed);
    }

    /** One clock edge with host pins {@code h}. */
    public void step(HostPins h) {
        analog.tick(macro.pins(), answers);
        macro.step(h, answers);
    }

    /** One clock edge with the synchronous reset asserted. */
    public void reset() {
        analog.tick(macro.pins(), answers);
        macro.reset();
    }

    /** The periphery model. */
    public MramCimMacro macro() {
        return macro;
    }

    /** The analog array and its readout state. */
    public AnalogFrontEnd analog() {
        return analog;
    }

    /** The array's answers of the last edge ({@code cmp}, {@code rd_bit}). Do not modify. */
    public AnalogPins answers() {
        return answers;
    }

    /**
     * The model's value of a signal of at most 64 bits, as the RTL port of the same name carries
     * it. {@link Signal#IN_VEC} and {@link Signal#CMP} are vectors: use {@link #words}.
     */
    public long value(Signal s) {
        DigitalPins d = macro.pins();
        return switch (s) {
            case CMD_READY -> b(macro.cmdReady());
            case RSP_VALID -> b(macro.rspValid());
            case RSP_STATUS -> macro.rspStatus();
            case RSP_DATA -> HostBus.rspData(macro.rspData());
            case DRV_EN -> b(d.drvEn);
            case ACC_EN -> b(d.accEn);
            case ACC_ROW -> d.accRow;
            case ACC_COL -> d.accCol;
            case ACC_BRANCH -> d.accBranch;
            case WR_EN -> b(d.wrEn);
            case WR_DIR -> b(d.wrDir);
            case WR_AMP -> d.wrAmp;
            case RD_EN -> b(d.rdEn);
            case RD_BIT -> b(answers.rdBit);
            case IN_VEC, CMP -> throw new IllegalArgumentException(s.port() + " is a vector: use words()");
        };
    }

    /**
     * The model's value of any signal as little-endian 64-bit words. For the vectors this is the
     * model's own array, not a copy (no allocation per cycle): do not modify.
     */
    public long[] words(Signal s) {
        return switch (s) {
            case IN_VEC -> macro.pins().inVec;
            case CMP -> answers.cmp;
            default -> new long[] {value(s)};
        };
    }

    private static long b(boolean x) {
        return x ? 1 : 0;
    }
}
