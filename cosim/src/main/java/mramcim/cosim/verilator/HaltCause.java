package mramcim.cosim.verilator;

import java.util.Arrays;

/**
 * How a netlist ended its own simulation, as the C++ wrapper reports it. The numeric codes cross
 * the JNA boundary (they are generated into the library's {@code build_info.h}) and the ids appear
 * in {@code summary.json}; both are stable, explicit identifiers, never ordinals.
 */
public enum HaltCause {
    /** The simulation runs on. */
    NONE(0, "none", "running"),
    /** {@code $finish}: the netlist declared the simulation over. */
    FINISH(1, "rtl-finish", "the netlist called $finish"),
    /**
     * {@code $stop}; Verilator also ends {@code $fatal} and {@code $error} with it, after printing
     * their message.
     */
    STOP(2, "rtl-stop", "the netlist called $stop (or $fatal, $error)"),
    /**
     * {@code $fatal}, or a fatal error of Verilator's runtime, for example a combinational region
     * that does not converge; the model cannot be evaluated any further.
     */
    FATAL(3, "rtl-fatal", "fatal error in the netlist's simulation");

    private final int code;
    private final String id;
    private final String meaning;

    HaltCause(int code, String id, String meaning) {
        this.code = code;
        this.id = id;
        this.meaning = meaning;
    }

    /** The code the wrapper returns. */
    public int code() {
        return code;
    }

    /** The stable id written to reports. */
    public String id() {
        return id;
    }

    /** What it means, for a person. */
    public String meaning() {
        return meaning;
    }

    /** The cause of a wrapper code; an unknown code is a wrapper/Java mismatch. */
    public static HaltCause of(int code) {
        return Arrays.stream(values())
                .filter(c -> c.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("native library returned unknown halt code " + code));
    }

    /** The C preprocessor definitions of every code, for {@code build_info.h}. */
    static String defines() {
        StringBuilder sb = new StringBuilder();
        for (HaltCause c : values()) {
            sb.append("#define MRAMCIM_HALT_")
                    .append(c.name())
                    .append(' ')
                    .append(c.code)
                    .append('\n');
        }
        return sb.toString();
    }
}
