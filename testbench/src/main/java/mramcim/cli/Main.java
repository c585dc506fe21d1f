package mramcim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mramcim} command line: one subcommand per job. */
@Command(name = "mramcim", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Open verification environment for MRAM in-memory-computing macros.",
        subcommands = {VersionCommand.class, RtlCommand.class, RtlReportCommand.class, ConfigCommand.class, CosimCommand.class, BenchCommand.class, RegressCommand.class, MergeCommand.class,
            ArrayCommand.class, CalibrateCommand.class, ValidateCommand.class, MnistCommand.class, WineCommand.class})
public final class Main implements Runnable {

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
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("mramcim " + cmd.getCommandName() + ": " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl;
    }
}
