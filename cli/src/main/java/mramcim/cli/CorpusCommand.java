package mramcim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mramcim.verification.trace.Corpus;
import mramcim.verification.trace.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mramcim corpus}: the directed traces {@code regress} replays before its seeds. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        description = "The regression corpus: directed command traces that regress replays before its seeds.",
        subcommands = {CorpusCommand.Add.class, CorpusCommand.ListTraces.class})
public final class CorpusCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The directory option both subcommands share. */
    static final class Dir {
        @Option(
                names = "--corpus",
                paramLabel = "DIR",
                description = "the corpus directory (default: the repository's " + Corpus.DEFAULT_DIR + ")")
        Path corpus;

        Path resolve() {
            return corpus != null ? corpus : Corpus.defaultDir();
        }
    }

    /** {@code corpus add FILE --name NAME}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a trace (a shrunk failure: out/shrink/minimal.trace) to the corpus as NAME.trace.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the trace to add")
        Path trace;

        @Option(names = "--name", required = true, description = "its name: the file name and the JUnit test case")
        String name;

        @picocli.CommandLine.Mixin
        Dir dir;

        @Override
        public Integer call() throws Exception {
            TraceFiles.read("FILE", trace);
            Path added = Corpus.add(dir.resolve(), trace, name);
            int n = TraceFormat.read(added).commands();
            System.out.println("added " + added + " (" + n + (n == 1 ? " command" : " commands")
                    + "); regress replays it before the seeds");
            return 0;
        }
    }

    /** {@code corpus list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the corpus's traces.")
    static final class ListTraces implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Dir dir;

        @Override
        public Integer call() throws Exception {
            Path d = dir.resolve();
            if (!Files.isDirectory(d)) {
                System.out.println(d + ": no corpus yet (mramcim corpus add FILE --name NAME)");
                return 0;
            }
            List<Path> traces = Corpus.traces(d);
            for (Path t : traces) {
                var trace = TraceFormat.read(t);
                System.out.println(t.getFileName() + ": " + trace.design() + " seed " + trace.seed() + ", "
                        + trace.commands() + " commands");
            }
            System.out.println(traces.size() + " traces in " + d);
            return 0;
        }
    }
}
