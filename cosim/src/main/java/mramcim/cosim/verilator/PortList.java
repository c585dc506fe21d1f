package mramcim.cosim.verilator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports of a top module, read from its SystemVerilog header, with their buffer offsets.
 *
 * <p>{@code clock} and {@code reset} are driven by the wrapper itself and are not in the buffers.
 * Reading the header rather than asking Chisel lets a hand-edited netlist ({@code --verilog}) be
 * used as it is, as long as it keeps the ANSI port style that firtool writes.
 */
public final class PortList {

    /** Ports the C++ wrapper drives itself. */
    public static final List<String> WRAPPER_PORTS = List.of("clock", "reset");

    private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\d+)\\s*:\\s*(\\d+)\\s*]");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final String top;
    private final List<Port> inputs;
    private final List<Port> outputs;
    private final Map<String, Port> byName;
    private final List<Port> declared;
    private final List<String> wrapperPorts;

    private PortList(String top, List<Port> inputs, List<Port> outputs, List<Port> declared) {
        this(top, inputs, outputs, declared, WRAPPER_PORTS);
    }

    private PortList(String top, List<Port> inputs, List<Port> outputs, List<Port> declared, List<String> wrapperPorts) {
        this.top = top;
        this.wrapperPorts = List.copyOf(wrapperPorts);
        this.declared = Collections.unmodifiableList(declared);
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputs = Collections.unmodifiableList(outputs);
        Map<String, Port> m = new LinkedHashMap<>();
        inputs.forEach(p -> m.put(p.name(), p));
        outputs.forEach(p -> m.put(p.name(), p));
        this.byName = Collections.unmodifiableMap(m);
    }

    /**
     * Parses the ANSI-style header of module {@code top} in {@code verilog}.
     *
     * @throws IllegalArgumentException if the module is missing or its header cannot be read
     */
    public static PortList parse(String verilog, String top) {
        String src = verilog.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        Matcher m = Pattern.compile("\\bmodule\\s+" + Pattern.quote(top) + "\\s*(#\\s*\\(.*?\\)\\s*)?\\((.*?)\\)\\s*;",
                Pattern.DOTALL).matcher(src);
        if (!m.find()) {
            throw new IllegalArgumentException("module " + top + " not found in the Verilog (expected an ANSI header"
                    + " 'module " + top + "(input ..., output ...);')");
        }
        List<Port> ins = new ArrayList<>();
        List<Port> outs = new ArrayList<>();
        List<Port> declared = new ArrayList<>();
        List<String> wrapperSeen = new ArrayList<>();
        Boolean input = null;
        int width = 1;
        int inOff = 0;
        int outOff = 0;
        for (String raw : m.group(2).split(",")) {
            String decl = raw.trim();
            if (decl.isEmpty()) {
                continue;
            }
            String[] toks = decl.split("\\s+", 2);
            if (toks[0].equals("input") || toks[0].equals("output")) {
                input = toks[0].equals("input");
                decl = toks.length > 1 ? toks[1] : "";
                width = 1;
                decl = decl.replaceFirst("^(wire|logic|reg)\\b\\s*", "");
                Matcher r = RANGE.matcher(decl);
                if (r.lookingAt()) {
                    width = Math.abs(Integer.parseInt(r.group(1)) - Integer.parseInt(r.group(2))) + 1;
                    decl = decl.substring(r.end()).trim();
                }
            } else if (toks[0].equals("inout")) {
                throw new IllegalArgumentException("port '" + decl + "' of " + top + ": inout ports are not supported");
            }
            if (input == null || !IDENT.matcher(decl).matches()) {
                throw new IllegalArgumentException("cannot read port declaration '" + raw.trim() + "' of module " + top);
            }
            if (WRAPPER_PORTS.contains(decl)) {
                if (!input || width != 1) {
                    throw new IllegalArgumentException("port " + decl + " of " + top + " must be a 1-bit input (the wrapper"
                            + " drives it)");
                }
                wrapperSeen.add(decl);
                continue;
            }
            if (input) {
                Port p = new Port(decl, true, width, inOff);
                ins.add(p);
                declared.add(p);
                inOff += p.words();
            } else {
                Port p = new Port(decl, false, width, outOff);
                outs.add(p);
                declared.add(p);
                outOff += p.words();
            }
        }
        return new PortList(top, ins, outs, declared, wrapperSeen);
    }

    /** Which of {@link #WRAPPER_PORTS} (clock, reset) the header declares. */
    public List<String> wrapperPorts() {
        return wrapperPorts;
    }

    /**
     * The port list of {@code top} with these ports in declaration order (name, direction and
     * width; buffer offsets are recomputed), for example as a worker process receives it.
     */
    public static PortList of(String top, List<Port> declared) {
        List<Port> ins = new ArrayList<>();
        List<Port> outs = new ArrayList<>();
        List<Port> all = new ArrayList<>();
        int inOff = 0;
        int outOff = 0;
        for (Port d : declared) {
            Port p = new Port(d.name(), d.input(), d.width(), d.input() ? inOff : outOff);
            if (p.input()) {
                ins.add(p);
                inOff += p.words();
            } else {
                outs.add(p);
                outOff += p.words();
            }
            all.add(p);
        }
        return new PortList(top, ins, outs, all);
    }

    /** Name of the top module. */
    public String top() {
        return top;
    }

    /** Inputs in header order, without clock and reset. */
    public List<Port> inputs() {
        return inputs;
    }

    /** All ports in the order the module header declares them, without clock and reset. */
    public List<Port> declared() {
        return declared;
    }

    /** Outputs in header order. */
    public List<Port> outputs() {
        return outputs;
    }

    /** The port named {@code name}, or an exception listing the ports there are. */
    public Port port(String name) {
        Port p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("port " + name + " does not exist on " + top + "; ports: " + byName.keySet());
        }
        return p;
    }

    /** Size of the input buffer in 32-bit words. */
    public int inputWords() {
        return inputs.stream().mapToInt(Port::words).sum();
    }

    /** Size of the output buffer in 32-bit words. */
    public int outputWords() {
        return outputs.stream().mapToInt(Port::words).sum();
    }

    /**
     * C++ code that copies the buffers to and from the Verilated model's port members, in
     * Verilator's own representation (CData..QData for up to 64 bits, VlWide words above).
     */
    public String portsHeader() {
        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by mramcim PortList for ").append(top).append(": do not edit.\n");
        sb.append("#define MRAMCIM_INPUT_WORDS ").append(inputWords()).append("\n");
        sb.append("#define MRAMCIM_OUTPUT_WORDS ").append(outputWords()).append("\n");
        sb.append("static inline void apply_inputs(Vtop* m, const uint32_t* in) {\n");
        for (Port p : inputs) {
            if (p.width() <= 32) {
                sb.append("    m->").append(p.name()).append(" = in[").append(p.offset()).append("];\n");
            } else if (p.width() <= 64) {
                sb.append("    m->").append(p.name()).append(" = static_cast<uint64_t>(in[").append(p.offset())
                        .append("]) | (static_cast<uint64_t>(in[").append(p.offset() + 1).append("]) << 32);\n");
            } else {
                for (int k = 0; k < p.words(); k++) {
                    sb.append("    m->").append(p.name()).append("[").append(k).append("] = in[")
                            .append(p.offset() + k).append("];\n");
                }
            }
        }
        sb.append("}\n\nstatic inline void read_outputs(Vtop* m, uint32_t* out) {\n");
        for (Port p : outputs) {
            if (p.width() <= 32) {
                sb.append("    out[").append(p.offset()).append("] = m->").append(p.name()).append(";\n");
            } else if (p.width() <= 64) {
                sb.append("    out[").append(p.offset()).append("] = static_cast<uint32_t>(m->").append(p.name())
                        .append(");\n");
                sb.append("    out[").append(p.offset() + 1).append("] = static_cast<uint32_t>(m->")
                        .append(p.name()).append(" >> 32);\n");
            } else {
                for (int k = 0; k < p.words(); k++) {
                    sb.append("    out[").append(p.offset() + k).append("] = m->").append(p.name()).append("[")
                            .append(k).append("];\n");
                }
            }
        }
        sb.append("}\n");
        return sb.toString();
    }
}
