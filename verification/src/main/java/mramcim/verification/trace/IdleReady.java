package mramcim.verification.trace;

import java.util.Arrays;

/**
 * The host's {@code rsp_ready} at the edges of a trace line's wait with no response pending, in
 * order. The constrained-random host drives it at random there; a design that follows SPEC 5 does
 * not look at it, but a mutant may, so a recorded trace keeps it and replays a random seed edge for
 * edge. Past the recorded bits {@code rsp_ready} is high.
 *
 * @param length how many edges are recorded
 * @param bits bit i (little-endian words) = {@code rsp_ready} at the i-th such edge
 */
public record IdleReady(int length, long[] bits) {

    /** Nothing recorded: {@code rsp_ready} high at every idle edge. */
    public static final IdleReady HIGH = new IdleReady(0, new long[0]);

    public IdleReady {
        if (length < 0 || (long) bits.length * 64 < length) {
            throw new IllegalArgumentException("idle rsp_ready: " + length + " bits in " + bits.length + " words");
        }
        bits = Arrays.copyOf(bits, (length + 63) / 64);
    }

    /** {@code rsp_ready} at the i-th idle edge of the line. */
    public boolean ready(long i) {
        return i >= length || (bits[(int) (i >>> 6)] >>> (i & 63) & 1) != 0;
    }

    /** True if every recorded edge is high (the line says nothing beyond the default). */
    public boolean allHigh() {
        for (int i = 0; i < length; i++) {
            if (!ready(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdleReady r && r.length == length && Arrays.equals(r.bits, bits);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "IdleReady[" + length + "]";
    }

    /** Collects the bits of one line while a run is recorded. */
    static final class Builder {
        private long[] words = new long[1];
        private int n;

        void add(boolean ready) {
            if (n == words.length * 64) {
                words = Arrays.copyOf(words, words.length * 2);
            }
            if (ready) {
                words[n >>> 6] |= 1L << (n & 63);
            }
            n++;
        }

        IdleReady build() {
            IdleReady r = new IdleReady(n, words);
            return r.allHigh() ? HIGH : r;
        }
    }
}
