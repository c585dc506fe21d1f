package mramcim.spec;

/**
 * Host command opcodes (SPEC section 5, the op table). Any other value of {@code cmd_op} is
 * BAD_CMD. Each code is written out rather than taken from the declaration order: the codes are on
 * the pins and in every waveform.
 */
public enum Op {
    NOP(0),
    WRITE_CELL(1),
    READ_CELL(2),
    LOAD_INPUT(3),
    COMPUTE(4),
    READ_RESULT(5),
    WRITE_REG(6),
    READ_REG(7);

    /** Width of {@code cmd_op}. */
    public static final int WIDTH = HostBus.OP_WIDTH;

    private final int code;

    Op(int code) {
        this.code = code;
    }

    /** The value on {@code cmd_op}. */
    public int code() {
        return code;
    }

    /** Every op by its code; {@code values()} would copy the array on each decode. */
    private static final Op[] BY_CODE = byCode();

    private static Op[] byCode() {
        int max = 0;
        for (Op op : values()) {
            max = Math.max(max, op.code);
        }
        Op[] t = new Op[max + 1];
        for (Op op : values()) {
            t[op.code] = op;
        }
        return t;
    }

    /** The op of a {@code cmd_op} value, or null for an unknown one. */
    public static Op of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
