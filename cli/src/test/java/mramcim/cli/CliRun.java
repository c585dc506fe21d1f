package mramcim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The command line run in the test's JVM as {@code scripts/mramcim} runs it, with what it printed.
 *
 * @param code the exit status
 * @param out standard output (results, verdicts)
 * @param err what picocli and the error handler printed (refusals)
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code args}; standard output is captured for the call (tests run one at a time). */
    public static synchronized CliRun of(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new CliRun(code, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    /** The first line of the refusal (the error handler's line, or picocli's). */
    public String firstErrorLine() {
        return err.lines().findFirst().orElse("");
    }
}
