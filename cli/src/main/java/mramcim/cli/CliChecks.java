package mramcim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of command-line values; every refusal names the option, the value and what is allowed. */
final class CliChecks {

    /**
     * Longest run accepted, in cycles: 10^11, about a day of lockstep at a million cycles per
     * second. Anything longer is a typo or a run without end.
     */
    static final long MAX_CYCLES = 100_000_000_000L;

    /** Largest thread count: more threads than this machine has cores are queued, not faster. */
    static final int MAX_THREADS = 256;

    private CliChecks() {}

    static long range(String name, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range: allowed " + lo + ".." + hi);
        }
        return value;
    }

    static long cycles(String name, long value) {
        return range(name, value, 1, MAX_CYCLES);
    }

    static Path readableFile(String name, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(name + " = " + file + " is not a readable file");
        }
        return file;
    }
}
