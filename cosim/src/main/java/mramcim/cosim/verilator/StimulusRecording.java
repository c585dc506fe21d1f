package mramcim.cosim.verilator;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * The input buffer of every cycle of a run on one Verilated top, recorded so that the same stimulus
 * can be played again without the Java model: by the C++ reference loop of wrapper.cpp ({@link
 * #replayNative}) or from Java through JNA ({@link #replayJava}). Each frame is a flags word (bit
 * 0: the edge was a reset) followed by the input words, analog answers included, so the analog side
 * of a replay is a trivial playback.
 *
 * <p>While recording, the outputs after every edge are folded into a hash; a replay computes the
 * same hash, so "same stimulus, same model, same outputs" is checked, not assumed.
 */
public final class StimulusRecording {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;
    private static final int RESET_FLAG = 1;

    private final PortList ports;
    private final int frameWords;
    private final int capacity;
    private final int[] frames;
    private int cycles;
    private long hash = FNV_OFFSET;

    /** An empty recording for up to {@code capacity} cycles of a top with {@code ports}. */
    public StimulusRecording(PortList ports, int capacity) {
        int words = 1 + ports.inputWords();
        if (capacity < 1 || (long) capacity * words > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity = "
                    + capacity
                    + " cycles is out of range: allowed 1.."
                    + (Integer.MAX_VALUE - 8) / words
                    + " for "
                    + ports.top());
        }
        this.ports = ports;
        this.frameWords = words;
        this.capacity = capacity;
        this.frames = new int[capacity * words];
    }

    /**
     * Records the edge just applied to {@code model}: its inputs and its outputs after the edge.
     */
    public void record(VerilatedModel model, boolean resetEdge) {
        if (cycles == capacity) {
            throw new IllegalStateException("recording full: " + capacity + " cycles");
        }
        int base = cycles * frameWords;
        frames[base] = resetEdge ? RESET_FLAG : 0;
        model.copyInputs(frames, base + 1);
        hash = model.hashOutputs(hash);
        cycles++;
    }

    /** Cycles recorded. */
    public int cycles() {
        return cycles;
    }

    /** Hash of the outputs of every recorded cycle. */
    public long outputHash() {
        return hash;
    }

    /**
     * Plays the recording on {@code model} (freshly opened and reset like the recorded one) in the
     * C++ loop, one native call for the whole run.
     *
     * @return the hash of the outputs of every cycle
     */
    public long replayNative(VerilatedModel model) {
        check(model);
        try (Memory mem = new Memory(4L * cycles * frameWords)) {
            mem.write(0, frames, 0, cycles * frameWords);
            return model.replayNative(Pointer.nativeValue(mem), frameWords, cycles);
        }
    }

    /**
     * Plays the recording on {@code model} from Java: one JNA call per cycle, as the lockstep
     * makes, without the Java model or the analog array.
     *
     * @return the hash of the outputs of every cycle
     */
    public long replayJava(VerilatedModel model) {
        check(model);
        long h = FNV_OFFSET;
        for (int k = 0; k < cycles; k++) {
            int base = k * frameWords;
            model.loadInputs(frames, base + 1);
            if ((frames[base] & RESET_FLAG) != 0) {
                model.reset(1);
            } else {
                model.step();
            }
            h = model.hashOutputs(h);
        }
        return h;
    }

    private void check(VerilatedModel model) {
        if (!model.ports().top().equals(ports.top())
                || model.ports().inputWords() != ports.inputWords()
                || model.ports().outputWords() != ports.outputWords()) {
            throw new IllegalArgumentException("recording of "
                    + ports.top()
                    + " cannot be played on "
                    + model.build().describe());
        }
    }
}
