package mramcim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Walks the text of SPEC sections 1, 4 and 5 against this module: every number the SPEC writes down
 * (opcodes, status codes, field widths and positions, the offset registers, the Q8.8 gain, the
 * largest amplitude, the sizes) is read from the SPEC's own words and compared with the class that
 * holds it. The SPEC text is a verbatim copy in the test resources (the repository is checked out
 * without the project's shared folder); {@link #theCopyIsTheSpecWhereTheSpecIsAtHand} keeps it
 * verbatim.
 */
class SpecTableTest {

    private static final String COPY = "spec-sections-1-4-5.md";

    private static String spec() throws IOException {
        try (InputStream in = SpecTableTest.class.getResourceAsStream(COPY)) {
            assertNotNull(in, COPY + " on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String section(String text, int n) {
        int a = text.indexOf("## " + n + ". ");
        assertTrue(a >= 0, "section " + n + " in the copy");
        int b = text.indexOf("\n## ", a + 1);
        return b < 0 ? text.substring(a) : text.substring(a, b);
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "SPEC text matching /" + regex + "/");
        return m;
    }

    @Test
    void theCopyIsTheSpecWhereTheSpecIsAtHand() throws IOException {
        // From spec/, the project's shared folder is ../../shared when it is checked out beside it.
        Path shared =
                Path.of("").toAbsolutePath().resolve("../../shared/SPEC.md").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(shared), "no shared SPEC.md beside this checkout: " + shared);
        String full = Files.readString(shared);
        String copy = spec();
        for (int n : new int[] {1, 4, 5}) {
            assertEquals(section(full, n).strip(), section(copy, n).strip(), "SPEC section " + n + " copied verbatim");
        }
    }

    @Test
    void opcodeTableGivesEveryOpItsNumberAndNothingElse() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| ([A-Z_]+) \\|").matcher(section(spec(), 5));
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            Op op = Op.valueOf(m.group(2));
            assertEquals(Integer.parseInt(m.group(1)), op.code(), op + "'s code");
            assertEquals(op, Op.of(op.code()));
            seen.add(op.name());
        }
        assertEquals(Op.values().length, seen.size(), "the SPEC table has a row for every op and no other: " + seen);
        assertTrue((1 << Op.WIDTH) > Op.values().length, "cmd_op leaves codes for BAD_CMD");
        for (int code = 0; code < 1 << Op.WIDTH; code++) {
            Op op = Op.of(code);
            assertTrue(op == null || op.code() == code);
        }
    }

    @Test
    void statusCodesAreTheSpecList() throws IOException {
        Matcher list = find(section(spec(), 5), "status\\[(\\d+)\\]` \\(([^)]*)\\)");
        assertEquals(Integer.parseInt(list.group(1)), Status.WIDTH);
        Matcher m = Pattern.compile("(\\d+) ([A-Z_]+)").matcher(list.group(2));
        int n = 0;
        while (m.find()) {
            assertEquals(
                    Integer.parseInt(m.group(1)), Status.valueOf(m.group(2)).code(), m.group(2));
            assertEquals(Status.valueOf(m.group(2)), Status.of(Integer.parseInt(m.group(1))));
            n++;
        }
        assertEquals(Status.values().length, n);
    }

    @Test
    void hostBusFieldWidthsAreTheSpecs() throws IOException {
        String s = section(spec(), 5);
        Matcher cmd = find(s, "(?s)`cmd`: `op\\[(\\d+)\\]`, `addr\\[(\\d+)\\]`.*?`data\\[(\\d+)\\]`");
        assertEquals(Integer.parseInt(cmd.group(1)), HostBus.OP_WIDTH);
        assertEquals(Integer.parseInt(cmd.group(2)), HostBus.ADDR_WIDTH);
        assertEquals(Integer.parseInt(cmd.group(3)), HostBus.DATA_WIDTH);
        Matcher rsp = find(s, "(?s)`rsp`: `status\\[(\\d+)\\]`.*?`data\\[(\\d+)\\]`");
        assertEquals(Integer.parseInt(rsp.group(1)), HostBus.STATUS_WIDTH);
        assertEquals(Integer.parseInt(rsp.group(2)), HostBus.RSP_DATA_WIDTH);
        Matcher amp = find(section(spec(), 4), "`wr_amp\\[(\\d+)\\]`");
        assertEquals(Integer.parseInt(amp.group(1)), WriteVerify.AMP_WIDTH);
        assertEquals(Integer.parseInt(find(s, "amplitude (\\d+) is reached").group(1)), WriteVerify.MAX_AMP);
    }

    @Test
    void cellAddressIsRowAboveColumn() throws IOException {
        Matcher m = find(section(spec(), 5), "row in \\[(\\d+):(\\d+)\\], column in \\[(\\d+):(\\d+)\\]");
        assertEquals(Integer.parseInt(m.group(2)), CellAddress.ROW_LSB);
        assertEquals(Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2)) + 1, CellAddress.ROW_WIDTH);
        assertEquals(Integer.parseInt(m.group(4)), CellAddress.COL_LSB);
        assertEquals(Integer.parseInt(m.group(3)) - Integer.parseInt(m.group(4)) + 1, CellAddress.COL_WIDTH);
        // Every cell of the largest array round-trips, and the two fields never overlap.
        for (int row = 0; row < Sizes.MAX; row++) {
            for (int col = 0; col < Sizes.MAX; col++) {
                int a = CellAddress.encode(row, col);
                assertEquals(row * (1 << Integer.parseInt(m.group(2))) + col, a);
                assertEquals(row, CellAddress.row(a));
                assertEquals(col, CellAddress.col(a));
            }
        }
    }

    @Test
    void readResultWordIsCodeAboveSignedDotProduct() throws IOException {
        Matcher m = find(
                section(spec(), 5), "\\[(\\d+):(\\d+)\\] corrected DP \\(signed\\), \\[(\\d+):(\\d+)\\] raw TDC code");
        assertEquals(0, Integer.parseInt(m.group(2)));
        assertEquals(Integer.parseInt(m.group(1)) + 1, ResultWord.DP_WIDTH);
        assertEquals(Integer.parseInt(m.group(4)), ResultWord.CODE_LSB);
        assertEquals(Integer.parseInt(m.group(3)) - Integer.parseInt(m.group(4)) + 1, ResultWord.CODE_WIDTH);
        assertTrue(ResultWord.CODE_WIDTH >= Sizes.codeWidth(), "every TDC code fits its field");
        for (int dp : new int[] {-Sizes.MAX, -1, 0, 1, Sizes.MAX}) {
            for (int code : new int[] {0, 1, 180, Sizes.codeMax()}) {
                int w = ResultWord.encode(dp, code);
                assertEquals(dp, ResultWord.dp(w));
                assertEquals(code, ResultWord.code(w));
                assertEquals(code * 65536L + (dp & 0xFFFF), w & 0xFFFFFFFFL, "word of dp " + dp + ", code " + code);
            }
        }
    }

    @Test
    void readCellWordIsABitThenBBit() throws IOException {
        Matcher m = find(section(spec(), 5), "bit(\\d) = A, bit(\\d) = B");
        assertEquals(Integer.parseInt(m.group(1)), ReadCellWord.A_BIT);
        assertEquals(Integer.parseInt(m.group(2)), ReadCellWord.B_BIT);
        assertEquals(2, ReadCellWord.encode(false, true));
        assertEquals(1, ReadCellWord.encode(true, false));
        assertEquals(3, ReadCellWord.encode(true, true));
    }

    @Test
    void offsetRegistersAreTheSpecs() throws IOException {
        Matcher m = find(section(spec(), 5), "`OFFSET\\[j\\]` at index 0x([0-9a-fA-F]+) \\+ j \\(signed (\\d+) bit\\)");
        assertEquals(Integer.parseInt(m.group(1), 16), Offsets.BASE);
        int width = Integer.parseInt(m.group(2));
        assertEquals(width, Offsets.WIDTH);
        assertEquals(-Math.pow(2, width - 1), Offsets.MIN);
        assertEquals(Math.pow(2, width - 1) - 1, Offsets.MAX);
        assertTrue(Offsets.legal(Offsets.MIN) && Offsets.legal(Offsets.MAX));
        assertFalse(Offsets.legal(Offsets.MIN - 1L) || Offsets.legal(Offsets.MAX + 1L));
        assertTrue(Offsets.BASE >= Register.GLOBAL_COUNT, "offsets never alias a global register");
    }

    @Test
    void registersAreTheSpecsInItsOrderNumberedFromZero() throws IOException {
        String s = section(spec(), 5);
        String list = find(s, "(?s)\\*\\*Registers\\.\\*\\*(.*?)\\n\\n").group(1);
        Matcher m = Pattern.compile("`([A-Z_0-9]+)`").matcher(list);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("ID")) {
                named.add(m.group(1));
            }
        }
        assertTrue(list.contains("read-only `ID`"));
        named.add("ID");
        List<String> ours = new ArrayList<>();
        for (Register r : Register.values()) {
            ours.add(r.name());
            assertEquals(ours.size() - 1, r.index(), r + " numbered in the SPEC's order from 0");
            assertEquals(r, Register.of(r.index()));
            assertEquals(r.name(), Register.name(r.index()));
            assertEquals(r != Register.ID, r.writable());
            if (r.writable()) {
                assertTrue(r.min() <= r.resetValue() && r.resetValue() <= r.max(), r + " resets into its range");
                assertTrue(r.legal(r.min()) && r.legal(r.max()));
                assertFalse(r.legal(r.min() - 1L) || r.legal(r.max() + 1L), r + " refuses just outside its range");
                assertEquals(Math.pow(2, r.width()) - 1, r.max(), r + "'s maximum is all its bits");
            }
        }
        assertEquals(named, ours);
        assertEquals(Register.GLOBAL_COUNT, ours.size());
        // WR_MODE holds "0 two-pulse, 1 four-pulse": one bit. GAIN is Q8.8 and divides by 256.
        find(s, "`WR_MODE` \\(0 two-pulse, 1 four-pulse\\)");
        assertEquals(1, Register.WR_MODE.width());
        find(s, "unsigned Q8\\.8");
        assertEquals(Integer.parseInt(find(s, "GAIN\\) / (\\d+)\\)").group(1)), Gain.ONE);
        assertEquals(Gain.ONE, Register.GAIN.resetValue(), "GAIN resets to 1.0");
        assertEquals(
                1 << (Register.GAIN.width() - Gain.FRACTION_BITS),
                (Register.GAIN.max() + 1) / Gain.ONE,
                "Q8.8: 8 integer bits above the 8 fraction bits");
    }

    @Test
    void idWordHoldsVersionRowsAndColsOfEverySize() {
        for (int rows = Sizes.MIN; rows <= Sizes.MAX; rows++) {
            for (int cols : new int[] {Sizes.MIN, 64, Sizes.MAX}) {
                int id = IdWord.encode(rows, cols);
                assertEquals(IdWord.VERSION, id >>> 16);
                assertEquals(rows, (id >>> 8) & 0xFF);
                assertEquals(cols, id & 0xFF);
                assertTrue(id < 1L << IdWord.WIDTH);
            }
        }
    }

    @Test
    void sizesAndInputWordsAreTheSpecs() throws IOException {
        Matcher m = find(section(spec(), 1), "from (\\d+) x \\d+ up to (\\d+) x \\d+");
        assertEquals(Integer.parseInt(m.group(1)), Sizes.MIN);
        assertEquals(Integer.parseInt(m.group(2)), Sizes.MAX);
        Matcher in = find(section(spec(), 5), "inputs (\\d+)\\*addr \\.\\. \\d+\\*addr\\+(\\d+)");
        assertEquals(Integer.parseInt(in.group(1)), Sizes.INPUT_WORD_BITS);
        assertEquals(Integer.parseInt(in.group(2)) + 1, Sizes.INPUT_WORD_BITS);
        assertEquals(1, Sizes.inputWords(64));
        assertEquals(2, Sizes.inputWords(65));
        assertEquals(2, Sizes.inputWords(128));
        assertEquals(7, Sizes.indexBits(128));
        assertEquals(2, Sizes.indexBits(4));
        assertEquals(3, Sizes.indexBits(5));
        assertTrue(
                Sizes.MAX < 1 << CellAddress.ROW_WIDTH && Sizes.MAX < 1 << IdWord.FIELD_WIDTH,
                "the largest size fits the address and ID fields");
    }

    @Test
    void gainRoundsHalfAwayFromZero() {
        assertEquals(1, Gain.roundedQuotient(128));
        assertEquals(0, Gain.roundedQuotient(127));
        assertEquals(-1, Gain.roundedQuotient(-128));
        assertEquals(0, Gain.roundedQuotient(-127));
        for (long p = -5000; p <= 5000; p++) {
            assertEquals(
                    (long) (Math.signum(p) * Math.floor(Math.abs(p) / 256.0 + 0.5)),
                    Gain.roundedQuotient(p),
                    "p = " + p);
        }
    }

    @Test
    void writeVerifyPulseBudgetIsTwoMtjsTimesTriesTimesTwoPulses() {
        assertEquals(2 * 15 * 2, WriteVerify.maxPulses());
    }
}
