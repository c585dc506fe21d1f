package mramcim.spec;

/**
 * Response status codes (SPEC section 5), the value on {@code rsp_status}. The codes leave the
 * process (on the pins, in waveforms and summaries), so each is written out here rather than taken
 * from the declaration order; {@code StableIdsTest} fails if one changes.
 */
public enum Status {
    OK(0),
    CELL_FAIL(1),
    BAD_CMD(2),
    OVERFLOW(3);

    /** Width of {@code rsp_status}. */
    public static final int WIDTH = HostBus.STATUS_WIDTH;

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The value on {@code rsp_status}. */
    public int code() {
        return code;
    }

    /** The status of a {@code rsp_status} value. */
    public static Status of(int code) {
        for (Status s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "rsp_status = " + code + " is not a status code of SPEC 5: allowed 0.." + (values().length - 1));
    }
}
