package mramcim.model.periphery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names this model shares with the RTL so that both waveforms line up (SPEC sections 4 and 5):
 * the ports of the top {@code MramCimMacro} with their directions and widths, and its block
 * instances with the module (here: class) each one is. The co-simulation's waveform writers use
 * these names; a test compares them with the generated Verilog.
 */
public final class Hierarchy {

    /** Name of the top module and of its waveform scope. */
    public static final String TOP = "MramCimMacro";

    /** Widths of the host fields, SPEC section 5. */
    public static final int OP_BITS = 4;
    public static final int ADDR_BITS = 16;
    public static final int DATA_BITS = 64;
    public static final int STATUS_BITS = 2;
    public static final int RSP_DATA_BITS = 32;
    /** Width of {@code wr_amp}, SPEC section 4. */
    public static final int AMP_BITS = 4;

    /** One port of the top. */
    public record PortDecl(String name, boolean input, int width) {
    }

    private Hierarchy() {
    }

    /** Width of an index into {@code n} items: ceil(log2 n), at least one bit. */
    public static int indexBits(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    }

    /** The ports of the top for a ROWS x COLS macro, in declaration order (host side, then analog). */
    public static List<PortDecl> ports(int rows, int cols) {
        List<PortDecl> p = new ArrayList<>();
        p.add(new PortDecl("cmd_valid", true, 1));
        p.add(new PortDecl("cmd_ready", false, 1));
        p.add(new PortDecl("cmd_op", true, OP_BITS));
        p.add(new PortDecl("cmd_addr", true, ADDR_BITS));
        p.add(new PortDecl("cmd_data", true, DATA_BITS));
        p.add(new PortDecl("rsp_valid", false, 1));
        p.add(new PortDecl("rsp_ready", true, 1));
        p.add(new PortDecl("rsp_status", false, STATUS_BITS));
        p.add(new PortDecl("rsp_data", false, RSP_DATA_BITS));
        p.add(new PortDecl("in_vec", false, rows));
        p.add(new PortDecl("drv_en", false, 1));
        p.add(new PortDecl("acc_en", false, 1));
        p.add(new PortDecl("acc_row", false, indexBits(rows)));
        p.add(new PortDecl("acc_col", false, indexBits(cols)));
        p.add(new PortDecl("acc_branch", false, 1));
        p.add(new PortDecl("wr_en", false, 1));
        p.add(new PortDecl("wr_dir", false, 1));
        p.add(new PortDecl("wr_amp", false, AMP_BITS));
        p.add(new PortDecl("rd_en", false, 1));
        p.add(new PortDecl("cmp", true, cols));
        p.add(new PortDecl("rd_bit", true, 1));
        return Collections.unmodifiableList(p);
    }

    /**
     * The block instances of the top, instance name to module name; the module names are the
     * simple names of this package's classes.
     */
    public static Map<String, String> blocks() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("host", HostInterface.class.getSimpleName());
        m.put("ctrl", Controller.class.getSimpleName());
        m.put("wvs", WriteVerifySequencer.class.getSimpleName());
        m.put("inputs", InputRegister.class.getSimpleName());
        m.put("tdc", TdcBank.class.getSimpleName());
        m.put("conv", Converter.class.getSimpleName());
        m.put("offsets", OffsetCorrector.class.getSimpleName());
        m.put("regs", RegisterFile.class.getSimpleName());
        return Collections.unmodifiableMap(m);
    }
}
