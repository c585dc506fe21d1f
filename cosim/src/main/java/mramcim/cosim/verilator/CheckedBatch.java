package mramcim.cosim.verilator;

import java.util.List;

/**
 * Edges recorded from the model side of a lockstep for the RTL to run and check in one native call
 * (issue 21; wrapper.cpp {@code mramcim_check}). Each edge holds a frame, as {@link
 * StimulusRecording} has it (a flags word, bit 0 a reset edge, then the whole input buffer: host
 * pins, the model array's analog answers and any held pins), and the words of the compared output
 * ports the model produced after that edge.
 *
 * <p>The recorder keeps an image of the RTL's input buffer ({@link #inputImage}) that persists from
 * edge to edge, as the real buffer does (a reset edge keeps the last host pins); {@link #commit}
 * copies it into the next frame. Not thread-safe: the model thread fills a batch, then hands it to the RTL
 * thread, and only takes it back once the RTL has run it.
 */
public final class CheckedBatch {

    private static final int RESET_FLAG = 1;

    private final PortList ports;
    private final int capacity;
    private final int frameWords;
    private final int slotCount;
    private final int[] slotOf;
    private final CycleBuffer frames;
    private final CycleBuffer expected;
    private final CycleBuffer slots;
    private long firstEdge;
    private int size;

    /**
     * An empty batch of up to {@code capacity} edges of a top with {@code ports}, comparing the
     * output ports {@code compared} after every edge.
     */
    public CheckedBatch(PortList ports, List<Port> compared, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity = " + capacity + " edges: must be >= 1");
        }
        this.ports = ports;
        this.capacity = capacity;
        this.frameWords = 1 + ports.inputWords();
        this.slotOf = new int[ports.outputWords()];
        java.util.Arrays.fill(slotOf, -1);
        int n = 0;
        for (Port p : compared) {
            if (p.input()) {
                throw new IllegalArgumentException(p + " is an input: only outputs are compared in C++");
            }
            for (int w = 0; w < p.words(); w++) {
                slotOf[p.offset() + w] = n++;
            }
        }
        this.slotCount = n;
        this.frames = new CycleBuffer(capacity * frameWords);
        if (n == 0) {
            throw new IllegalArgumentException("no output to compare");
        }
        this.expected = new CycleBuffer(capacity * n);
        this.slots = new CycleBuffer(Math.max(1, n));
        for (int w = 0; w < slotOf.length; w++) {
            if (slotOf[w] >= 0) {
                slots.put(slotOf[w], w);
            }
        }
    }

    /** Edges recorded. */
    public int size() {
        return size;
    }

    /** True when no further edge fits. */
    public boolean full() {
        return size == capacity;
    }

    /** The number (counted from 1) of this batch's first edge, less one. */
    public long firstEdge() {
        return firstEdge;
    }

    /** Empties the batch; its next edge will be edge {@code edgesBefore + 1} of the run. */
    public void clear(long edgesBefore) {
        size = 0;
        firstEdge = edgesBefore;
    }

    /**
     * The RTL's input buffer as it stands (held pins included), in Verilator's word layout: the
     * recorder's image before the first edge.
     */
    public static int[] inputImage(VerilatedModel rtl) {
        int[] image = new int[rtl.ports().inputWords()];
        rtl.copyInputs(image, 0);
        return image;
    }

    /** Words of compared outputs per edge. */
    public int slots() {
        return slotCount;
    }

    /** The place of compared output {@code p}'s first word in an expected row. */
    public int slot(Port p) {
        int s = slotOf[p.offset()];
        if (p.input() || s < 0) {
            throw new IllegalArgumentException(p + " is not a compared output of this batch");
        }
        return s;
    }

    /**
     * Records one edge: {@code inputs} the input buffer the RTL samples at it ({@link
     * #inputImage}'s layout), and {@code expectedRow} ({@link #slots()} words, each output at its
     * {@link #slot}) what the model's outputs were after it.
     */
    public void commit(boolean reset, int[] inputs, int[] expectedRow) {
        if (full()) {
            throw new IllegalStateException("batch full: " + capacity + " edges");
        }
        int base = size * frameWords;
        frames.put(base, reset ? RESET_FLAG : 0);
        frames.load(inputs, 0, frameWords - 1, base + 1);
        expected.load(expectedRow, 0, slotCount, size * slotCount);
        size++;
    }

    /** The model's words of output {@code p} after edge {@code index} of the batch (0-based). */
    public long[] expectedWords(int index, Port p) {
        long[] words = new long[(p.words() + 1) / 2];
        expected.longs(index * slotCount + slotOf[p.offset()], p.words(), words);
        return words;
    }

    /** Runs the batch on {@code rtl}; returns the index of the first edge that differed or halted. */
    int run(VerilatedModel rtl) {
        if (rtl.ports().inputWords() != ports.inputWords() || rtl.ports().outputWords() != ports.outputWords()) {
            throw new IllegalArgumentException(
                    "batch of " + ports.top() + " cannot run on " + rtl.build().describe());
        }
        return (int)
                rtl.checkNative(frames.address(), frameWords, expected.address(), slots.address(), slotCount, size);
    }
}
