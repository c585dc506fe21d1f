package mramcim.cosim.verilator;

/**
 * Verilator refused a netlist (a syntax error, a missing module, or a warning that changes its
 * meaning, {@link NativeBuilder#ERROR_WARNINGS}): bad input, not a tool-chain failure.
 */
public final class NetlistRejectedException extends IllegalArgumentException {

    public NetlistRejectedException(String message) {
        super(message);
    }
}
