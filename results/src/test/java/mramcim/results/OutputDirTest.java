package mramcim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory contract: claimed before work, written atomically, inputs never replaced.
 */
class OutputDirTest {

    @TempDir
    Path tmp;

    @Test
    void aClaimRemovesTheLastRunsResultsAndSaysRunning() throws Exception {
        Path out = tmp.resolve("out");
        OutputDir first = OutputDir.claim(out, "regress", List.of("report.md"), List.of());
        first.write("report.md", "# Regression PASS\n");
        first.write("chart.png", new byte[] {1, 2, 3});
        first.finish("PASS");
        Files.writeString(out.resolve("mine.txt"), "not the tool's");

        OutputDir.claim(out, "regress", List.of("report.md"), List.of());
        assertFalse(Files.exists(out.resolve("report.md")), "the old report is gone");
        assertFalse(Files.exists(out.resolve("chart.png")), "what the status file listed is gone");
        assertTrue(Files.exists(out.resolve("mine.txt")), "a file the tool did not write stays");
        assertEquals(
                "RUNNING",
                new ObjectMapper()
                        .readTree(out.resolve(OutputDir.STATUS).toFile())
                        .get("verdict")
                        .asText());
    }

    @Test
    void aDirectoryIsRemovedOnlyWhenTheToolWroteIt() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("home"));
        Path mine = Files.createDirectories(out.resolve("logs"));
        Files.writeString(mine.resolve("diary.txt"), "mine");
        OutputDir first = OutputDir.claim(out, "regress", List.of("logs", "report.md"), List.of());
        assertTrue(Files.exists(mine.resolve("diary.txt")), "a user's directory of the same name stays");
        first.finish("PASS");
        Files.createDirectories(out.resolve("failures").resolve("seed-1"));
        OutputDir second = OutputDir.claim(out, "regress", List.of("failures"), List.of());
        second.record(List.of("failures"));
        second.finish("FAIL");
        assertTrue(Files.exists(out.resolve("failures")), "not listed by the first run: kept");
        OutputDir.claim(out, "regress", List.of("failures"), List.of());
        assertFalse(Files.exists(out.resolve("failures")), "listed by the run before: removed");
        assertTrue(Files.exists(mine.resolve("diary.txt")));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesWhatWasThereAndNoTemporaryFile() throws Exception {
        OutputDir out = OutputDir.claim(tmp.resolve("out"), "regress", List.of(), List.of());
        out.write("junit.xml", "<testsuite failures=\"1\"/>\n");
        IOException e = assertThrows(
                IOException.class,
                () -> out.writeWith("junit.xml", f -> {
                    Files.writeString(f, "<testsu");
                    throw new IOException("No space left on device");
                }));
        assertTrue(
                e.getMessage().contains("No space left on device")
                        && e.getMessage().contains("junit.xml"),
                e.getMessage());
        assertEquals(
                "<testsuite failures=\"1\"/>\n",
                Files.readString(out.resolve("junit.xml")),
                "the previous file stays whole");
        try (var files = Files.list(out.path())) {
            assertEquals(
                    List.of("junit.xml", OutputDir.STATUS),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary or zero-byte file is left");
        }
    }

    @Test
    void anInputIsNeverRemovedNorOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path input = Files.writeString(out.resolve("offsets.json"), "{}");
        OutputDir d = OutputDir.claim(out, "validate", List.of("offsets.json"), List.of(input));
        assertTrue(Files.exists(input), "claim keeps the input");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.write("offsets.json", "x"));
        assertTrue(e.getMessage().contains("would overwrite the input"), e.getMessage());
        assertEquals("{}", Files.readString(input));
        IllegalArgumentException self = assertThrows(
                IllegalArgumentException.class, () -> OutputDir.claim(out, "merge", List.of(), List.of(out)));
        assertTrue(self.getMessage().contains("is an input of this run"), self.getMessage());
    }

    @Test
    void anUnusableDirectoryIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        IllegalArgumentException a = assertThrows(
                IllegalArgumentException.class, () -> OutputDir.claim(file, "regress", List.of(), List.of()));
        assertTrue(a.getMessage().startsWith("--out = " + file + " is a file, not a directory"), a.getMessage());
        IllegalArgumentException b = assertThrows(
                IllegalArgumentException.class,
                () -> OutputDir.claim(file.resolve("below"), "regress", List.of(), List.of()));
        assertTrue(b.getMessage().contains("cannot be created"), b.getMessage());
    }

    @Test
    void theEndOfAGuardedRunIsRecordedHoweverItEnds() throws Exception {
        OutputDir ok = OutputDir.claim(tmp.resolve("a"), "x", List.of(), List.of());
        assertEquals(1, ok.guard(() -> new OutputDir.Outcome("FAIL", 1)));
        assertEquals("FAIL", verdict(ok));
        OutputDir bad = OutputDir.claim(tmp.resolve("b"), "x", List.of(), List.of());
        assertThrows(
                IllegalArgumentException.class,
                () -> bad.guard(() -> {
                    throw new IllegalArgumentException("netlist refused");
                }));
        assertEquals("REFUSED", verdict(bad));
        OutputDir crash = OutputDir.claim(tmp.resolve("c"), "x", List.of(), List.of());
        assertThrows(
                IllegalStateException.class,
                () -> crash.guard(() -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("CRASHED", verdict(crash));
    }

    private static String verdict(OutputDir d) throws IOException {
        return new ObjectMapper()
                .readTree(d.resolve(OutputDir.STATUS).toFile())
                .get("verdict")
                .asText();
    }
}
