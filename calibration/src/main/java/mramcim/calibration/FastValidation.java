package mramcim.calibration;

import java.util.List;
import java.util.function.LongConsumer;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Conversion;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.model.io.BinaryCsv;
import mramcim.model.periphery.Converter;
import mramcim.model.periphery.OffsetCorrector;
import mramcim.model.periphery.TdcBank;
import mramcim.results.Parallel;

/**
 * Validation through the fast transaction-level path (Option 2 of seed 000 Extended Data Table 1:
 * about 4 million dot products): on copies of the same die, weights set directly (no write
 * physics), delays from the fast readout, then the SPEC's TDC latch, converter and offset formulas
 * of the periphery model, with and without the offsets. Weight sets are spread over threads, each
 * with its own copy of the die; every conversion draws its jitter by its own index, so the numbers
 * do not depend on the thread count.
 */
public final class FastValidation {

    /**
     * Conversion indices of the fast path start here, far from the host path's, so their jitter
     * draws are fresh.
     */
    static final long INDEX_BASE = 1L << 40;

    private FastValidation() {}

    /**
     * The size of a fast-path run: {@code sets} weight matrices, {@code inputs} input vectors on
     * each.
     */
    public record Plan(int sets, int inputs) {
        /**
         * Most conversions of a plan: 10^8 (with 64 columns, 6.4 billion dot products, some 20
         * minutes on the fast path); more is a typo or a run without end.
         */
        public static final long MAX_CONVERSIONS = 100_000_000L;

        public Plan {
            if (sets < 1 || inputs < 1) {
                throw new IllegalArgumentException(
                        "option 2 = " + sets + "x" + inputs + " is out of range: allowed SETSxINPUTS, both 1 or more");
            }
            if ((long) sets * inputs > MAX_CONVERSIONS) {
                throw new IllegalArgumentException("--option2 = "
                        + sets
                        + "x"
                        + inputs
                        + " is out of range: allowed up to "
                        + MAX_CONVERSIONS
                        + " conversions (SETS x INPUTS)");
            }
        }

        /** Parses {@code SETSxINPUTS}, for example {@code 1000x64}. */
        public static Plan parse(String s) {
            if (!s.matches("\\d{1,9}x\\d{1,9}")) {
                throw new IllegalArgumentException(
                        "--option2 = " + s + " is malformed: allowed SETSxINPUTS, for example 1000x64");
            }
            String[] p = s.split("x");
            return new Plan(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        }

        /** Dot products of the run on {@code cols} columns. */
        public long dotProducts(int cols) {
            return (long) sets * inputs * cols;
        }

        @Override
        public String toString() {
            return sets + "x" + inputs;
        }
    }

    /**
     * @param progress told once per weight set done, from worker threads
     */
    public static Validation run(
            MacroConfig config,
            long seed,
            Injection injection,
            GlobalCalibration global,
            int[] offsets,
            Patterns patterns,
            Patterns.Stream stream,
            Plan plan,
            int threads,
            LongConsumer progress) {
        long t0 = System.nanoTime();
        int n = Math.max(1, Math.min(threads, plan.sets()));
        EnergyModel.Breakdown[] energy = new EnergyModel.Breakdown[plan.sets()];
        List<Integer> firsts = java.util.stream.IntStream.range(0, n).boxed().toList();
        List<ErrorStats[]> parts = Parallel.map(
                firsts,
                n,
                "option2",
                first -> worker(
                        config, seed, injection, global, offsets, patterns, stream, plan, first, n, energy, progress));
        ErrorStats before = new ErrorStats(config.rows(), config.cols());
        ErrorStats after = new ErrorStats(config.rows(), config.cols());
        for (ErrorStats[] r : parts) {
            before.merge(r[0]);
            after.merge(r[1]);
        }
        EnergyModel.Breakdown sum = EnergyModel.Breakdown.ZERO;
        for (EnergyModel.Breakdown b : energy) {
            sum = sum.plus(b);
        }
        return new Validation(
                before,
                after,
                0,
                0,
                sum.scaled(1.0 / ((long) plan.sets() * plan.inputs())),
                (System.nanoTime() - t0) / 1e9);
    }

    private static ErrorStats[] worker(
            MacroConfig config,
            long seed,
            Injection injection,
            GlobalCalibration global,
            int[] offsets,
            Patterns patterns,
            Patterns.Stream stream,
            Plan plan,
            int first,
            int step,
            EnergyModel.Breakdown[] energy,
            LongConsumer progress) {
        int rows = config.rows();
        int cols = config.cols();
        int frameCycles = config.timing().frameCycles();
        AnalogArray die = AnalogArray.fabricate(config, seed);
        injection.apply(die);
        Readout readout = Readout.of(die, Solver.FAST);
        EnergyModel model = new EnergyModel(config);
        ErrorStats before = new ErrorStats(rows, cols);
        ErrorStats after = new ErrorStats(rows, cols);
        int[] exact = new int[cols];
        for (int s = first; s < plan.sets(); s += step) {
            int[][] w = patterns.weights(stream, s);
            die.program(w);
            long[][] wBits = columnBits(w);
            EnergyModel.Breakdown e = EnergyModel.Breakdown.ZERO;
            for (int i = 0; i < plan.inputs(); i++) {
                long[] in = BinaryCsv.toBits(patterns.input(stream, s, i));
                Conversion conv = readout.convert(in, INDEX_BASE + (long) s * plan.inputs() + i);
                e = e.plus(model.conversion(conv.tau(), conv.code()));
                for (int j = 0; j < cols; j++) {
                    exact[j] = rows - 2 * mismatches(in, wBits[j], rows);
                    boolean ovf = conv.overflow()[j];
                    before.add(j, exact[j], result(rows, frameCycles, global, 0, conv.code()[j]), ovf);
                    after.add(j, exact[j], result(rows, frameCycles, global, offsets[j], conv.code()[j]), ovf);
                }
            }
            energy[s] = e;
            progress.accept(1);
        }
        return new ErrorStats[] {before, after};
    }

    /**
     * The READ_RESULT dot product of a column whose comparator fired at {@code firingCycle}: the
     * TdcBank latches its saturation value for a column still counting at the frame end, then the
     * converter and the offset (SPEC 5).
     */
    public static int result(int rows, int frameCycles, GlobalCalibration global, int offset, int firingCycle) {
        int code = firingCycle > frameCycles ? TdcBank.CODE_MAX : firingCycle;
        return OffsetCorrector.correct(rows, Converter.dpRaw(rows, code, global.c0(), global.gain()), offset);
    }

    /** Column j's weights as bits (1 = +1), row i at bit i. */
    static long[][] columnBits(int[][] w) {
        int rows = w.length;
        int cols = w[0].length;
        long[][] bits = new long[cols][(rows + 63) / 64];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (w[i][j] > 0) {
                    bits[j][i >>> 6] |= 1L << (i & 63);
                }
            }
        }
        return bits;
    }

    /** Rows where input and weight differ (IN * W = -1). */
    static int mismatches(long[] in, long[] w, int rows) {
        int n = 0;
        for (int k = 0; k < in.length; k++) {
            long mask = k == in.length - 1 && (rows & 63) != 0 ? (1L << (rows & 63)) - 1 : -1L;
            n += Long.bitCount((in[k] ^ w[k]) & mask);
        }
        return n;
    }
}
