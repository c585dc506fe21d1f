package mramcim.verification.mutation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mramcim.results.OutputDir;
import mramcim.verification.coverage.MutationScore;

/**
 * The files of a mutation campaign: {@code summary.json} (format {@value #FORMAT}) and {@code
 * report.md}.
 */
public final class MutationReport {

    /** Format id of the campaign's summary.json. */
    public static final String FORMAT = MutationScore.FORMAT;

    /** What the summary holds: the format id and the campaign. */
    public record Summary(String format, MutationCampaign.Result campaign) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MutationReport() {}

    /** Writes both files; returns them. */
    public static List<Path> write(MutationCampaign.Result r, String command, OutputDir out) throws IOException {
        Path json = out.write("summary.json", JSON.writeValueAsBytes(new Summary(FORMAT, r)));
        Path md = out.write("report.md", markdown(r, command));
        return List.of(md, json);
    }

    /** The lines printed at the end. */
    public static List<String> console(MutationCampaign.Result r) {
        return List.of(
                String.format(
                        Locale.ROOT,
                        "mutation score %.1f %%: %d of %d non-equivalent mutants killed (%d mutants: %d equivalent,"
                                + " %d not detected, %d of them undecided); %s %dx%d, %d seeds x %,d cycles per mutant",
                        r.score(),
                        r.killed(),
                        r.mutants() - r.equivalent(),
                        r.mutants(),
                        r.equivalent(),
                        r.notDetected(),
                        r.undecided(),
                        r.preset(),
                        r.rows(),
                        r.cols(),
                        r.seedsPerMutant(),
                        r.cycles()),
                String.format(
                        Locale.ROOT,
                        "%.0f s in all: one Verilator build of every mutant %.0f s, %.2f s per mutant",
                        r.seconds(),
                        r.buildSeconds(),
                        r.secondsPerMutant()));
    }

    static String markdown(MutationCampaign.Result r, String command) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT, "# Mutation score %.1f %%: %s %dx%d%n%n", r.score(), r.preset(), r.rows(), r.cols()));
        md.append("What the statuses mean and how survivors are classified: docs/mutation.md.\n\n");
        md.append("`").append(command).append("`\n\n");
        md.append("| | |\n|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| score | **%.1f %%** = %d killed / (%d mutants - %d equivalent) |%n",
                r.score(),
                r.killed(),
                r.mutants(),
                r.equivalent()));
        md.append(String.format(
                Locale.ROOT,
                "| not detected | %d (%d with a counterexample, %d undecided within the bound) |%n",
                r.notDetected(),
                r.notDetected() - r.undecided(),
                r.undecided()));
        md.append(String.format(
                Locale.ROOT,
                "| budget per mutant | seeds 1..%d x %,d cycles, stopped at the first failing seed |%n",
                r.seedsPerMutant(),
                r.cycles()));
        md.append(String.format(
                Locale.ROOT,
                "| sampling | yosys mutate -list %d -seed %d -none on the flattened design (the first is 'none') |%n",
                r.mutants() + 1,
                r.yosysSeed()));
        md.append(String.format(
                Locale.ROOT,
                "| time | %.0f s in all; build %.0f s; %.2f s per mutant |%n%n",
                r.seconds(),
                r.buildSeconds(),
                r.secondsPerMutant()));
        Map<String, long[]> byMode = new TreeMap<>();
        for (MutationCampaign.MutantResult m : r.results()) {
            long[] c = byMode.computeIfAbsent(m.mode(), k -> new long[MutationCampaign.Status.values().length]);
            c[m.status().ordinalIndex()]++;
        }
        md.append("## By mutation kind\n\n| mode | killed | equivalent | not detected |\n|---|---|---|---|\n");
        byMode.forEach((mode, c) -> md.append("| ")
                .append(mode)
                .append(" | ")
                .append(c[0])
                .append(" | ")
                .append(c[1])
                .append(" | ")
                .append(c[2])
                .append(" |\n"));
        md.append("\n## Survivors\n\n");
        List<MutationCampaign.MutantResult> survivors = r.results().stream()
                .filter(m -> m.status() != MutationCampaign.Status.KILLED)
                .toList();
        if (survivors.isEmpty()) {
            md.append("None: every mutant was killed.\n\n");
        }
        for (MutationCampaign.MutantResult m : survivors) {
            md.append("### mutant ")
                    .append(m.index())
                    .append(": ")
                    .append(m.status().id())
                    .append("\n\n");
            md.append("- mutation: ")
                    .append(m.mode())
                    .append(" of `")
                    .append(m.target())
                    .append("`\n");
            md.append("- source: `MramCimMacro.sv:")
                    .append(m.sourceLines().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append("` `")
                    .append(m.source())
                    .append("`\n");
            md.append("- equivalence check: ").append(m.detail()).append("\n");
            md.append("- coverage holes on its line: ")
                    .append(m.coverageHoles().isEmpty() ? "none" : String.join("; ", m.coverageHoles()))
                    .append("\n\n");
        }
        md.append(
                "## Every mutant\n\n| mutant | mode | target | status | killed by seed | seconds |\n|---|---|---|---|---|---|\n");
        for (MutationCampaign.MutantResult m : r.results()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | `%s` | %s | %s | %.2f |%n",
                    m.index(),
                    m.mode(),
                    m.target(),
                    m.status().id(),
                    m.killedBy() == null ? "-" : m.killedBy(),
                    m.seconds()));
        }
        return md.toString();
    }
}
