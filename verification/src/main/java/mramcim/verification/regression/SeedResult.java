package mramcim.verification.regression;

import java.util.List;
import java.util.Map;
import mramcim.cosim.lockstep.Divergence;
import mramcim.verification.coverage.Coverage;

/**
 * One seed's outcome, as a worker process reports it and {@code summary.json} keeps it.
 *
 * @param status the verdict
 * @param cause why it did not pass, or null for a pass
 * @param detail one line for a person: the first divergence, the halt, the signal, the timeout
 * @param cycles cycles run (for a crash or timeout: the last cycle the worker reported)
 * @param mismatch the first divergence's pin and values, or null
 * @param divergentCycles cycles with a divergence ({@code --count-all}), else 0 or 1
 * @param lastCommands the last commands accepted before the failure, oldest first
 * @param replay the command that replays the seed, or null for a pass
 * @param waves waveform files of a failure, relative to the output directory
 * @param logs the worker's log and crash files of a crashed seed, relative to the output directory
 * @param coverage coverpoint -> bin -> hits of this seed (null in a summary, which keeps the total)
 * @param codeCoverage the seed's RTL code-coverage file, relative to the output directory, or null
 * @param trace the command trace of a failure ({@code cosim --trace} replays it, {@code shrink}
 *     shrinks it), relative to the output directory, or null
 */
public record SeedResult(
        long seed,
        SeedStatus status,
        Cause cause,
        String detail,
        long cycles,
        long commands,
        long resets,
        double seconds,
        Mismatch mismatch,
        long divergentCycles,
        List<String> lastCommands,
        String replay,
        List<String> waves,
        List<String> logs,
        Map<String, Map<String, Long>> coverage,
        String codeCoverage,
        String trace) {

    /**
     * The first divergence.
     *
     * @param cycle the clock edge after which the pins differ (counted from 1, resets included)
     * @param pin the port name
     * @param model the Java model's value, hexadecimal without prefix
     * @param rtl the RTL's value, hexadecimal without prefix
     */
    public record Mismatch(long cycle, String pin, String model, String rtl) {
        static Mismatch of(Divergence d) {
            return new Mismatch(d.cycle(), d.signal().port(), d.model(), d.rtl());
        }
    }

    public SeedResult {
        lastCommands = lastCommands == null ? List.of() : List.copyOf(lastCommands);
        waves = waves == null ? List.of() : List.copyOf(waves);
        logs = logs == null ? List.of() : List.copyOf(logs);
        if (status == null) {
            throw new IllegalArgumentException("seed " + seed + ": status missing");
        }
        if ((status == SeedStatus.PASS) != (cause == null)) {
            throw new IllegalArgumentException("seed "
                    + seed
                    + ": status "
                    + status.id()
                    + " with cause "
                    + (cause == null ? "none" : cause.id()));
        }
    }

    /** The outcome of a lockstep run that ended (passed, diverged, or halted by the netlist). */
    static SeedResult of(
            long seed, CosimRun.Options o, CosimRun.Result r, List<String> waves, Coverage cov, String codeCoverage) {
        Map<String, Map<String, Long>> points = cov == null ? null : cov.points();
        if (r.stopped() && r.passed()) {
            return clean(
                    seed,
                    SeedStatus.NOT_RUN,
                    Cause.STOPPED,
                    "stopped after " + r.cycles() + " cycles",
                    r,
                    points,
                    null);
        }
        if (r.passed()) {
            return clean(seed, SeedStatus.PASS, null, null, r, points, codeCoverage);
        }
        Divergence d = r.first();
        boolean haltFirst = d == null || (r.halt() != null && r.halt().cycle() < d.cycle());
        Cause cause = haltFirst ? Cause.of(r.halt().cause()) : Cause.DIVERGENCE;
        String detail = haltFirst ? r.halt().summary() : d.summary();
        List<String> last = haltFirst ? r.halt().lastCommands() : d.lastCommands();
        return new SeedResult(
                seed,
                SeedStatus.FAIL,
                cause,
                detail,
                r.cycles(),
                r.commands(),
                r.resets(),
                r.seconds(),
                d == null ? null : Mismatch.of(d),
                r.divergentCycles(),
                last,
                o.replayCommand(),
                waves,
                List.of(),
                points,
                codeCoverage,
                null);
    }

    /** A run that ended without a difference: passed, or stopped before its last cycle. */
    private static SeedResult clean(
            long seed,
            SeedStatus status,
            Cause cause,
            String detail,
            CosimRun.Result r,
            Map<String, Map<String, Long>> points,
            String codeCoverage) {
        return new SeedResult(
                seed,
                status,
                cause,
                detail,
                r.cycles(),
                r.commands(),
                r.resets(),
                r.seconds(),
                null,
                0,
                List.of(),
                null,
                List.of(),
                List.of(),
                points,
                codeCoverage,
                null);
    }

    /** A seed that never ended in its worker: crashed, timed out, or stopped with the run. */
    static SeedResult unfinished(
            long seed,
            SeedStatus status,
            Cause cause,
            String detail,
            long lastCycle,
            double seconds,
            String replay,
            List<String> logs,
            Map<String, Map<String, Long>> emptyCoverage) {
        return new SeedResult(
                seed,
                status,
                cause,
                detail,
                lastCycle,
                0,
                0,
                seconds,
                null,
                0,
                List.of(),
                status == SeedStatus.NOT_RUN ? null : replay,
                List.of(),
                logs,
                emptyCoverage,
                null,
                null);
    }

    /** True for FAIL, CRASHED and TIMEOUT. */
    public boolean failed() {
        return status.failed();
    }

    /** The same result without its per-seed coverage (the summary keeps only the total). */
    SeedResult withoutCoverage() {
        return copy(waves, logs, null, codeCoverage, trace);
    }

    /**
     * The same result with its files (waveforms, logs, trace, code coverage) named by {@code
     * rename}: for a summary written elsewhere than the run's own directory.
     */
    SeedResult withFiles(java.util.function.UnaryOperator<String> rename) {
        return copy(
                waves.stream().map(rename).toList(),
                logs.stream().map(rename).toList(),
                coverage,
                codeCoverage == null ? null : rename.apply(codeCoverage),
                trace == null ? null : rename.apply(trace));
    }

    /** The same result with the failure's trace file. */
    SeedResult withTrace(String file) {
        return copy(waves, logs, coverage, codeCoverage, file);
    }

    private SeedResult copy(
            List<String> waves,
            List<String> logs,
            Map<String, Map<String, Long>> coverage,
            String codeCoverage,
            String trace) {
        return new SeedResult(
                seed,
                status,
                cause,
                detail,
                cycles,
                commands,
                resets,
                seconds,
                mismatch,
                divergentCycles,
                lastCommands,
                replay,
                waves,
                logs,
                coverage,
                codeCoverage,
                trace);
    }
}
