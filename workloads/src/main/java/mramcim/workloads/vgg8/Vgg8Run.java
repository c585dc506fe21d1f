package mramcim.workloads.vgg8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mramcim.calibration.Calibration;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.results.Parallel;
import mramcim.results.Progress;
import mramcim.workloads.mnist.CosimCheck;
import mramcim.workloads.mnist.FastTileExecutor;
import mramcim.workloads.mnist.MnistData;
import mramcim.workloads.mnist.MnistRun;

/**
 * {@code mramcim vgg8}: the binary VGG-8 of seed 000's emulation on the held-out digits, three
 * ways: in software (exact dot products), emulated with the errors measured on the die (each tile
 * result drawn from the die's per-column, per-dot-product error distribution), and on the die's fast
 * path (every tile converted by the analog model, C0, GAIN and offsets applied); a subset through
 * host commands on the RTL in lockstep, checked against the fast path column by column; and the
 * accuracy against device variation.
 */
public final class Vgg8Run {

    /** Which emulations to run. */
    public enum Errors {
        MEASURED,
        FASTPATH,
        BOTH;

        boolean measured() {
            return this != FASTPATH;
        }

        boolean fastpath() {
            return this != MEASURED;
        }
    }

    /** Device-variation factors of the sweep (1 = the preset). */
    public static final double[] VARIATION_POINTS = {0, 1, 2, 4};

    /** Held-out digits of each sweep point (the first ones). */
    public static final int SWEEP_DIGITS = 500;

    /** Weight sets x inputs the error table is measured from: 16,384 conversions. */
    public static final int ERROR_SETS = 128;

    public static final int ERROR_INPUTS = 128;

    /** Seed 000's VGG-8 figures: software and emulated with measured errors. */
    public static final double PAPER_SOFTWARE = 0.9928;

    public static final double PAPER_EMULATED = 0.9886;

    private Vgg8Run() {}

    /**
     * What to run.
     *
     * @param shape the network to train when there is none
     * @param network where the trained network is saved and loaded from
     * @param train train even if {@code network} exists
     * @param training the training settings
     * @param cosimImages held-out digits co-simulated on the RTL (0: none)
     * @param rtl the RTL build for the co-simulation, or null
     * @param sweep run the device-variation sweep
     */
    public record Options(
            MacroConfig config,
            String preset,
            long seed,
            Vgg8Shape shape,
            Path network,
            boolean train,
            Vgg8Trainer.Settings training,
            Errors errors,
            int cosimImages,
            NativeBuild rtl,
            Engine engine,
            boolean sweep,
            int threads) {}

    /**
     * The accuracy with the die's measured errors in one layer only, every other layer exact:
     * where the errors cost.
     */
    public record LayerPoint(int layer, String name, double accuracy) {}

    /** A sweep point: the variation factor and the fast-path accuracy. */
    public record SweepPoint(double factor, double accuracy) {}

    /**
     * Everything the report shows; a mode not run has null predictions.
     *
     * @param cosimMismatches column results of the co-simulated subset that differ from the fast
     *     path's (must be 0)
     */
    public record Result(
            Options options,
            BinaryVgg8 net,
            boolean trained,
            double trainSeconds,
            List<MnistData.Digit> test,
            int[] software,
            int[] emulated,
            List<LayerPoint> layerErrors,
            int[] fastpath,
            Calibration calibration,
            ErrorTable errors,
            int passes,
            long conversionsPerDigit,
            double emulatedSeconds,
            double fastpathSeconds,
            int cosimImages,
            long cosimColumns,
            long cosimMismatches,
            long cosimCycles,
            double cosimSeconds,
            int cosimFailedCells,
            List<SweepPoint> variation) {

        /** The share of held-out digits {@code pred} gets right, or NaN if not run. */
        public double accuracy(int[] pred) {
            return pred == null ? Double.NaN : Vgg8Run.accuracy(pred, test);
        }
    }

