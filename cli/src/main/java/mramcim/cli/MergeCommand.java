package mramcim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mramcim.results.OutputDir;
import mramcim.verification.coverage.CodeCoverageFiles;
import mramcim.verification.regression.RegressionReport;
import mramcim.verification.regression.RegressionSummary;
import mramcim.verification.regression.ShardMerge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mramcim merge}: joins the outputs of regression shards into one report and one coverage.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description =
                "Merge the output directories of regression shards into one report (INCOMPLETE while shards are missing).")
public final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output directories of mramcim regress --shard I/N")
    List<Path> dirs;

    @CommandLine.Mixin
    MutationSummaryOption mutation = new MutationSummaryOption();

    @Option(
            names = "--out",
            defaultValue = "out/regress-merged",
            description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<ShardMerge.Part> parts = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        for (Path d : dirs) {
            Path f = Files.isDirectory(d) ? d.resolve("summary.json") : d;
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + " does not exist (give regression output directories)");
            }
            parts.add(new ShardMerge.Part(d, RegressionReport.read(f)));
            inputs.add(f);
            if (Files.isDirectory(d)) {
                inputs.add(d);
            }
        }
        RegressionSummary merged = ShardMerge.merge(parts, out);
        OutputDir dir = OutputDir.claim(out, "merge", RegressionReport.FILES, inputs);
        return dir.guard(() -> {
            List<Path> withCode = parts.stream()
                    .filter(p -> p.summary().codeCoverage() != null)
                    .map(p -> Files.isDirectory(p.source())
                            ? p.source()
                            : p.source().toAbsolutePath().getParent())
                    .toList();
            RegressionSummary s = mutation.quote(
                    withCode.isEmpty()
                            ? merged
                            : merged.withCodeCoverage(CodeCoverageFiles.mergeShards(
                                    withCode, dir.path(), mramcim.model.periphery.Hierarchy.TOP)),
                    "merge");
            dir.record(List.of(CodeCoverageFiles.DIR));
            List<Path> files = RegressionReport.write(s, dir);
            RegressionReport.console(s).forEach(System.out::println);
            System.out.println("report: "
                    + String.join(", ", files.stream().map(Path::toString).toList()));
            return new OutputDir.Outcome(s.verdict().id(), s.verdict().exitCode());
        });
    }
}
