package mramcim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mramcim.run.RegressionReport;
import mramcim.run.RegressionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mramcim merge}: joins the outputs of regression shards into one report and one coverage. */
@Command(name = "merge", description = "Merge the output directories of regression shards into one report.")
public final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output directories of mramcim regress --shard I/N")
    List<Path> dirs;

    @Option(names = "--out", defaultValue = "out/regress-merged", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<RegressionSummary> parts = new ArrayList<>();
        for (Path d : dirs) {
            Path f = Files.isDirectory(d) ? d.resolve("summary.json") : d;
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + " does not exist (give regression output directories)");
            }
            parts.add(RegressionReport.read(f));
        }
        RegressionSummary s = RegressionReport.merge(parts);
        List<Path> files = RegressionReport.write(s, out);
        RegressionReport.console(s).forEach(System.out::println);
        System.out.println("report: " + String.join(", ", files.stream().map(Path::toString).toList()));
        return s.allPassed() ? 0 : 1;
    }
}
