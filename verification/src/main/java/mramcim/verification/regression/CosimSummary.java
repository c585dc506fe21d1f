package mramcim.verification.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.verification.coverage.CodeCoverage;

/**
 * What {@code mramcim cosim} writes to {@code summary.json}: the seed's result and the run around
 * it.
 *
 * @param format {@value #FORMAT}
 * @param engine the lockstep engine that ran it ({@code --engine}; every engine reports the same)
 */
public record CosimSummary(
        String format,
        Verdict verdict,
        String preset,
        int rows,
        int cols,
        String netlist,
        String engine,
        double cyclesPerSecond,
        SeedResult result,
        CodeCoverage.Summary codeCoverage) {

    /** The format id of cosim's {@code summary.json}. */
    public static final String FORMAT = "mramcim-cosim-summary/1";

    /** The summary of one seed's run. */
    public static CosimSummary of(CosimRun.Options o, SeedResult r, CodeCoverage.Summary code) {
        Verdict v = Verdict.of(List.of(r.status()));
        return new CosimSummary(
                FORMAT,
                v,
                o.preset(),
                o.config().rows(),
                o.config().cols(),
                o.netlist(),
                o.engine().id(),
                r.cycles() / Math.max(r.seconds(), 1e-9),
                r,
                code);
    }

    /** Text summary, a few lines. */
    public List<String> lines(boolean countAll) {
        List<String> lines = new ArrayList<>();
        SeedResult r = result;
        lines.add(String.format(
                Locale.ROOT,
                "%s: %s %dx%d seed %d, %,d cycles, %,d commands, %d resets, %.2f s (%,.0f cycles/s, %s engine)",
                r.status().id(),
                preset,
                rows,
                cols,
                r.seed(),
                r.cycles(),
                r.commands(),
                r.resets(),
                r.seconds(),
                cyclesPerSecond,
                engine));
        if (codeCoverage != null) {
            lines.add(codeCoverage.line() + (codeCoverage.html() == null ? "" : "; " + codeCoverage.html()));
        }
        if (r.status() == SeedStatus.PASS) {
            return lines;
        }
        lines.add((r.cause() == Cause.DIVERGENCE
                        ? "first divergence at "
                        : r.cause().id() + ": ")
                + r.detail());
        if (countAll && r.mismatch() != null) {
            lines.add("divergent cycles: " + r.divergentCycles());
        }
        if (!r.lastCommands().isEmpty()) {
            lines.add("last commands before it:");
            r.lastCommands().forEach(c -> lines.add("  " + c));
        }
        r.logs().forEach(l -> lines.add("log: " + l));
        if (r.replay() != null) {
            lines.add("replay: " + r.replay());
        }
        return lines;
    }
}
