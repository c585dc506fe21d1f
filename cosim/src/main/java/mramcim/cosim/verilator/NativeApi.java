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

    void step(long handle);

    /** Settles combinational logic on the present inputs, without a clock edge. */
    void eval(long handle);

    void reset(long handle, int cycles);

    /** The C++ reference loop: replays recorded input frames, returns the hash of every cycle's outputs. */
    long replay(long handle, long frames, int frameWords, long cycles);

    int traceOpen(long handle, String path);

    void traceClose(long handle);

    void destroy(long handle);
}
