package mramcim.workloads.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mramcim.calibration.Calibration;
import mramcim.calibration.CalibrationRun;
import mramcim.calibration.Calibrator;
import mramcim.calibration.Patterns;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.FetParams;
import mramcim.model.config.MacroConfig;
import mramcim.model.config.MtjParams;
import mramcim.model.config.TimingParams;
import mramcim.model.macro.Macro;
import mramcim.results.Parallel;
import mramcim.results.Progress;

/**
 * {@code mramcim mnist}: train (or load) the binary perceptron, classify the held-out digits in
 * software and on the macro's fast path, co-simulate a subset on the RTL and check it against the
 * fast path column by column, and sweep the accuracy over device variation and TDC clock.
 */
public final class MnistRun {

    /** Device-variation scale factors of the sweep (1 = the preset). */
    public static final double[] VARIATION_POINTS = {0, 0.5, 1, 2, 3, 4};

    /** TDC clock periods of the sweep, s (the frame stays 90 ns). */
    public static final double[] CLOCK_POINTS = {0.35e-9, 0.5e-9, 0.75e-9, 1.0e-9, 1.5e-9, 2.0e-9};

    private MnistRun() {}

    /**
     * @param network where the trained network is saved and loaded from
     * @param train train even if {@code network} exists
     * @param cosimDigits held-out digits co-simulated on the RTL (0: none)
     * @param rtl the RTL build for the co-simulation, or null
     */
    public record Options(
            MacroConfig config,
            String preset,
            long seed,
            Path network,
            boolean train,
            int cosimDigits,
            NativeBuild rtl,
            boolean sweep,
            int threads,
            Engine engine) {}

    /** A sweep point: the condition and the array accuracy. */
    public record SweepPoint(double value, double accuracy) {}

    /**
     * @param cosimMismatches columns of the co-simulated subset that differ from the fast path
     *     (must be 0)
     */
    public record Result(
            Options options,
            BinaryMlp net,
            boolean trained,
            double trainSeconds,
            List<MnistData.Digit> test,
            int[] software,
            int[] array,
            Calibration calibration,
            double arraySeconds,
            int cosimDigits,
            long cosimColumns,
            long cosimMismatches,
            long cosimCycles,
            double cosimSeconds,
            int cosimFailedCells,
            List<SweepPoint> variation,
            List<SweepPoint> clock,
            TileSchedule schedule) {

        public double softwareAccuracy() {
            return accuracy(software);
        }

        public double arrayAccuracy() {
            return accuracy(array);
        }

        double accuracy(int[] pred) {
            int ok = 0;
            for (int i = 0; i < pred.length; i++) {
                ok += pred[i] == test.get(i).label() ? 1 : 0;
            }
            return (double) ok / pred.length;
        }

        /** Digits where the array and the software disagree. */
        public int disagreements() {
            int n = 0;
            for (int i = 0; i < array.length; i++) {
                n += array[i] != software[i] ? 1 : 0;
            }
            return n;
        }
    }