    public static Result run(Options o, Progress progress) {
        MnistData.Split data = MnistData.load();
        BinaryVgg8 net;
        boolean trained = o.train() || !Files.isRegularFile(o.network());
        long t0 = System.nanoTime();
        if (trained) {
            progress.phase(
                    "train " + o.shape() + " (" + o.training().epochs() + " epochs)",
                    o.training().epochs());
            net = Vgg8Trainer.train(o.shape(), data.train(), o.training(), progress::step);
            net.save(o.network());
        } else {
            net = BinaryVgg8.load(o.network());
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        List<MnistData.Digit> test = data.test();
        List<byte[]> pixels = test.stream().map(MnistData.Digit::pixels).toList();
        progress.phase("software, " + test.size() + " digits", BinaryVgg8.ENGINE_LAYERS);
        int[] software = predictParallel(net, pixels, o.threads(), (part) -> BinaryVgg8.EXACT);
        progress.step(BinaryVgg8.ENGINE_LAYERS);

        MacroConfig cfg = o.config();
        Vgg8Tiles tiles = new Vgg8Tiles(net, cfg.rows(), cfg.cols());
        progress.phase("calibrate", 1);
        Calibration cal = MnistRun.calibrate(cfg, o.seed());
        progress.step(1);

        int[] emulated = null;
        List<LayerPoint> layerErrors = List.of();
        ErrorTable table = null;
        double emulatedSeconds = 0;
        if (o.errors().measured()) {
            long t1 = System.nanoTime();
            progress.phase("measure errors, emulate " + test.size() + " digits", 1);
            table = ErrorTable.measure(cfg, o.seed(), cal.global(), cal.offsets(), ERROR_SETS, ERROR_INPUTS);
            ErrorTable t = table;
            emulated = predictParallel(net, pixels, o.threads(), part -> new EmulatedEngine(tiles, t, o.seed() + part));
            progress.step(1);
            emulatedSeconds = (System.nanoTime() - t1) / 1e9;
            progress.phase("measured errors one layer at a time", BinaryVgg8.ENGINE_LAYERS);
            List<LayerPoint> points = new ArrayList<>();
            for (int l = 0; l < BinaryVgg8.ENGINE_LAYERS; l++) {
                int only = l;
                int[] pred = predictParallel(net, pixels, o.threads(), part -> {
                    BinaryVgg8.Engine em = new EmulatedEngine(tiles, t, o.seed() + part);
                    return (n, layer, v) -> layer == only ? em.dot(n, layer, v) : BinaryVgg8.EXACT.dot(n, layer, v);
                });
                points.add(new LayerPoint(l, Vgg8Shape.layerName(l), accuracy(pred, test)));
                progress.step(1);
            }
            layerErrors = List.copyOf(points);
        }
        int[] fastpath = null;
        double fastpathSeconds = 0;
        if (o.errors().fastpath()) {
            long t2 = System.nanoTime();
            progress.phase("fast path, " + test.size() + " digits (" + tiles.passCount() + " passes)", 1);
            // One die per part: every part programs and converts on its own copy of the same die.
            fastpath = predictParallel(
                    net,
                    pixels,
                    o.threads(),
                    part -> new TiledEngine(
                            tiles, new FastTileExecutor(cfg, o.seed(), cal.global(), cal.offsets()), false));
            progress.step(1);
            fastpathSeconds = (System.nanoTime() - t2) / 1e9;
        }

        int nCosim = o.rtl() == null ? 0 : Math.min(o.cosimImages(), test.size());
        CosimCheck cosim = CosimCheck.NONE;
        if (nCosim > 0) {
            List<byte[]> subset = pixels.subList(0, nCosim);
            progress.phase("co-simulate " + nCosim + " digits on the RTL", BinaryVgg8.ENGINE_LAYERS);
            cosim = CosimCheck.run(
                    cfg,
                    o.seed(),
                    o.rtl(),
                    o.engine(),
                    cal,
                    (exec, step) -> {
                        TiledEngine e = new TiledEngine(tiles, exec, true);
                        net.predict(subset, e, step);
                        return e.results().toArray(new int[0][][]);
                    },
                    progress::step);
        }
        List<SweepPoint> variation = List.of();
        if (o.sweep()) {
            List<byte[]> few = pixels.subList(0, Math.min(SWEEP_DIGITS, pixels.size()));
            List<Double> points =
                    java.util.Arrays.stream(VARIATION_POINTS).boxed().toList();
            progress.phase("sweep device variation (" + few.size() + " digits)", points.size());
            variation = Parallel.map(points, o.threads(), "vgg8-sweep", v -> {
                MacroConfig c = MnistRun.withVariation(cfg, v);
                Calibration k = MnistRun.calibrate(c, o.seed());
                int[] pred = net.predict(
                        few,
                        new TiledEngine(tiles, new FastTileExecutor(c, o.seed(), k.global(), k.offsets()), false),
                        n -> {});
                progress.step(1);
                return new SweepPoint(v, accuracy(pred, test));
            });
        }
        progress.done();
        return new Result(
                o,
                net,
                trained,
                trainSeconds,
                test,
                software,
                emulated,
                layerErrors,
                fastpath,
                cal,
                table,
                tiles.passCount(),
                tiles.conversionsPerDigit(),
                emulatedSeconds,
                fastpathSeconds,
                nCosim,
                cosim.columns(),
                cosim.mismatches(),
                cosim.cycles(),
                cosim.seconds(),
                cosim.failedCells(),
                variation);
    }

    /** The share of the first {@code pred.length} digits of {@code test} that {@code pred} gets right. */
    static double accuracy(int[] pred, List<MnistData.Digit> test) {
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            ok += pred[i] == test.get(i).label() ? 1 : 0;
        }
        return (double) ok / pred.length;
    }

    /** An engine for one part of the digits. */
    @FunctionalInterface
    interface EngineFactory {
        BinaryVgg8.Engine create(int part);
    }

    /** Parts the held-out digits are classified in, whatever the thread count. */
    static final int PARTS = 4;

    /**
     * The digits in {@link #PARTS} contiguous parts, each classified by its own engine (its own
     * copy of the die, its own error stream) on {@code threads} workers, the predictions in order.
     * A part's results depend only on its digits and its number, so a run replays exactly on any
     * number of threads.
     */
    static int[] predictParallel(BinaryVgg8 net, List<byte[]> digits, int threads, EngineFactory engines) {
        int n = digits.size();
        int parts = Math.max(1, Math.min(PARTS, n));
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            ids.add(p);
        }
        List<int[]> out = Parallel.map(
                ids,
                threads,
                "vgg8",
                p -> net.predict(digits.subList(p * n / parts, (p + 1) * n / parts), engines.create(p), k -> {}));
        int[] all = new int[n];
        int at = 0;
        for (int[] part : out) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
