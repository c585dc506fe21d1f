package mramcim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The digital contract of SPEC 5 is typed once, in the spec module: the RTL and the Java model
 * carry no register index, field position, width or range of their own. This is the grep of the
 * issue that asked for it, run on every build: hexadecimal numbers, shifts by the field positions
 * 8 and 16, the limits 127/128/255/256/4095/65535, Chisel widths and bit ranges written as numbers.
 */
class ContractLiteralsTest {

    static final Pattern LITERAL = Pattern.compile("0x[0-9A-Fa-f_]+L?|\\b(?:127|128|255|256|4095|4096|65535)\\b"
            + "|<< *(?:8|16)\\b|>>>? *(?:8|16)\\b|\\b[0-9]+\\.W\\b|\\(\\s*[0-9]+\\s*,\\s*[0-9]+\\s*\\)");

    /**
     * Lines that may hold such a number, each with its reason: the RNG's mixing constants and double
     * scale factors (not the contract), the sizes the build writes, the presets' own parameters, and
     * the passive array of seed 004 (no digital periphery).
     */
    static final List<String> ALLOWED = List.of(
            "model/random/CounterRng.java",
            "model/passive/",
            "rtl/Generator.scala: val DefaultSizes",
            "model/config/MacroConfig.java: new Geometry(",
            "model/config/MacroConfig.java: new TimingParams(");

    static List<String> offending(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path p : files) {
            String[] lines = SourceTree.read(p).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String code = lines[i].replaceAll("//.*$", "").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
                String t = code.strip();
                if (t.startsWith("*")
                        || t.startsWith("/*")
                        || !LITERAL.matcher(code).find()) {
                    continue;
                }
                String where = p.toString().replace('\\', '/') + ": " + t;
                if (ALLOWED.stream().noneMatch(a -> matches(where, a))) {
                    out.add(p.getFileName() + ":" + (i + 1) + ": " + t);
                }
            }
        }
        return out;
    }

    private static boolean matches(String where, String allowed) {
        int colon = allowed.indexOf(": ");
        return colon < 0
                ? where.contains(allowed)
                : where.contains(allowed.substring(0, colon)) && where.contains(allowed.substring(colon + 2));
    }

    @Test
    void theGrepCatchesWhatItIsFor() {
        // The pattern itself: each of these is a contract number typed outside spec.
        for (String line : List.of(
                "int row = addr >>> 8;",
                "val c0 = Input(UInt(16.W))",
                "io.addr(15, 8)",
                "case 0x100 -> x;",
                "value <= 4095",
                "(short) (data & 0xFFFF)",
                "value >= -128 && value <= 127")) {
            assertTrue(LITERAL.matcher(line).find(), line);
        }
        assertTrue(!LITERAL.matcher("Register.FRAME_CYCLES.max()").find());
    }

    @Test
    void rtlAndJavaModelTakeEveryContractNumberFromTheSpecModule() {
        List<Path> files = new ArrayList<>(SourceTree.sources("rtl/src/main"));
        files.addAll(SourceTree.sources("java-model/src/main"));
        assertTrue(files.size() > 50, "sources found: " + files.size());
        assertEquals(List.of(), offending(files));
    }
}
