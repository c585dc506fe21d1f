package mramcim.model.array;

import java.util.Arrays;

/**
 * A fault of the analog front end, switched on and off by the testbench around one command so that
 * the digital periphery sees what a failing array gives it (issue 19: counters that run to the end
 * of a long frame, glitches the TDC must ignore, writes that never verify):
 *
 * <ul>
 *   <li>{@code dead}: the comparator never fires (an open sense node, a dead comparator), so the
 *       column's counter runs to the end of the frame and overflows;
 *   <li>{@code chatter}: right after its first crossing the comparator drops back to 0 for one
 *       cycle (metastability near the threshold), which the TDC must not count as a new start;
 *   <li>{@code shift}: column j's comparator fires {@code shift[j]} cycles after its sense node
 *       crossed (a slow comparator), so its code lands far above the nominal span; a negative shift
 *       makes it fire that much earlier (an offset toward firing), at the frame's first edge at the
 *       earliest, so the code lands below the nominal span;
 *   <li>{@code senseStuck}: the read sense amplifier answers {@code rd_bit} = 0 or 1 whatever the
 *       MTJ holds (-1: no fault), so a write that needs the other value never verifies and the
 *       sequencer runs through every try and amplitude.
 * </ul>
 *
 * @param dead bit j = column j, little-endian 64-bit words
 * @param chatter bit j = column j
 * @param shift cycles column j fires late (negative: early); missing columns 0
 * @param senseStuck the value {@code rd_bit} is stuck at, or -1 for none
 */
public record AnalogFault(long[] dead, long[] chatter, int[] shift, int senseStuck) {

    /** No fault. */
    public static final AnalogFault NONE = new AnalogFault(new long[0], new long[0], new int[0], -1);

    /** The sense amplifier stuck at {@code bit}, comparators sound. */
    public static AnalogFault senseStuckAt(boolean bit) {
        return new AnalogFault(new long[0], new long[0], new int[0], bit ? 1 : 0);
    }

    public AnalogFault {
        dead = dead.clone();
        chatter = chatter.clone();
        shift = shift.clone();
        if (senseStuck < -1 || senseStuck > 1) {
            throw new IllegalArgumentException(
                    "senseStuck = " + senseStuck + " is out of range: allowed -1 (none), 0 or 1");
        }
    }

    /** The delay of column {@code c}'s comparator, cycles (negative: it fires early). */
    int delay(int c) {
        return c < shift.length ? shift[c] : 0;
    }

    /** True if column {@code c} never fires. */
    boolean isDead(int c) {
        int w = c >>> 6;
        return w < dead.length && (dead[w] >>> (c & 63) & 1) != 0;
    }

    /** True if column {@code c} chatters after its first crossing. */
    boolean chatters(int c) {
        int w = c >>> 6;
        return w < chatter.length && (chatter[w] >>> (c & 63) & 1) != 0;
    }

    /** True if it changes nothing. */
    public boolean none() {
        return Arrays.stream(dead).allMatch(w -> w == 0)
                && Arrays.stream(chatter).allMatch(w -> w == 0)
                && Arrays.stream(shift).allMatch(d -> d == 0)
                && senseStuck < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalogFault f
                && Arrays.equals(dead, f.dead)
                && Arrays.equals(chatter, f.chatter)
                && Arrays.equals(shift, f.shift)
                && senseStuck == f.senseStuck;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(
                new int[] {Arrays.hashCode(dead), Arrays.hashCode(chatter), Arrays.hashCode(shift), senseStuck});
    }

    @Override
    public String toString() {
        return "AnalogFault[dead="
                + Arrays.toString(dead)
                + ", chatter="
                + Arrays.toString(chatter)
                + ", shift="
                + Arrays.toString(shift)
                + ", senseStuck="
                + senseStuck
                + "]";
    }
}
