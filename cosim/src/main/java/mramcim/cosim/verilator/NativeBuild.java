package mramcim.cosim.verilator;

import java.nio.file.Path;

/**
 * A Verilated top compiled into a shared library, and what it was built from.
 *
 * @param top     top module name
 * @param label   configuration label, for example "64x64"
 * @param hash    SHA-256 (hex) of everything the library was built from; the library reports it
 * @param library path of the shared library
 * @param ports   the top's ports and their buffer layout
 */
public record NativeBuild(String top, String label, String hash, Path library, PortList ports) {

    /** Short description for messages: top, configuration and the first hash digits. */
    public String describe() {
        return top + " " + label + " (hash " + hash.substring(0, 12) + ")";
    }
}
