package mramcim.model.periphery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mramcim.spec.HostBus;
import mramcim.spec.Sizes;
import mramcim.spec.WriteVerify;

/**
 * The names this model shares with the RTL so that both waveforms line up (SPEC sections 4 and 5):
 * the ports of the top {@code MramCimMacro} with their directions and widths, and its block
 * instances with the module (here: class) each one is. The co-simulation's waveform writers use
 * these names; a test compares them with the generated Verilog.
 */
public final class Hierarchy {

    /** Name of the top module and of its waveform scope. */
    public static final String TOP = "MramCimMacro";

    /** One port of the top. */
    public record PortDecl(String name, boolean input, int width) {}

    private Hierarchy() {}

    /**
     * The ports of the top for a ROWS x COLS macro, in declaration order (host side, then analog).
     */
    public static List<PortDecl> ports(int rows, int cols) {
        List<PortDecl> p = new ArrayList<>();
        p.add(new PortDecl("cmd_valid", true, 1));
        p.add(new PortDecl("cmd_ready", false, 1));
        p.add(new PortDecl("cmd_op", true, HostBus.OP_WIDTH));
        p.add(new PortDecl("cmd_addr", true, HostBus.ADDR_WIDTH));
        p.add(new PortDecl("cmd_data", true, HostBus.DATA_WIDTH));
        p.add(new PortDecl("rsp_valid", false, 1));
        p.add(new PortDecl("rsp_ready", true, 1));
        p.add(new PortDecl("rsp_status", false, HostBus.STATUS_WIDTH));
        p.add(new PortDecl("rsp_data", false, HostBus.RSP_DATA_WIDTH));
        p.add(new PortDecl("in_vec", false, rows));
        p.add(new PortDecl("drv_en", false, 1));
        p.add(new PortDecl("acc_en", false, 1));
        p.add(new PortDecl("acc_row", false, Sizes.indexBits(rows)));
        p.add(new PortDecl("acc_col", false, Sizes.indexBits(cols)));
        p.add(new PortDecl("acc_branch", false, 1));
        p.add(new PortDecl("wr_en", false, 1));
        p.add(new PortDecl("wr_dir", false, 1));
        p.add(new PortDecl("wr_amp", false, WriteVerify.AMP_WIDTH));
        p.add(new PortDecl("rd_en", false, 1));
        p.add(new PortDecl("cmp", true, cols));
        p.add(new PortDecl("rd_bit", true, 1));
        return Collections.unmodifiableList(p);
    }

    /**
     * The block instances of the top, instance name to module name; the module names are the simple
     * names of this package's classes.
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
