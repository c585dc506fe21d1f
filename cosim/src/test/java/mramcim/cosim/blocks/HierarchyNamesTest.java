package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mramcim.cosim.verilator.NativeBuilder;
import mramcim.cosim.verilator.PortList;
import mramcim.model.periphery.Hierarchy;
import mramcim.rtl.Generator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RTL and the Java model use the same hierarchical names, so that their waveforms line up: the
 * generated top's ports (name, direction, width, order) equal the model's {@link Hierarchy#ports},
 * and the top's block instances (instance name and module) equal {@link Hierarchy#blocks}.
 */
class HierarchyNamesTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"4, 4", "8, 8", "64, 64", "100, 7", "128, 128"})
    void portsAndBlocksOfTheRtlTopAreThoseOfTheJavaModel(int rows, int cols) {
        String sv = Generator.emit(Hierarchy.TOP, rows, cols);
        PortList rtl = NativeBuilder.standard(line -> {})
                .ports(Hierarchy.TOP, List.of(new NativeBuilder.Source("top.sv", sv)));
        List<String> rtlPorts = rtl.declared().stream()
                .map(p -> p.name() + (p.input() ? " in " : " out ") + p.width())
                .toList();
        List<String> modelPorts = Hierarchy.ports(rows, cols).stream()
                .map(p -> p.name() + (p.input() ? " in " : " out ") + p.width())
                .toList();
        assertEquals(modelPorts, rtlPorts, "ports of " + Hierarchy.TOP + " " + rows + "x" + cols);

        Matcher header = Pattern.compile("module " + Hierarchy.TOP + "\\(").matcher(sv);
        assertTrue(header.find(), "module " + Hierarchy.TOP + " in the Verilog");
        String body = sv.substring(header.end(), sv.indexOf("endmodule", header.end()));
        Map<String, String> rtlBlocks = new LinkedHashMap<>();
        Matcher inst = Pattern.compile("(?m)^\\s+([A-Z]\\w*)\\s+(\\w+)\\s*\\(").matcher(body);
        while (inst.find()) {
            rtlBlocks.put(inst.group(2), inst.group(1));
        }
        assertEquals(
                new java.util.TreeMap<>(Hierarchy.blocks()),
                new java.util.TreeMap<>(rtlBlocks),
                "block instances (instance -> module) of " + Hierarchy.TOP);
    }
}
