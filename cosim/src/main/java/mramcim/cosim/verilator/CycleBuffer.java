package mramcim.cosim.verilator;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;

/**
 * One of the two native buffers a Verilated top shares with Java (inputs or outputs of a cycle), as
 * 32-bit words. Word access goes through {@code sun.misc.Unsafe}, which the JIT turns into a plain
 * load or store: a direct {@code IntBuffer} costs about 4 ns a word on this JDK (17), and the
 * lockstep touches some 30 words a cycle, a tenth of its time (measured by {@code mramcim bench}).
 * Bounds are checked here, once per access, against the buffer's word count.
 */
final class CycleBuffer {

    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private final Memory memory;
    private final long address;
    private final int words;

    CycleBuffer(int words) {
        this.words = Math.max(1, words);
        this.memory = new Memory(4L * this.words);
        memory.clear();
        this.address = Pointer.nativeValue(memory);
    }

    /** The native address handed to the wrapper. */
    long address() {
        return address;
    }

    int get(int word) {
        check(word);
        return UNSAFE.getInt(address + 4L * word);
    }

    void put(int word, int value) {
        check(word);
        UNSAFE.putInt(address + 4L * word, value);
    }

    /** Copies {@code n} words from {@code src[offset..]} into words 0..n-1. */
    void load(int[] src, int offset, int n) {
        check(n - 1);
        if (offset < 0 || offset + n > src.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " + " + n + " words beyond " + src.length);
        }
        UNSAFE.copyMemory(src, sun.misc.Unsafe.ARRAY_INT_BASE_OFFSET + 4L * offset, null, address, 4L * n);
    }

    /** Copies {@code n} words from {@code src[offset..]} into words {@code at..at+n-1}. */
    void load(int[] src, int offset, int n, int at) {
        check(at);
        check(at + n - 1);
        if (offset < 0 || offset + n > src.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " + " + n + " words beyond " + src.length);
        }
        // word by word: the JIT makes each a plain store, where copyMemory calls a runtime stub
        // that costs more than the copy for a frame's ten words
        long a = address + 4L * at;
        for (int k = 0; k < n; k++) {
            UNSAFE.putInt(a + 4L * k, src[offset + k]);
        }
    }

    /**
     * Words {@code at..at+n-1} as little-endian 64-bit words into {@code dst} (its other words 0):
     * how a port of any width reads back, from a cycle buffer or a batch.
     */
    void longs(int at, int n, long[] dst) {
        java.util.Arrays.fill(dst, 0);
        for (int k = 0; k < n && k / 2 < dst.length; k++) {
            long w = Integer.toUnsignedLong(get(at + k));
            dst[k / 2] |= k % 2 == 0 ? w : w << 32;
        }
    }

    /** Copies words 0..n-1 into {@code dst[offset..]}. */
    void store(int[] dst, int offset, int n) {
        check(n - 1);
        if (offset < 0 || offset + n > dst.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " + " + n + " words beyond " + dst.length);
        }
        UNSAFE.copyMemory(null, address, dst, sun.misc.Unsafe.ARRAY_INT_BASE_OFFSET + 4L * offset, 4L * n);
    }

    private void check(int word) {
        if (word < 0 || word >= words) {
            throw new IndexOutOfBoundsException("word " + word + " of a " + words + "-word cycle buffer");
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
