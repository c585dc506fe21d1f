package mramcim.verification.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The regression corpus: a directory of command traces ({@code NAME.trace}) that {@code regress}
 * replays as directed tests before its random seeds, each a JUnit test case named after its file.
 */
public final class Corpus {

    /** The system property naming the default corpus directory ({@code scripts/mramcim} sets it). */
    public static final String PROPERTY = "mramcim.corpus";

    /** The default corpus, relative to the repository root. */
    public static final String DEFAULT_DIR = "verification/src/test/resources/traces";

    /** The file name ending of a trace. */
    public static final String SUFFIX = ".trace";

    /** A trace's name in the corpus: a test case name, and a file name on every system. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private Corpus() {}

    /** The default corpus directory: the {@value #PROPERTY} property, else {@value #DEFAULT_DIR}. */
    public static Path defaultDir() {
        return Path.of(System.getProperty(PROPERTY, DEFAULT_DIR))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The traces of {@code dir}, by name, each checked to parse.
     *
     * @throws TraceFormatException naming the file, line and column of a malformed one
     */
    public static List<Path> traces(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> traces = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            for (Path t : traces) {
                TraceFormat.read(t);
            }
            return traces;
        } catch (IOException e) {
            throw new UncheckedIOException("corpus " + dir, e);
        }
    }

    /**
     * Adds {@code trace} to the corpus as {@code NAME.trace}, refusing a malformed trace, a name
     * that is not one and a name already taken.
     *
     * @return the new file
     */
    public static Path add(Path dir, Path trace, String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--name '" + name + "' is not a trace name: letters, digits, '.', '_'"
                    + " and '-', starting with a letter or digit, at most 80");
        }
        TraceFormat.read(trace);
        Files.createDirectories(dir);
        Path target = dir.resolve(name + SUFFIX);
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already: choose another --name, or remove it first");
        }
        Path tmp = Files.createTempFile(dir, ".add-", SUFFIX);
        Files.copy(trace, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
