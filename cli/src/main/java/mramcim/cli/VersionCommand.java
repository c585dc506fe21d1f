package mramcim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mramcim version}: the tool version and the pinned tool chain. */
@Command(name = "version", description = "Print the mramcim version and the tool chain it is built for.")
public final class VersionCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }

    /** Reads the version from the build-filtered resource. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = VersionCommand.class.getResourceAsStream("/mramcim/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException ignored) {
                // Falls back to "unknown" below.
            }
            return new String[] {
                "mramcim " + p.getProperty("version", "unknown"),
                "chisel "
                        + p.getProperty("chisel", "unknown")
                        + " on scala "
                        + p.getProperty("scala", "unknown")
                        + ", java "
                        + System.getProperty("java.version"),
            };
        }
    }
}
