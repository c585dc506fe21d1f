package mramcim.model.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The complete, immutable description of one macro design: every physical and timing parameter in
 * SI units, each with its unit and source ({@link Param}). The random seed is not part of it: a
 * configuration is a design, a seed picks one fabricated die of it.
 *
 * <p>Presets are named factories ({@link #jung2022()}, {@link #ideal()}, {@link #small}); one field
 * is changed with the {@code with...} methods.
 *
 * <p>A configuration may also name one particular die ({@link DieMap}, written by {@code mramcim
 * fit}): then fabrication takes the per-column and per-device values from it instead of drawing
 * them, and the seed picks only what the map does not hold. Designs have none ({@code die} null,
 * absent from the JSON).
 */
public record MacroConfig(
        Geometry geometry,
        MtjParams mtj,
        FetParams fet,
        ColumnParams column,
        WriteParams write,
        ReadParams read,
        TimingParams timing,
        EnergyParams energy,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        DieMap die) {

    public MacroConfig {
        Check.present("geometry", geometry);
        Check.present("mtj", mtj);
        Check.present("fet", fet);
        Check.present("column", column);
        Check.present("write", write);
        Check.present("read", read);
        Check.present("timing", timing);
        Check.present("energy", energy);
        if (die != null) {
            die.checkFits(geometry, column);
        }
        if (1.0 / timing.tClk() > energy.fClkMax() * (1 + 1e-9)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "timing.tClk = %.4g s (%.4g Hz) is out of range: the counters run"
                            + " at most at %.4g Hz at energy.vTdc = %.3g V, so allowed tClk >= %.4g s",
                    timing.tClk(),
                    1.0 / timing.tClk(),
                    energy.fClkMax(),
                    energy.vTdc(),
                    1.0 / energy.fClkMax()));
        }
        checkColumnFitsTheFrame(geometry, mtj, fet, column, timing);
    }

    /**
     * The parameters must describe a macro that can convert at all: the fastest column (every cell
     * matching) has to fire within the frame, or every conversion overflows whatever the inputs;
     * and the timing jitter must stay a small part of that delay, or delays turn negative.
     */
    private static void checkColumnFitsTheFrame(
            Geometry geometry, MtjParams mtj, FetParams fet, ColumnParams column, TimingParams timing) {
        double tauFast = Check.finite(
                "the nominal delay of a column with every cell matching", nominalTau(geometry, mtj, fet, column, 0));
        Check.finite(
                "the nominal delay of a column with every cell mismatching",
                nominalTau(geometry, mtj, fet, column, geometry.rows()));
        double frame = timing.frameCycles() * timing.tClk();
        if (tauFast >= frame) {
            long cycles = (long) Math.floor(tauFast / timing.tClk()) + 1;
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "timing.frameCycles = %d is out of range:"
                            + " the fastest column (every cell matching) fires after %.4g s, in cycle %d of timing.tClk = %.4g s, so every"
                            + " conversion of the frame would overflow; allowed %d..%d, or a faster clock or smaller column.cSense",
                    timing.frameCycles(),
                    tauFast,
                    cycles,
                    timing.tClk(),
                    Math.min(cycles, TimingParams.MAX_FRAME_CYCLES),
                    TimingParams.MAX_FRAME_CYCLES));
        }
        if (column.jitterSigma() > MAX_JITTER_FRACTION * tauFast) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "column.jitterSigma = %.4g s is out of range:"
                            + " allowed up to %.2g of the fastest column's delay, %.4g s (a larger jitter makes delays negative)",
                    column.jitterSigma(),
                    MAX_JITTER_FRACTION,
                    MAX_JITTER_FRACTION * tauFast));
        }
    }

    /**
     * Largest timing jitter, as a fraction of the fastest column delay, that a configuration may
     * have.
     */
    public static final double MAX_JITTER_FRACTION = 0.1;

    /**
     * Nominal (variation-free) resistance of one bit cell during a conversion, at the bias each MTJ
     * sees when the drive is spread over the column: the on-branch in parallel with the off-branch,
     * for a matching cell (on-branch MTJ parallel) or a mismatching one (on-branch antiparallel).
     */
    public double nominalCellResistance(boolean mismatch) {
        return nominalCellResistance(geometry, mtj, fet, column, mismatch);
    }

    private static double nominalCellResistance(
            Geometry geometry, MtjParams mtj, FetParams fet, ColumnParams column, boolean mismatch) {
        double bias = (column.vDrv() - column.vRef()) / geometry.rows();
        double rAp = mtj.rP() * (1 + mtj.tmr0() / (1 + Math.pow(bias / mtj.vHalf(), 2)));
        return mismatch
                ? parallel(fet.rOn() + rAp, fet.rOff() + mtj.rP())
                : parallel(fet.rOn() + mtj.rP(), fet.rOff() + rAp);
    }

    /**
     * Nominal delay of a lumped column with {@code mismatches} mismatching cells: the RC of the
     * chain and the sense capacitor to the comparator threshold (seed 000 Extended Data Fig. 3), s.
     */
    public double nominalTau(int mismatches) {
        return nominalTau(geometry, mtj, fet, column, mismatches);
    }

    private static double nominalTau(
            Geometry geometry, MtjParams mtj, FetParams fet, ColumnParams column, int mismatches) {
        double rLow = nominalCellResistance(geometry, mtj, fet, column, false) + column.rSeg();
        double rHigh = nominalCellResistance(geometry, mtj, fet, column, true) + column.rSeg();
        return column.logFactor(column.vRef())
                * column.cSense()
                * ((geometry.rows() - mismatches) * rLow + mismatches * rHigh);
    }

    /** The 64 x 64 macro of Jung et al. (seed 000) with the SPEC's assumed parameters. */
    public static MacroConfig jung2022() {
        return new MacroConfig(
                new Geometry(64, 64),
                new MtjParams(3.0e3, 0.02, 1.20, 0.05, 0.5, 0.0, 0.0),
                new FetParams(1.0e3, 0.03, 1.0e9),
                new ColumnParams(10.0, 0.5e-15, 230e-15, 0.01, 0.8, 0.4, 4e-3, 50e-12),
                new WriteParams(0.4, 0.05, 0.8, 0.08, 10e-9, 1e-9, 40),
                new ReadParams(0.1),
                new TimingParams(0.5e-9, 180, 4),
                new EnergyParams(1.0, 1.0, 0.35, 1.3, 3.0e9, 1.5e-15, 0.5e-15, 60e-15),
                null);
    }

    /**
     * {@link #jung2022()} with no device variation, no comparator offset, no jitter, no faults, and
     * no distributed node capacitance (C_node = 0), and counters without a speed limit: a lumped
     * column whose delay is exactly linear in the number of mismatches, wherever they sit. With
     * C_node > 0 the delay also depends on the positions of the mismatches (Elmore), a
     * deterministic error of up to about one DP step that no converter can undo; "ideal" removes it
     * so that the ideal macro computes exact dot products.
     */
    public static MacroConfig ideal() {
        MacroConfig j = jung2022();
        MtjParams m = j.mtj();
        FetParams f = j.fet();
        ColumnParams c = j.column();
        WriteParams w = j.write();
        return new MacroConfig(
                j.geometry(),
                new MtjParams(m.rP(), 0, m.tmr0(), 0, m.vHalf(), 0, 0),
                new FetParams(f.rOn(), 0, f.rOff()),
                new ColumnParams(c.rSeg(), 0, c.cSense(), 0, c.vDrv(), c.vRef(), 0, 0),
                new WriteParams(w.vW0(), w.dVw(), w.vCrit(), 0, w.pulseWidth(), w.tau0(), w.delta()),
                j.read(),
                j.timing(),
                idealCounters(j.energy()),
                null);
    }

    /**
     * {@link #ideal()} with a TDC clock fine enough that one more mismatch is exactly four codes,
     * and a frame long enough for DP = -ROWS: the macro that computes exact dot products, against
     * which the workloads check their mapping digit for digit.
     */
    public static MacroConfig idealFineTdc() {
        MacroConfig ideal = ideal();
        double tClk = (ideal.nominalTau(1) - ideal.nominalTau(0)) / 4;
        int frame = (int) Math.ceil(ideal.nominalTau(ideal.rows()) / tClk) + 8;
        return ideal.withTiming(new TimingParams(tClk, frame, ideal.timing().rdCycles()));
    }

    private static double parallel(double a, double b) {
        return a * b / (a + b);
    }

    /**
     * The ideal macro's counters are not speed-limited, so a fine TDC clock can resolve single
     * mismatches.
     */
    private static EnergyParams idealCounters(EnergyParams e) {
        return new EnergyParams(
                e.vTdc(), e.vTdcNominal(), e.vThLogic(), e.alpha(), 1e12, e.cCount(), e.cClock(), e.cPeriphery());
    }

    /** {@link #jung2022()} at another size: the small arrays the tests run on. */
    public static MacroConfig small(int rows, int cols) {
        return jung2022().withGeometry(new Geometry(rows, cols));
    }

    /**
     * A preset by name: {@code jung2022}, {@code ideal}, {@code ideal-fine}, or {@code small:RxC}
     * (for example {@code small:8x8}).
     */
    public static MacroConfig preset(String name) {
        if (name.equals("jung2022")) {
            return jung2022();
        }
        if (name.equals("ideal")) {
            return ideal();
        }
        if (name.equals("ideal-fine")) {
            return idealFineTdc();
        }
        if (name.matches("small:\\d+x\\d+")) {
            String[] rc = name.substring(6).split("x");
            return small(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]));
        }
        throw new IllegalArgumentException("preset = " + name + " is unknown: allowed " + String.join(", ", PRESETS));
    }

    /** The preset names {@link #preset} accepts. */
    public static final List<String> PRESETS = List.of("jung2022", "ideal", "ideal-fine", "small:RxC");

    private static final String NO_VARIATION = "ideal preset: no device variation";

    /** Why {@link #ideal()} sets each value it changes from {@link #jung2022()}. */
    private static final Map<String, String> IDEAL_SOURCES = Map.of(
            "mtj.rPSigma", NO_VARIATION,
            "mtj.tmrSigma", NO_VARIATION,
            "fet.rOnSigma", NO_VARIATION,
            "column.cSenseSigma", NO_VARIATION,
            "write.vCritSigma", NO_VARIATION,
            "column.cNode",
                    "ideal preset: a lumped column, whose delay is exactly linear in the mismatches (no Elmore position error)",
            "column.cmpOffsetSigma", "ideal preset: no comparator offset",
            "column.jitterSigma", "ideal preset: no jitter",
            "energy.fClkMaxNominal",
                    "ideal preset: counters without a speed limit, so that a fine TDC clock resolves single mismatches");

    /** Why {@link #idealFineTdc()} sets each value it changes from {@link #ideal()}. */
    private static final Map<String, String> IDEAL_FINE_SOURCES = Map.of(
            "timing.tClk",
                    "ideal-fine preset: (tau(1 mismatch) - tau(0)) / 4, so that one mismatch is exactly four codes",
            "timing.frameCycles",
                    "ideal-fine preset: ceil(tau(ROWS mismatches) / tClk) + 8, long enough for DP = -ROWS");

    /**
     * The sources of the values preset {@code name} sets itself, by parameter name ({@code
     * section.field}): for every value that differs from {@link #jung2022()}'s, why the preset
     * chose it. Values a preset keeps have the source their {@link Param} gives.
     */
    public static Map<String, String> presetSources(String name) {
        MacroConfig p = preset(name);
        if (name.startsWith("small:")) {
            String size =
                    "small preset: " + p.rows() + " x " + p.cols() + " (" + name + "), every other value of jung2022";
            return Map.of("geometry.rows", size, "geometry.cols", size);
        }
        Map<String, String> own = new java.util.HashMap<>();
        if (name.equals("ideal") || name.equals("ideal-fine")) {
            own.putAll(IDEAL_SOURCES);
        }
        if (name.equals("ideal-fine")) {
            own.putAll(IDEAL_FINE_SOURCES);
        }
        return Map.copyOf(own);
    }

    /**
     * Every parameter with the sources that {@code own} gives the values differing from {@link
     * #jung2022()}'s; a differing value {@code own} does not name gets {@code otherwise} (a
     * configuration file: "set by FILE").
     */
    public List<Entry> entries(Map<String, String> own, String otherwise) {
        List<Entry> base = jung2022().entries();
        List<Entry> mine = entries();
        List<Entry> out = new ArrayList<>();
        for (int k = 0; k < mine.size(); k++) {
            Entry e = mine.get(k);
            if (k >= base.size()) {
                out.add(e); // the die map, which no preset has
                continue;
            }
            boolean differs = !e.value().equals(base.get(k).value());
            out.add(differs ? new Entry(e.name(), e.value(), e.unit(), own.getOrDefault(e.name(), otherwise)) : e);
        }
        return out;
    }

    public MacroConfig withGeometry(Geometry g) {
        return new MacroConfig(g, mtj, fet, column, write, read, timing, energy, die);
    }

    public MacroConfig withMtj(MtjParams m) {
        return new MacroConfig(geometry, m, fet, column, write, read, timing, energy, die);
    }

    public MacroConfig withFet(FetParams f) {
        return new MacroConfig(geometry, mtj, f, column, write, read, timing, energy, die);
    }

    public MacroConfig withColumn(ColumnParams c) {
        return new MacroConfig(geometry, mtj, fet, c, write, read, timing, energy, die);
    }

    public MacroConfig withWrite(WriteParams w) {
        return new MacroConfig(geometry, mtj, fet, column, w, read, timing, energy, die);
    }

    public MacroConfig withRead(ReadParams r) {
        return new MacroConfig(geometry, mtj, fet, column, write, r, timing, energy, die);
    }

    public MacroConfig withTiming(TimingParams t) {
        return new MacroConfig(geometry, mtj, fet, column, write, read, t, energy, die);
    }

    public MacroConfig withEnergy(EnergyParams e) {
        return new MacroConfig(geometry, mtj, fet, column, write, read, timing, e, die);
    }

    /**
     * This design with die map {@code d} (null: a design again, whose dies the seed draws).
     */
    public MacroConfig withDie(DieMap d) {
        return new MacroConfig(geometry, mtj, fet, column, write, read, timing, energy, d);
    }

    /** Rows (inputs). */
    public int rows() {
        return geometry.rows();
    }

    /** Columns (outputs). */
    public int cols() {
        return geometry.cols();
    }

    /** One parameter as {@code mramcim config} lists it. */
    public record Entry(String name, Object value, String unit, String source) {}

    /** Every parameter with its value, unit and source, named {@code section.field}. */
    public List<Entry> entries() {
        return entries(this);
    }

    /**
     * Every parameter of a configuration record: nested records give {@code section.field}, scalar
     * components their own name. Each leaf must carry a {@link Param}.
     */
    public static List<Entry> entries(Record config) {
        List<Entry> out = new ArrayList<>();
        for (RecordComponent section : config.getClass().getRecordComponents()) {
            Object sub = invoke(section, config);
            if (section.getType() == DieMap.class) {
                // A die map is thousands of measured values, not parameters: listed by its name.
                if (sub != null) {
                    out.add(new Entry("die", sub.toString(), "-", "fitted to measured codes (mramcim fit)"));
                }
                continue;
            }
            if (!(sub instanceof Record)) {
                out.add(entry(section.getName(), section, config));
                continue;
            }
            for (RecordComponent rc : sub.getClass().getRecordComponents()) {
                out.add(entry(section.getName() + "." + rc.getName(), rc, sub));
            }
        }
        return out;
    }

    private static Entry entry(String name, RecordComponent rc, Object owner) {
        Param p = rc.getAnnotation(Param.class);
        if (p == null) {
            throw new IllegalStateException(owner.getClass().getSimpleName() + "." + rc.getName() + " lacks @Param");
        }
        return new Entry(name, invoke(rc, owner), p.unit(), p.source());
    }

    private static Object invoke(RecordComponent rc, Object target) {
        try {
            return rc.getAccessor().invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
