package mramcim.cosim.verilator;

/**
 * One port of a Verilated top and its place in the shared cycle buffer.
 *
 * @param name the Verilog port name, which is also the signal name in waveforms
 * @param input true for an input of the top, false for an output
 * @param width width in bits (1..)
 * @param offset index of the first 32-bit word in the input or output buffer
 */
public record Port(String name, boolean input, int width, int offset) {

    public Port {
        if (width < 1) {
            throw new IllegalArgumentException("width of port " + name + " = " + width + ": must be >= 1");
        }
    }

    /** Number of 32-bit buffer words the port occupies (Verilator's own word layout). */
    public int words() {
        return (width + 31) / 32;
    }

    /** Verilog declaration-style description, for messages. */
    @Override
    public String toString() {
        return (input ? "input " : "output ") + (width > 1 ? "[" + (width - 1) + ":0] " : "") + name;
    }
}
