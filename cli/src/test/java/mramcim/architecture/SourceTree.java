package mramcim.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's source tree as text, for the tests that hold its structure (run from cli/). */
final class SourceTree {

    private static final Pattern MODULE = Pattern.compile("<module>([\\w-]+)</module>");

    private SourceTree() {}

    /** The repository root: the folder above the cli module, holding the parent POM. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException(
                    "no parent pom.xml above " + Path.of("").toAbsolutePath());
        }
        return root;
    }

    /** The modules the parent POM lists, in its order. */
    static List<String> modules() throws IOException {
        Matcher m = MODULE.matcher(Files.readString(root().resolve("pom.xml")));
        List<String> modules = new java.util.ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** The Java and Scala sources below {@code dir} (relative to the root), sorted. */
    static List<Path> sources(String dir) {
        Path d = root().resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".scala"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
