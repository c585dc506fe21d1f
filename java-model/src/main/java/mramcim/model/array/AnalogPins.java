package mramcim.model.array;

/** The analog-to-digital boundary pins of SPEC section 4 for one cycle. Mutable and reused. */
public final class AnalogPins {

    /** {@code cmp[COLS]}: comparator outputs, bit j = column j. */
    public final long[] cmp;

    /** {@code rd_bit}: sense-amplifier output, 1 = AP. */
    public boolean rdBit;

    public AnalogPins(int cols) {
        this.cmp = new long[(cols + 63) / 64];
    }
}
