package mramcim.cosim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The ports of a top module as Verilator itself elaborates them ({@code verilator --xml-only}):
 * ANSI or non-ANSI port lists, several files, parameters and `define'd widths, a yosys gate-level
 * netlist, all read by the same parser that will compile them. The XML names each port of the top
 * ({@code <var dir=... pinIndex=...>} inside {@code <module topModule="1">}) with a data type id
 * whose {@code <basicdtype left= right=>} in the type table gives its width.
 */
final class VerilatorPorts {

    private VerilatorPorts() {}

    /**
     * Reads the ports of {@code top} from the XML Verilator wrote.
     *
     * @throws IllegalArgumentException if the top is missing or a port has a type that cannot be
     *     driven from a word buffer (an unpacked array, a struct)
     */
    static PortList fromXml(Path xml, String top) {
        try (InputStream in = Files.newInputStream(xml)) {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = f.createXMLStreamReader(in);
            Map<String, Integer> widths = new HashMap<>();
            Map<Integer, String[]> pins = new TreeMap<>();
            boolean inTop = false;
            int depth = 0;
            int topDepth = -1;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String el = r.getLocalName();
                    if (el.equals("module") && "1".equals(r.getAttributeValue(null, "topModule"))) {
                        inTop = top.equals(r.getAttributeValue(null, "name"));
                        topDepth = depth;
                    } else if (inTop
                            && depth == topDepth + 1
                            && el.equals("var")
                            && r.getAttributeValue(null, "dir") != null) {
                        int pin = Integer.parseInt(r.getAttributeValue(null, "pinIndex"));
                        pins.put(pin, new String[] {
                            r.getAttributeValue(null, "name"),
                            r.getAttributeValue(null, "dir"),
                            r.getAttributeValue(null, "dtype_id")
                        });
                    } else if (el.equals("basicdtype")) {
                        String left = r.getAttributeValue(null, "left");
                        String right = r.getAttributeValue(null, "right");
                        int w = left == null ? 1 : Math.abs(Integer.parseInt(left) - Integer.parseInt(right)) + 1;
                        widths.put(r.getAttributeValue(null, "id"), w);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth == topDepth && r.getLocalName().equals("module")) {
                        inTop = false;
                        topDepth = -1;
                    }
                    depth--;
                }
            }
            if (pins.isEmpty()) {
                throw new IllegalArgumentException("module " + top + " not found, or it has no ports");
            }
            List<Port> declared = new ArrayList<>();
            List<String> wrapper = new ArrayList<>();
            for (String[] p : pins.values()) {
                String name = p[0];
                String dir = p[1];
                Integer width = widths.get(p[2]);
                if (width == null) {
                    throw new IllegalArgumentException("port "
                            + name
                            + " of "
                            + top
                            + " has a type that is not a plain bit"
                            + " vector (an unpacked array or a struct): mramcim drives only packed vectors");
                }
                if (dir.equals("inout")) {
                    throw new IllegalArgumentException(
                            "port '" + name + "' of " + top + ": inout ports are not supported");
                }
                boolean input = dir.equals("input");
                if (PortList.WRAPPER_PORTS.contains(name)) {
                    if (!input || width != 1) {
                        throw new IllegalArgumentException(
                                "port " + name + " of " + top + " must be a 1-bit input (the wrapper" + " drives it)");
                    }
                    wrapper.add(name);
                    continue;
                }
                declared.add(new Port(name, input, width, 0));
            }
            return PortList.of(top, declared, wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + xml, e);
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IllegalStateException("Verilator's XML " + xml + " cannot be read: " + e.getMessage(), e);
        }
    }
}
