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

    /**
     * Every scalar signal's value after the last edge, by {@link Signal} ordinal: read once per
     * edge, so the comparison and the batched engines' recording each read an array instead of
     * asking the blocks again (issue 21).
     */
    private final long[] values = new long[Signal.values().length];

    private ModelSide(MacroConfig config, long seed) {
        this.macro = new MramCimMacro(config.rows(), config.cols());
        this.analog = AnalogFrontEnd.of(AnalogArray.fabricate(config, seed));
        this.answers = new AnalogPins(config.cols());
        capture();
    }

    /** The periphery model and the array of {@code seed}, from reset. */
    public static ModelSide of(MacroConfig config, long seed) {
        return new ModelSide(config, seed);
    }

    /** One clock edge with host pins {@code h}. */
    public void step(HostPins h) {
        analog.tick(macro.pins(), answers);
        macro.step(h, answers);
        capture();
    }

    /** One clock edge with the synchronous reset asserted. */
    public void reset() {
        analog.tick(macro.pins(), answers);
        macro.reset();
        capture();
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
        if (s.vector()) {
            throw new IllegalArgumentException(s.port() + " is a vector: use words()");
        }
        return values[s.ordinal()];
    }

    /**
     * Every scalar signal's value after the last edge, by {@link Signal} ordinal (vectors: 0), for
     * the batched engines' recording. Do not modify.
     */
    long[] scalarValues() {
        return values;
    }

    /** Reads every scalar signal of the present cycle, as the RTL port of the same name carries it. */
    private void capture() {
        DigitalPins d = macro.pins();
        long[] v = values;
        v[Signal.CMD_READY.ordinal()] = b(macro.cmdReady());
        v[Signal.RSP_VALID.ordinal()] = b(macro.rspValid());
        v[Signal.RSP_STATUS.ordinal()] = macro.rspStatus();
        v[Signal.RSP_DATA.ordinal()] = HostBus.rspData(macro.rspData());
        v[Signal.DRV_EN.ordinal()] = b(d.drvEn);
        v[Signal.ACC_EN.ordinal()] = b(d.accEn);
        v[Signal.ACC_ROW.ordinal()] = d.accRow;
        v[Signal.ACC_COL.ordinal()] = d.accCol;
        v[Signal.ACC_BRANCH.ordinal()] = d.accBranch;
        v[Signal.WR_EN.ordinal()] = b(d.wrEn);
        v[Signal.WR_DIR.ordinal()] = b(d.wrDir);
        v[Signal.WR_AMP.ordinal()] = d.wrAmp;
        v[Signal.RD_EN.ordinal()] = b(d.rdEn);
        v[Signal.RD_BIT.ordinal()] = b(answers.rdBit);
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
