package mramcim.cosim.verilator;

import java.nio.file.Path;

/**
 * A Verilated top compiled into a shared library, and what it was built from.
 *
 * @param top           top module name
 * @param label         configuration label for messages, for example "64x64"
 * @param hash          SHA-256 (hex) of everything the library was built from; the library reports it
 * @param library       path of the shared library
 * @param ports         the top's ports and their buffer layout
 * @param libraryDigest SHA-256 (hex) of the library file itself, checked before it is loaded; null
 *                      before the builder has verified the file
 * @param source        what the Verilog is called in messages (the user's file name); the copy the
 *                      library was built from is {@link #internalSource()}
 */
public record NativeBuild(String top, String label, String hash, Path library, PortList ports, String libraryDigest,
                          String source) {

    /** The name of the Verilog copy Verilator compiled, which its runtime messages cite. */
    public String internalSource() {
        return top + ".sv";
    }

    /** {@code text} with the internal copy's name replaced by {@link #source}. */
    public String cite(String text) {
        return source == null || source.equals(internalSource()) ? text : text.replace(internalSource() + ":", source + ":");
    }

    /** Short description for messages: top, configuration and the first hash digits. */
    public String describe() {
        return top + " " + label + " (hash " + hash.substring(0, 12) + ")";
    }

    /** This build with the verified digest of its library file. */
    public NativeBuild withLibraryDigest(String digest) {
        return new NativeBuild(top, label, hash, library, ports, digest, source);
    }
}
