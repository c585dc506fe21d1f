package mramcim.verification.regression;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.verification.coverage.CoverageCollector;
import mramcim.verification.coverage.CoverageModel;
import mramcim.verification.trace.Trace;
import mramcim.verification.trace.TraceFormat;
import mramcim.verification.waveform.WaveformSvg;
import mramcim.verification.waveform.WindowCapture;

/**
 * Runs one seed of a {@link SeedJob}: the lockstep with coverage, and on a failure a bit-exact
 * replay with waveforms of the window before it. This is what a worker process does per seed.
 */
public final class SeedRunner {

    /** The file name ending of a command trace. */
    public static final String TRACE_SUFFIX = ".trace";

    /** Where the seeds' RTL code-coverage files go, below the output directory. */
    static final String CODE_COVERAGE_DIR = "code-coverage/seeds";

    /** What the runner tells its supervisor while it runs. */
    interface Monitor {
        /** The main run has reached {@code cycles} cycles. */
        void progress(long cycles);

        /** Still alive (the waveform replay runs; not counted as progress of the seed). */
        void heartbeat();

        /**
         * Entering a phase without cycles (waveform conversion), which the stall watchdog must not
         * time.
         */
        void phase(String name);
    }

    private final SeedJob job;
    private final MacroConfig config;
    private final NativeBuild build;
    private final CoverageModel model;

    SeedRunner(SeedJob job) {
        this.job = job;
        this.config = job.config();
        this.build = job.build().toBuild();
        this.model = job.coverage() ? Regression.coverageModel(config) : null;
    }

    /** Runs {@code seed}; {@code monitor} hears of its progress. */
    SeedResult run(long seed, Monitor monitor) throws IOException, InterruptedException {
        CosimRun.Options o = job.options(config, seed);
        CoverageCollector[] cov = {null};
        Path dir = job.waveDir(seed);
        Waves waves = job.wave() == WaveMode.ALWAYS ? new Waves(dir, 1) : null;
        Path out = Path.of(job.outDir());
        Path dat = job.codeCoverage() ? out.resolve(CODE_COVERAGE_DIR).resolve("seed-" + seed + ".dat") : null;
        boolean[] wrote = {false};
        CycleListener writer = dat == null
                ? null
                : new CycleListener() {
                    @Override
                    public void afterEdge(Lockstep ls, long cycle) {}

                    @Override
                    public void end(Lockstep ls) {
                        try {
                            java.nio.file.Files.createDirectories(dat.getParent());
                            ls.rtl().writeCoverage(dat);
                            wrote[0] = true;
                        } catch (IOException | IllegalStateException e) {
                            // a netlist that died in a fatal error leaves no coverage of
                            // its seed
                        }
                    }
                };
        long[] cycles = {0};
        // a batched run that fails is run again on the cycle engine: with fresh coverage counts
        java.util.function.Supplier<CycleListener> listeners = () -> {
            cov[0] = model == null ? null : new CoverageCollector(model, config.cols());
            return both(both(cov[0], waves), writer);
        };
        Trace[] whole = {null};
        CosimRun.Result r = CosimRun.run(
                o,
                build,
                listeners,
                new CosimRun.Control() {
                    @Override
                    public boolean stopRequested() {
                        return false;
                    }

                    @Override
                    public void advanced(long n) {
                        cycles[0] += n;
                        monitor.progress(cycles[0]);
                    }
                },
                job.record() == null ? null : t -> whole[0] = t);
        if (whole[0] != null) {
            TraceFormat.write(whole[0], Path.of(job.record()));
        }
        Trace[] failure = {null};
        List<Path> files = new ArrayList<>();
        boolean traced = job.seedSubdirs() && !r.passed() && !r.stopped();
        if (waves != null) {
            monitor.phase("waves");
            files.addAll(waves.finish(config.rows(), config.cols()));
        } else if (job.wave() == WaveMode.ON_FAIL && !r.passed()) {
            long at = r.failureCycle();
            Waves replay = new Waves(dir, at - job.window() + 1);
            CosimRun.Options upTo = o.withCycles(at).withEngine(Engine.CYCLE).withCountAll(false);
            WindowCapture window = new WindowCapture((int) Math.min(PICTURE_EDGES, job.window()));
            CosimRun.run(
                    upTo, build, () -> both(replay, window), heartbeat(monitor), traced ? t -> failure[0] = t : null);
            monitor.phase("waves");
            files.addAll(replay.finish(config.rows(), config.cols()));
            if (window.size() > 0) {
                Path svg = dir.resolve(PICTURE);
                WaveformSvg.write(window.waveform(pictureTitle(seed, r), failingSignal(r), at), svg);
                files.add(svg);
            }
        }
        String traceFile = null;
        if (traced) {
            if (failure[0] == null) {
                // no waveform replay ran: replay up to the failure for its trace alone
                CosimRun.run(
                        o.withCycles(r.failureCycle()), build, () -> null, heartbeat(monitor), t -> failure[0] = t);
            }
            Path file = job.failureDir(seed).resolve(job.failureName(seed) + TRACE_SUFFIX);
            TraceFormat.write(failure[0], file);
            traceFile = out.relativize(file).toString();
        }
        List<String> waveFiles =
                files.stream().map(f -> out.relativize(f).toString()).toList();
        return SeedResult.of(
                        seed,
                        o,
                        r,
                        waveFiles,
                        cov[0] == null ? null : cov[0].coverage(),
                        wrote[0] ? out.relativize(dat).toString() : null)
                .withTrace(traceFile);
    }

    /** The waveform picture of a failure, beside its VCD files. */
    public static final String PICTURE = "divergence.svg";

    /** Edges a picture shows at most: the last ones before the failure. */
    static final int PICTURE_EDGES = 48;

    /** The first failing signal of a result, or null when the netlist halted first. */
    static mramcim.cosim.lockstep.Signal failingSignal(CosimRun.Result r) {
        return r.first() != null && r.first().cycle() == r.failureCycle()
                ? r.first().signal()
                : null;
    }

    private String pictureTitle(long seed, CosimRun.Result r) {
        String what =
                job.corpus().isEmpty() ? "seed " + seed : job.failureName(seed).replace('-', ' ');
        String detail =
                failingSignal(r) != null ? r.first().summary() : r.halt().summary();
        return what + ": " + detail;
    }

    /** The control of a replay: nothing to stop, and alive for the watchdog. */
    private static CosimRun.Control heartbeat(Monitor monitor) {
        return new CosimRun.Control() {
            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public void advanced(long n) {
                monitor.heartbeat();
            }
        };
    }

    /** Both listeners, either of which may be null. */
    private static CycleListener both(CycleListener a, CycleListener b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new CycleListener() {
            @Override
            public void afterEdge(Lockstep ls, long cycle) {
                a.afterEdge(ls, cycle);
                b.afterEdge(ls, cycle);
            }

            @Override
            public void end(Lockstep ls) {
                a.end(ls);
                b.end(ls);
            }

            @Override
            public boolean needsLiveRtl() {
                return a.needsLiveRtl() || b.needsLiveRtl();
            }
        };
    }
}
