package mramcim.cosim.verilator;

/**
 * The C ABI of one Verilated library (see wrapper.cpp). Each loaded library gets its own
 * direct-mapped implementation class, so that libraries of several configurations can be open in
 * one JVM at once.
 */
public interface NativeApi {

    String buildHash();

    String buildInfo();

    long create(long in, long out, long halfPeriodPs);

    /** One clock edge; returns a {@link HaltCause} code, 0 while the simulation runs on. */
    int step(long handle);

    /**
     * Settles combinational logic on the present inputs, without a clock edge; returns a halt code.
     */
    int eval(long handle);

    /** Reset edges; returns a halt code. */
    int reset(long handle, int cycles);

    /** Where and why the netlist halted, empty while it runs. */
    String haltMessage(long handle);

    /**
     * The C++ reference loop: replays recorded input frames, returns the hash of every cycle's
     * outputs.
     */
    long replay(long handle, long frames, int frameWords, long cycles);

    /**
     * The batched lockstep: plays recorded frames and compares the output words {@code slots} with
     * the expected words after every edge; returns the index of the first edge that differs or
     * halts, or {@code cycles} when all agreed.
     */
    long check(long handle, long frames, int frameWords, long expected, long slots, int nSlots, long cycles);

    /** The halt code of the simulation so far ({@link HaltCause}), 0 while it runs on. */
    int haltCode(long handle);

    int traceOpen(long handle, String path);

    void traceClose(long handle);

    /**
     * Writes the coverage points counted so far: 0 written, 1 not a coverage build, 2 the model is
     * dead.
     */
    int coverageWrite(long handle, String path);

    void destroy(long handle);
}
