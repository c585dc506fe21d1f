package mramcim.cosim.verilator;

/** A native build failed or cannot start; the message names the cause and the fix. */
public final class ToolchainException extends RuntimeException {

    public ToolchainException(String message) {
        super(message);
    }

    public ToolchainException(String message, Throwable cause) {
        super(message, cause);
    }
}