    public static Result run(Options o, Progress progress) {
        MnistData.Split data = MnistData.load();
        BinaryMlp net;
        boolean trained = o.train() || !Files.isRegularFile(o.network());
        long t0 = System.nanoTime();
        if (trained) {
            Trainer.Settings s = Trainer.Settings.defaults(o.seed());
            progress.phase("train (" + s.epochs() + " epochs)", s.epochs());
            net = Trainer.train(data.train(), s, progress::step);
            net.save(o.network());
        } else {
            net = BinaryMlp.load(o.network());
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        List<MnistData.Digit> test = data.test();
        List<byte[]> pixels = test.stream().map(MnistData.Digit::pixels).toList();
        int[] software = new int[test.size()];
        for (int i = 0; i < software.length; i++) {
            software[i] = net.predict(pixels.get(i));
        }
        MacroConfig cfg = o.config();
        TileSchedule schedule = new TileSchedule(net, cfg.rows(), cfg.cols());
        MappedNetwork mapped = new MappedNetwork(net, schedule);

        progress.phase("calibrate", 1);
        Calibration cal = calibrate(cfg, o.seed());
        progress.step(1);
        long t1 = System.nanoTime();
        progress.phase("array, " + test.size() + " digits", schedule.passes().size());
        MappedNetwork.Result array =
                mapped.run(pixels, new FastTileExecutor(cfg, o.seed(), cal.global(), cal.offsets()), progress::step);
        double arraySeconds = (System.nanoTime() - t1) / 1e9;

        int nCosim = o.rtl() == null ? 0 : Math.min(o.cosimDigits(), test.size());
        CosimCheck cosim = CosimCheck.NONE;
        if (nCosim > 0) {
            List<byte[]> subset = pixels.subList(0, nCosim);
            progress.phase(
                    "co-simulate " + nCosim + " digits on the RTL",
                    schedule.passes().size());
            cosim = CosimCheck.run(
                    cfg,
                    o.seed(),
                    o.rtl(),
                    o.engine(),
                    cal,
                    (exec, step) -> mapped.run(subset, exec, step).columns(),
                    progress::step);
        }
        List<SweepPoint> variation = List.of();
        List<SweepPoint> clock = List.of();
        if (o.sweep()) {
            progress.phase("sweep device variation", VARIATION_POINTS.length);
            variation = sweep(VARIATION_POINTS, v -> withVariation(cfg, v), o, mapped, pixels, test, progress);
            progress.phase("sweep TDC clock", CLOCK_POINTS.length);
            clock = sweep(CLOCK_POINTS, t -> withClock(cfg, t), o, mapped, pixels, test, progress);
        }
        progress.done();
        return new Result(
                o,
                net,
                trained,
                trainSeconds,
                test,
                software,
                array.predictions(),
                cal,
                arraySeconds,
                nCosim,
                cosim.columns(),
                cosim.mismatches(),
                cosim.cycles(),
                cosim.seconds(),
                cosim.failedCells(),
                variation,
                clock,
                schedule);
    }

    /** SPEC 6 through host commands on the Java macro of this die. */
    public static Calibration calibrate(MacroConfig cfg, long seed) {
        return Calibrator.run(
                Macro.create(cfg, seed),
                Patterns.of(cfg, seed),
                CalibrationRun.Options.option1Patterns(cfg.cols()),
                Calibrator.DEFAULT_THRESHOLD,
                n -> {});
    }

    /**
     * The preset with its MTJ and FET variation (rP, TMR, R_on sigmas) scaled by {@code factor}.
     */
    public static MacroConfig withVariation(MacroConfig cfg, double factor) {
        MtjParams m = cfg.mtj();
        FetParams f = cfg.fet();
        return cfg.withMtj(new MtjParams(
                        m.rP(),
                        m.rPSigma() * factor,
                        m.tmr0(),
                        m.tmrSigma() * factor,
                        m.vHalf(),
                        m.stuckAtP(),
                        m.stuckAtAP()))
                .withFet(new FetParams(f.rOn(), f.rOnSigma() * factor, f.rOff()));
    }

    /** The preset with TDC clock period {@code tClk} and the frame kept at its duration. */
    public static MacroConfig withClock(MacroConfig cfg, double tClk) {
        TimingParams t = cfg.timing();
        int frame = (int) Math.min(TimingParams.MAX_FRAME_CYCLES, Math.round(t.frameCycles() * t.tClk() / tClk));
        return cfg.withTiming(new TimingParams(tClk, frame, t.rdCycles()));
    }

    private static List<SweepPoint> sweep(
            double[] values,
            java.util.function.DoubleFunction<MacroConfig> at,
            Options o,
            MappedNetwork mapped,
            List<byte[]> pixels,
            List<MnistData.Digit> test,
            Progress progress) {
        List<Double> points = java.util.Arrays.stream(values).boxed().toList();
        return Parallel.map(points, o.threads(), "mnist-sweep", v -> {
            MacroConfig cfg = at.apply(v);
            Calibration cal = calibrate(cfg, o.seed());
            int[] pred = mapped.run(pixels, new FastTileExecutor(cfg, o.seed(), cal.global(), cal.offsets()), n -> {})
                    .predictions();
            int ok = 0;
            for (int i = 0; i < pred.length; i++) {
                ok += pred[i] == test.get(i).label() ? 1 : 0;
            }
            progress.step(1);
            return new SweepPoint(v, (double) ok / pred.length);
        });
    }
}
