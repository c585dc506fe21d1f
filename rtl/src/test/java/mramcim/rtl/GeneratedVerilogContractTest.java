package mramcim.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mramcim.spec.HostBus;
import mramcim.spec.IdWord;
import mramcim.spec.Offsets;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.Sizes;
import mramcim.spec.WriteVerify;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks the generated SystemVerilog against the {@code spec} module (whose own test walks it
 * against the SPEC text): the widths of the top's ports, every register's width and reset value in
 * the register file's reset branch, the decoded register and offset indices, the ID constant and
 * the decoded opcodes. What firtool wrote is the truth here, not the Chisel source.
 */
class GeneratedVerilogContractTest {

    /**
     * The ports of a module: name to width, directions aside (firtool lists a direction once per
     * group).
     */
    static Map<String, Integer> ports(String sv, String module) {
        String body = module(sv, module);
        String list = body.substring(body.indexOf('(') + 1, body.indexOf(");"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        int width = 1;
        for (String line : list.split("\n")) {
            Matcher m = Pattern.compile("^\\s*(?:(input|output)\\s*(?:\\[(\\d+):0\\])?)?\\s*(\\w+),?\\s*$")
                    .matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (m.group(1) != null) {
                width = m.group(2) == null ? 1 : Integer.parseInt(m.group(2)) + 1;
            }
            ports.put(m.group(3), width);
        }
        return ports;
    }

    static String module(String sv, String name) {
        int a = sv.indexOf("\nmodule " + name + "(");
        assertTrue(a >= 0, "module " + name + " in the generated Verilog");
        return sv.substring(a, sv.indexOf("\nendmodule", a));
    }

    /** The RTL's name of a register: the lower camel case of its SPEC name. */
    static String rtlName(Register r) {
        StringBuilder b = new StringBuilder();
        for (String part : r.name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"4, 4", "8, 8", "64, 64", "128, 64", "128, 128"})
    void topPortsHaveTheWidthsOfTheContract(int rows, int cols) {
        Map<String, Integer> p = ports(Generator.emit("MramCimMacro", rows, cols), "MramCimMacro");
        assertEquals(HostBus.OP_WIDTH, p.get("cmd_op"));
        assertEquals(HostBus.ADDR_WIDTH, p.get("cmd_addr"));
        assertEquals(HostBus.DATA_WIDTH, p.get("cmd_data"));
        assertEquals(HostBus.STATUS_WIDTH, p.get("rsp_status"));
        assertEquals(HostBus.RSP_DATA_WIDTH, p.get("rsp_data"));
        assertEquals(WriteVerify.AMP_WIDTH, p.get("wr_amp"));
        assertEquals(rows, p.get("in_vec"));
        assertEquals(cols, p.get("cmp"));
        assertEquals(Sizes.indexBits(rows), p.get("acc_row"));
        assertEquals(Sizes.indexBits(cols), p.get("acc_col"));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"4, 4", "8, 8", "64, 64", "128, 64", "128, 128"})
    void registerFileResetsEveryRegisterToItsValueAtItsWidth(int rows, int cols) {
        String rf = module(Generator.emit("MramCimMacro", rows, cols), "RegisterFile");
        String reset = rf.substring(rf.indexOf("if (reset) begin"), rf.indexOf("end", rf.indexOf("if (reset) begin")));
        for (Register r : Register.values()) {
            if (!r.writable()) {
                continue;
            }
            Matcher m = Pattern.compile("\\b" + rtlName(r) + " <= (\\d+)'h([0-9A-F]+);")
                    .matcher(reset);
            assertTrue(m.find(), r + " (" + rtlName(r) + ") reset in:\n" + reset);
            assertEquals(r.width(), Integer.parseInt(m.group(1)), r + " width");
            assertEquals(r.resetValue(), Integer.parseInt(m.group(2), 16), r + " reset value");
        }
        for (int j = 0; j < cols; j++) {
            Matcher m = Pattern.compile("\\boffset_" + j + " <= (\\d+)'h0;").matcher(reset);
            assertTrue(m.find(), "offset_" + j + " resets to 0");
            assertEquals(Offsets.WIDTH, Integer.parseInt(m.group(1)));
        }
        assertTrue(!reset.contains("offset_" + cols + " "), "one offset per column, no more");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"4, 4", "8, 8", "64, 64", "128, 128"})
    void registerFileDecodesTheIndicesTheIdAndTheOffsetWindow(int rows, int cols) {
        String rf = module(Generator.emit("MramCimMacro", rows, cols), "RegisterFile");
        String idx = HostBus.ADDR_WIDTH + "'h";
        for (Register r : Register.values()) {
            assertTrue(
                    rf.contains("io_index == "
                            + idx
                            + Integer.toHexString(r.index()).toUpperCase(Locale.ROOT)),
                    r + " decoded at index " + r.index());
        }
        assertTrue(
                rf.contains("io_index < "
                        + idx
                        + Integer.toHexString(Offsets.BASE + cols).toUpperCase(Locale.ROOT)),
                "the offset window ends at BASE + COLS");
        String id = Integer.toHexString(IdWord.encode(rows, cols)).toUpperCase(Locale.ROOT);
        assertTrue(rf.contains(HostBus.RSP_DATA_WIDTH + "'h" + id), "ID constant 0x" + id + " in:\n" + rf);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"8, 8", "64, 64"})
    void controllerDecodesEveryOpcode(int rows, int cols) {
        String ctrl = module(Generator.emit("MramCimMacro", rows, cols), "Controller");
        Map<String, Integer> p = ports(Generator.emit("MramCimMacro", rows, cols), "Controller");
        assertNotNull(p.get("io_op"));
        assertEquals(Op.WIDTH, p.get("io_op"));
        for (Op op : Op.values()) {
            String decode =
                    op.code() == 0 ? "~(|io_op)" : "io_op == " + Op.WIDTH + "'h" + Integer.toHexString(op.code());
            assertTrue(ctrl.contains(decode), op + " decoded as " + decode);
        }
    }
}
