package mramcim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mramcim.verification.trace.TraceFile;

/** Reads the trace file an option names, refusing a missing one with the option's name (exit 2). */
final class TraceFiles {

    private TraceFiles() {}

    static TraceFile read(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    option + " " + file + ": no such file (record one with mramcim cosim --record FILE)");
        }
        try {
            return TraceFile.read(file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(option + " " + file, e);
        }
    }
}
