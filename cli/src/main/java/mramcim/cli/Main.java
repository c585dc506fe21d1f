package mramcim.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mramcim} command line: one subcommand per job. */
@Command(
        name = "mramcim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Open verification environment for MRAM in-memory-computing macros.",
        subcommands = {
            VersionCommand.class,
            RtlCommand.class,
            RtlReportCommand.class,
            ConfigCommand.class,
            CosimCommand.class,
            BenchCommand.class,
            RegressCommand.class,
            MergeCommand.class,
            MutateCommand.class,
            ArrayCommand.class,
            CalibrateCommand.class,
            ValidateCommand.class,
            MeasureCommand.class,
            FitCommand.class,
            MnistCommand.class,
            Vgg8Command.class,
            WineCommand.class,
            ShrinkCommand.class,
            CorpusCommand.class,
            WaveCommand.class
        })
public final class Main implements Runnable {

    /** Exit status of bad usage: an option out of range, an unreadable or malformed input. */
    public static final int EXIT_USAGE = 2;

    /** Exit status of a failed check or run. */
    public static final int EXIT_FAIL = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Exit codes: 0 success, 1 a failed check or run, 2 bad usage. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Every command answers --help and --version, whether or not its class asks for it.
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex));
            return ex instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAIL;
        });
        return cl;
    }

    /**
     * The one line a user sees for an error: the exception's own message (every refusal of ours
     * names the parameter, the value and the fix), with the cause of an I/O error; an error without
     * a message is an internal one, named as such.
     */
    static String message(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof UncheckedIOException u
                && u.getCause() != null
                && u.getCause().getMessage() != null
                && (m == null || !m.contains(u.getCause().getMessage()))) {
            m = (m == null ? "" : m + ": ") + u.getCause().getMessage();
        }
        if (m == null || m.isBlank()) {
            return "internal error ("
                    + ex.getClass().getSimpleName()
                    + " without a message); please report it with the command line";
        }
        return m;
    }
}
