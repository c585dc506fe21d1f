package mramcim.model.periphery;

/** Response status codes (SPEC section 5), the value on {@code rsp_status}. */
public enum Status {
    OK,
    CELL_FAIL,
    BAD_CMD,
    OVERFLOW;

    /** Width of {@code rsp_status}. */
    public static final int WIDTH = 2;

    /** The status of a {@code rsp_status} value. */
    public static Status of(int code) {
        return values()[code];
    }
}
