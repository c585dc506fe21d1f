package mramcim.verification.yosys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/rtl.md's cell counts come from the script, not from a keyboard: the 8x8 column of the
 * committed page equals a fresh yosys synthesis of the present RTL, module by module.
 */
class RtlReportTest {

    @TempDir
    Path tmp;

    private static final Path DOC = Path.of("..", "docs", "rtl.md");

    @Test
    void committedCellCountsMatchAFreshSynthesisAt8x8() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int b = doc.indexOf(RtlReport.BEGIN);
        int e = doc.indexOf(RtlReport.END);
        assertTrue(b >= 0 && e > b, "docs/rtl.md holds the generated section");
        String section = doc.substring(b, e);
        List<String> header = List.of(section.lines()
                        .filter(l -> l.startsWith("| module |"))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no cell-count table in docs/rtl.md; run scripts/rtl-report"))
                        .split("\\|"))
                .stream()
                .map(String::trim)
                .toList();
        int col = header.indexOf("8x8");
        assertTrue(col > 0, "an 8x8 column in " + header);
        Map<String, Integer> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*(?:`(\\w+)`|\\*\\*MramCimMacro total\\*\\*)\\s*\\|.*$")
                .matcher(section);
        while (row.find()) {
            String[] cells = row.group().split("\\|");
            String name = row.group(1) == null ? YosysCellCounts.TOTAL : row.group(1);
            documented.put(name, Integer.parseInt(cells[col].trim().replace(",", "")));
        }
        Path sv = Generator.emitTo("MramCimMacro", 8, 8, tmp);
        Map<String, Integer> fresh = YosysCellCounts.count(sv, "MramCimMacro");
        assertEquals(fresh, documented, "docs/rtl.md is stale: run scripts/rtl-report");
    }

    @Test
    void parsesEveryModuleSectionAndTheHierarchyTotal() {
        String stat = """
                === Inner ===

                   Number of wires:                 10
                   Number of cells:                 12

                === Top ===

                   Number of cells:                  3

                === design hierarchy ===

                   Top                               1
                     Inner                           2
                   Number of cells:                 27
                """;
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("Inner", 12);
        expected.put("Top", 3);
        expected.put(YosysCellCounts.TOTAL, 27);
        assertEquals(expected, YosysCellCounts.parse(stat));
    }
}
