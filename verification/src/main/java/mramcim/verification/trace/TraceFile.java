package mramcim.verification.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trace with the file it came from (replay commands name the file).
 *
 * @param file where it was read from, or null for one made in memory (a shrinking step)
 */
public record TraceFile(Trace trace, Path file) {

    public TraceFile {
        if (trace == null) {
            throw new IllegalArgumentException("trace is missing");
        }
    }

    /** Reads {@code file}. */
    public static TraceFile read(Path file) throws IOException {
        return new TraceFile(TraceFormat.read(file), file);
    }

    /** A trace made in memory. */
    public static TraceFile of(Trace t) {
        return new TraceFile(t, null);
    }
}
