package mramcim.cosim.verilator;

/**
 * A shared library was built from other sources or for another configuration than the one asked
 * for. It is refused rather than loaded, because its ports or behaviour would silently differ.
 */
public final class LibraryMismatchException extends RuntimeException {

    public LibraryMismatchException(String message) {
        super(message);
    }
}
