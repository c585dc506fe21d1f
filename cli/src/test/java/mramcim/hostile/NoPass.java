package mramcim.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether any verdict-carrying file of an output directory claims a pass: the status marker, the
 * summary's verdict, the report's title, or a JUnit XML without a single failure, error or skip
 * (which a CI dashboard shows green). Seed-level PASS entries inside an incomplete summary are not
 * claims about the run.
 */
final class NoPass {

    private static final Pattern SUITE =
            Pattern.compile("<testsuite[^>]*failures=\"(\\d+)\"[^>]*errors=\"(\\d+)\"[^>]*skipped=\"(\\d+)\"");

    private NoPass() {}

    /** The name of a file in {@code dir} (recursively) that says PASS, or null. */
    static String claimant(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if ((name.equals("status.json") || name.equals("summary.json")) && !text.isBlank()) {
                    try {
                        JsonNode v = new ObjectMapper().readTree(text).path("verdict");
                        if ("PASS".equals(v.asText())) {
                            return f + " (verdict PASS)";
                        }
                    } catch (IOException e) {
                        // not JSON: not a claim either
                    }
                } else if (name.equals("report.md")
                        && text.lines().findFirst().orElse("").contains("PASS")) {
                    return f + " (" + text.lines().findFirst().orElse("") + ")";
                } else if (name.equals("junit.xml")) {
                    Matcher m = SUITE.matcher(text);
                    if (m.find()
                            && m.group(1).equals("0")
                            && m.group(2).equals("0")
                            && m.group(3).equals("0")) {
                        return f + " (no failure, error or skip)";
                    }
                    if (text.contains("name=\"verdict\" value=\"PASS\"")) {
                        return f + " (verdict PASS)";
                    }
                } else if (name.equals("summary.txt") && text.startsWith("PASS")) {
                    return f + " (PASS)";
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    static void assertNone(Path dir) {
        String who = claimant(dir);
        assertFalse(who != null, "a file says PASS: " + who);
    }
}
