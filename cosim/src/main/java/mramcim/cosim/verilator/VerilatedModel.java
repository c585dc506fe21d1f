package mramcim.cosim.verilator;

import java.nio.file.Path;

/**
 * One running instance of a Verilated top. All inputs of a cycle are written into a shared native
 * buffer, {@link #step()} applies one rising clock edge in a single native call, and all outputs of
 * the cycle are then read from the second buffer: no per-signal native calls.
 *
 * <p>Cycle semantics: the inputs set before {@code step()} are those sampled at the edge; the
 * outputs read after it are the model's outputs after the edge. Not thread-safe: one instance is
 * driven by one thread.
 */
public final class VerilatedModel implements AutoCloseable {

    /** Default half clock period in the trace time base (picoseconds): the 2.0 GHz TDC clock. */
    public static final long DEFAULT_HALF_PERIOD_PS = 250;

    private final NativeBuild build;
    private final NativeApi api;
    private final CycleBuffer in;
    private final CycleBuffer out;
    private long handle;
    private long cycle;

    private VerilatedModel(NativeBuild build, long halfPeriodPs) {
        this.build = build;
        this.api = NativeLoader.load(build);
        PortList ports = build.ports();
        this.in = new CycleBuffer(ports.inputWords());
        this.out = new CycleBuffer(ports.outputWords());
        this.handle = api.create(in.address(), out.address(), halfPeriodPs);
        if (handle == 0) {
            throw new RtlHaltedException(HaltCause.FATAL, "the netlist failed while its model was constructed", 0);
        }
    }

    /** Opens an instance of a built library, refusing a stale or mismatched one. */
    public static VerilatedModel open(NativeBuild build) {
        return new VerilatedModel(build, DEFAULT_HALF_PERIOD_PS);
    }

    /** Opens an instance whose waveform time base uses the given half clock period. */
    public static VerilatedModel open(NativeBuild build, long halfPeriodPs) {
        return new VerilatedModel(build, halfPeriodPs);
    }

    /** The build this instance runs. */
    public NativeBuild build() {
        return build;
    }

    /** The top's ports. */
    public PortList ports() {
        return build.ports();
    }

    /** Number of clock edges applied so far, reset cycles included. */
    public long cycle() {
        return cycle;
    }

    /** Holds reset high for {@code cycles} edges with the current inputs, then releases it. */
    public void reset(int cycles) {
        checkOpen();
        int halt = api.reset(handle, cycles);
        cycle += cycles;
        checkHalt(halt);
    }

    /**
     * Applies one rising clock edge: current inputs in, new outputs out.
     *
     * @throws RtlHaltedException if the netlist ended the simulation in this edge
     */
    public void step() {
        checkOpen();
        int halt = api.step(handle);
        cycle++;
        checkHalt(halt);
    }

    private void checkHalt(int halt) {
        if (halt != HaltCause.NONE.code()) {
            throw new RtlHaltedException(HaltCause.of(halt), build.cite(api.haltMessage(handle)), cycle);
        }
    }

    /**
     * Settles the combinational logic on the present inputs without a clock edge: outputs that
     * depend combinationally on inputs show the values of the present cycle.
     */
    public void eval() {
        checkOpen();
        checkHalt(api.eval(handle));
    }

    /** Sets an input of up to 64 bits; bits above the port width must be zero. */
    public void set(Port p, long value) {
        checkInput(p);
        if (p.width() < 64 && (value >>> p.width()) != 0) {
            throw new IllegalArgumentException("value 0x" + Long.toHexString(value) + " does not fit " + p);
        }
        in.put(p.offset(), (int) value);
        if (p.words() > 1) {
            in.put(p.offset() + 1, (int) (value >>> 32));
        }
    }

    /** Sets an input of any width from little-endian 64-bit words. */
    public void setWords(Port p, long[] words) {
        checkInput(p);
        for (int k = 0; k < p.words(); k++) {
            long w = k / 2 < words.length ? words[k / 2] : 0;
            in.put(p.offset() + k, (int) (k % 2 == 0 ? w : w >>> 32));
        }
    }

    /** Reads an output (or input) of up to 64 bits. */
    public long get(Port p) {
        CycleBuffer buf = p.input() ? in : out;
        long lo = Integer.toUnsignedLong(buf.get(p.offset()));
        return p.words() > 1 ? lo | ((long) buf.get(p.offset() + 1) << 32) : lo;
    }

