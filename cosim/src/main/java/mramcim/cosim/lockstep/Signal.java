package mramcim.cosim.lockstep;

/**
 * The pins the lockstep compares every cycle (SPEC section 7): the host-side outputs, the analog
 * boundary outputs of the periphery (SPEC section 4), and the analog array's answers that each
 * side's own array produced for it. Names are the RTL port names.
 */
public enum Signal {
    CMD_READY("cmd_ready"),
    RSP_VALID("rsp_valid"),
    RSP_STATUS("rsp_status"),
    RSP_DATA("rsp_data"),
    IN_VEC("in_vec"),
    DRV_EN("drv_en"),
    ACC_EN("acc_en"),
    ACC_ROW("acc_row"),
    ACC_COL("acc_col"),
    ACC_BRANCH("acc_branch"),
    WR_EN("wr_en"),
    WR_DIR("wr_dir"),
    WR_AMP("wr_amp"),
    RD_EN("rd_en"),
    CMP("cmp"),
    RD_BIT("rd_bit");

    private final String port;

    Signal(String port) {
        this.port = port;
    }

    /** True for the signals wider than 64 bits on large arrays: one bit per row or column. */
    public boolean vector() {
        return this == IN_VEC || this == CMP;
    }

    /** The signal of RTL port {@code port}, or null if the lockstep does not compare that port. */
    public static Signal byPort(String port) {
        for (Signal s : values()) {
            if (s.port.equals(port)) {
                return s;
            }
        }
        return null;
    }

    /** The RTL port (and model waveform) name. */
    public String port() {
        return port;
    }
}
