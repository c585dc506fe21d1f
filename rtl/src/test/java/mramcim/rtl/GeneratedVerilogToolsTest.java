package mramcim.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated SystemVerilog is clean for the third-party tools a hardware team runs on it:
 * Verilator's lint with every warning enabled, and a yosys synthesis to generic cells.
 */
class GeneratedVerilogToolsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({
        "MramCimMacro, 4, 4",
        "MramCimMacro, 8, 8",
        "MramCimMacro, 64, 64",
        "MramCimMacro, 128, 64",
        "MramCimMacro, 128, 128",
        "TdcBank, 8, 8",
        "TdcBank, 64, 64"
    })
    void lintsWithoutAnyWarningUnderVerilatorWall(String top, int rows, int cols) throws Exception {
        Path sv = Generator.emitTo(top, rows, cols, tmp);
        Result r = run(List.of("verilator", "--lint-only", "-Wall", "--top-module", top, sv.toString()));
        assertEquals(0, r.rc, "verilator --lint-only -Wall exit status; output:\n" + r.out);
        assertEquals("", r.out.trim(), "verilator -Wall must print no warning");
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({
        "MramCimMacro, 4, 4",
        "MramCimMacro, 8, 8",
        "MramCimMacro, 64, 64",
        "MramCimMacro, 128, 64",
        "MramCimMacro, 128, 128",
        "TdcBank, 8, 8",
        "TdcBank, 64, 64"
    })
    void synthesisesWithYosys(String top, int rows, int cols) throws Exception {
        Path sv = Generator.emitTo(top, rows, cols, tmp);
        Result r = run(List.of("yosys", "-p", "read_verilog -sv " + sv + "; synth -top " + top + "; stat"));
        assertEquals(0, r.rc, "yosys exit status; output tail:\n" + tail(r.out));
        Matcher m = Pattern.compile("Number of cells:\\s+(\\d+)").matcher(r.out);
        int cells = 0;
        while (m.find()) {
            cells = Integer.parseInt(m.group(1)); // the last report is the top's
        }
        // Each column holds at least its counter and latched code: 2 * codeWidth flip-flops (the
        // macro's TDC bank as well), so fewer cells than that means logic was optimised away.
        int codeWidth = 12;
        assertTrue(
                cells >= 2 * codeWidth * cols,
                "yosys reports "
                        + cells
                        + " cells for "
                        + cols
                        + " columns; fewer than the flip-flops the counters need means logic was lost");
    }

    private record Result(int rc, String out) {}

    private Result run(List<String> cmd) throws IOException, InterruptedException {
        Path log = tmp.resolve("tool.log");
        Process p = new ProcessBuilder(cmd)
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", cmd) + " timed out");
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }
}
