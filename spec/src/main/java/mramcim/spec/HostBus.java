package mramcim.spec;

/**
 * Widths of the host interface fields (SPEC section 5, "Host interface"): {@code cmd} is {@code
 * op[4]}, {@code addr[16]}, {@code data[64]}; {@code rsp} is {@code status[2]}, {@code data[32]}.
 */
public final class HostBus {

    /** Width of {@code cmd_op}. */
    public static final int OP_WIDTH = 4;

    /** Width of {@code cmd_addr}. */
    public static final int ADDR_WIDTH = 16;

    /** Width of {@code cmd_data}. */
    public static final int DATA_WIDTH = 64;

    /** Width of {@code rsp_status}. */
    public static final int STATUS_WIDTH = 2;

    /** Width of {@code rsp_data}. */
    public static final int RSP_DATA_WIDTH = 32;

    private HostBus() {}

    /** The low {@code width} bits set (width 0..63). */
    public static long mask(int width) {
        return width >= Long.SIZE ? -1L : (1L << width) - 1;
    }

    /** The {@code cmd_addr} field of a value as the pins carry it (the low ADDR_WIDTH bits). */
    public static int addr(long value) {
        return (int) (value & mask(ADDR_WIDTH));
    }

    /** The {@code cmd_op} field of a value as the pins carry it (the low OP_WIDTH bits). */
    public static int op(long value) {
        return (int) (value & mask(OP_WIDTH));
    }

    /** {@code rsp_data} as an unsigned number. */
    public static long rspData(int value) {
        return value & mask(RSP_DATA_WIDTH);
    }
}
