package mramcim.cli;

import java.nio.file.Path;
import mramcim.verification.coverage.MutationScore;
import mramcim.verification.regression.RegressionSummary;
import picocli.CommandLine.Option;

/**
 * {@code --mutation-summary}: where a regression report finds the last mutation score it quotes.
 */
public final class MutationSummaryOption {

    @Option(
            names = "--mutation-summary",
            paramLabel = "FILE",
            defaultValue = MutationScore.DEFAULT_SUMMARY,
            description = "the last mramcim mutate campaign's summary.json, quoted in the report beside the coverage"
                    + " (default ${DEFAULT-VALUE}; not there: the report says so)")
    Path file;

    /** {@code s} quoting the campaign found in the file, if any. */
    RegressionSummary quote(RegressionSummary s, String command) {
        return s.withMutation(MutationScore.lookup(file, w -> System.err.println(command + ": " + w)));
    }
}