    /** Reads a port of any width into little-endian 64-bit words. */
    public long[] getWords(Port p) {
        long[] words = new long[(p.words() + 1) / 2];
        getWords(p, words);
        return words;
    }

    /** Copies the input buffer of the present cycle into {@code dst} at {@code offset}. */
    void copyInputs(int[] dst, int offset) {
        in.store(dst, offset, build.ports().inputWords());
    }

    /** Loads the input buffer from {@code src} at {@code offset}. */
    void loadInputs(int[] src, int offset) {
        in.load(src, offset, build.ports().inputWords());
    }

    /** Folds the output buffer into an FNV-1a hash, word by word (the same fold as wrapper.cpp). */
    long hashOutputs(long hash) {
        int n = build.ports().outputWords();
        for (int w = 0; w < n; w++) {
            hash = (hash ^ Integer.toUnsignedLong(out.get(w))) * StimulusRecording.FNV_PRIME;
        }
        return hash;
    }

    /** Runs the C++ reference loop over recorded frames in native memory at {@code frames}. */
    long replayNative(long frames, int frameWords, long cycles) {
        checkOpen();
        long h = api.replay(handle, frames, frameWords, cycles);
        cycle += cycles;
        return h;
    }

    /**
     * Runs a {@link CheckedBatch} in the native loop: returns the index of the first edge whose
     * outputs differed or in which the netlist halted ({@link #haltCause()} tells which), or the
     * batch's size when every edge agreed. Afterwards the output buffer holds the outputs of the
     * last edge applied.
     */
    public int run(CheckedBatch batch) {
        checkOpen();
        return batch.run(this);
    }

    long checkNative(long frames, int frameWords, long expected, long slots, int nSlots, int cycles) {
        long k = api.check(handle, frames, frameWords, expected, slots, nSlots, cycles);
        cycle += Math.min(cycles, k + 1);
        return k;
    }

    /** How the netlist ended the simulation, {@link HaltCause#NONE} while it runs on. */
    public HaltCause haltCause() {
        checkOpen();
        return HaltCause.of(api.haltCode(handle));
    }

    /**
     * The halt as {@link #step()} would have thrown it, for a halt found by {@link #run}, at edge
     * {@code cycle} of the caller's count.
     */
    public RtlHaltedException halted(long cycle) {
        return new RtlHaltedException(haltCause(), build.cite(api.haltMessage(handle)), cycle);
    }

    /**
     * Reads a port of any width into {@code dst} (little-endian 64-bit words), without allocation.
     */
    public void getWords(Port p, long[] dst) {
        (p.input() ? in : out).longs(p.offset(), p.words(), dst);
    }

    /** Starts a VCD trace of the whole top into {@code file}. */
    public void traceOn(Path file) {
        checkOpen();
        int rc = api.traceOpen(handle, file.toAbsolutePath().toString());
        if (rc != 0) {
            throw new IllegalStateException("cannot trace "
                    + build.describe()
                    + " to "
                    + file
                    + (rc == 1
                            ? ": a trace is already open"
                            : rc == 3 ? ": the netlist halted" : ": the file cannot be opened"));
        }
    }

    /**
     * Writes the coverage points (line, toggle, user) counted since the instance opened into a
     * Verilator coverage file, for {@code verilator_coverage}.
     *
     * @throws IllegalStateException if the library is not a coverage build
     */
    public void writeCoverage(Path file) {
        checkOpen();
        int rc = api.coverageWrite(handle, file.toAbsolutePath().toString());
        if (rc != 0) {
            throw new IllegalStateException("cannot write coverage of "
                    + build.describe()
                    + " to "
                    + file
                    + (rc == 1 ? ": the library is not the coverage build" : ": the netlist halted"));
        }
    }

    /** Closes the VCD trace, if any. */
    public void traceOff() {
        checkOpen();
        api.traceClose(handle);
    }

    @Override
    public void close() {
        if (handle != 0) {
            api.destroy(handle);
            handle = 0;
        }
    }

    private void checkOpen() {
        if (handle == 0) {
            throw new IllegalStateException(build.describe() + " is closed");
        }
    }

    private static void checkInput(Port p) {
        if (!p.input()) {
            throw new IllegalArgumentException(p + " is not an input");
        }
    }
}
