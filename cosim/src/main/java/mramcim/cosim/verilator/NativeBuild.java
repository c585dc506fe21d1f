package mramcim.cosim.verilator;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Verilated top compiled into a shared library, and what it was built from.
 *
 * @param top top module name
 * @param label configuration label for messages, for example "64x64"
 * @param hash SHA-256 (hex) of everything the library was built from; the library reports it
 * @param library path of the shared library
 * @param ports the top's ports and their buffer layout
 * @param libraryDigest SHA-256 (hex) of the library file itself, checked before it is loaded; null
 *     before the builder has verified the file
 * @param sourceNames the name Verilator compiled each source under (which its messages cite) to the
 *     name the user gave it; empty or null for the project's own Verilog
 */
public record NativeBuild(
        String top,
        String label,
        String hash,
        Path library,
        PortList ports,
        String libraryDigest,
        Map<String, String> sourceNames) {

    public NativeBuild {
        sourceNames = sourceNames == null ? Map.of() : Map.copyOf(sourceNames);
    }

    /** {@code text} with every internal copy's name replaced by the user's name for it. */
    public String cite(String text) {
        String out = text;
        for (Map.Entry<String, String> e : sourceNames.entrySet()) {
            if (!e.getKey().equals(e.getValue())) {
                out = out.replace(e.getKey() + ":", e.getValue() + ":");
            }
        }
        return out;
    }

    /** Short description for messages: top, configuration and the first hash digits. */
    public String describe() {
        return top + " " + label + " (hash " + hash.substring(0, 12) + ")";
    }

    /** This build with the verified digest of its library file. */
    public NativeBuild withLibraryDigest(String digest) {
        return new NativeBuild(top, label, hash, library, ports, digest, sourceNames);
    }
}
