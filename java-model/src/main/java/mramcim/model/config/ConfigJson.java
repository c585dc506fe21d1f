package mramcim.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads and saves {@link MacroConfig} as JSON. Every field must be present and none may be unknown,
 * so a typo never silently falls back to a default; no string is taken for a number, no fraction
 * for an integer, no key may repeat and nothing may follow the document ({@link StrictJson});
 * values are validated by the records.
 */
public final class ConfigJson {

    /**
     * Largest configuration file read: a design is a few kilobytes, a fitted die of 128 x 128
     * (65,536 devices, three values each) some 4 MB.
     */
    public static final long MAX_BYTES = 16L << 20;

    private ConfigJson() {}

    /** The configuration as JSON text. */
    public static String toJson(MacroConfig config) {
        try {
            return StrictJson.mapper().writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses JSON text; a bad value or field is an {@link IllegalArgumentException} saying which.
     */
    public static MacroConfig fromJson(String json) {
        if (hasDie(json)) {
            return StrictJson.read(json, MacroConfig.class, "configuration");
        }
        return StrictJson.read(json, Design.class, "configuration").config();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper LENIENT =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Whether the document has a top-level {@code die}: a lenient look only, so that every error
     * is reported by the strict read of the right type, with its field's path.
     */
    private static boolean hasDie(String json) {
        try {
            JsonNode tree = LENIENT.readTree(json);
            return tree != null && tree.isObject() && tree.has("die");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A configuration without a die map, as every design file is: the same fields as {@link
     * MacroConfig} but {@code die}, so that a design file need not (and may not) carry {@code
     * "die": null}.
     */
    record Design(
            Geometry geometry,
            MtjParams mtj,
            FetParams fet,
            ColumnParams column,
            WriteParams write,
            ReadParams read,
            TimingParams timing,
            EnergyParams energy) {

        MacroConfig config() {
            return new MacroConfig(geometry, mtj, fet, column, write, read, timing, energy, null);
        }
    }

    /** Reads a configuration file. */
    public static MacroConfig load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--config = " + file + " is not a readable file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("--config = "
                        + file
                        + " is "
                        + Files.size(file)
                        + " bytes: a configuration"
                        + " is at most "
                        + MAX_BYTES
                        + " (is it the right file?)");
            }
            return fromJson(utf8(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--config = " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith("--config") ? e.getMessage() : file + ": " + e.getMessage(), e);
        }
    }

    /** A file's text, refusing one that is not UTF-8. */
    static String utf8(Path file) throws IOException {
        try {
            return java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "--config = " + file + " is not a text file (not UTF-8): give a JSON configuration");
        }
    }

    /** Writes a configuration file (beside it first, then renamed into place). */
    public static void save(MacroConfig config, Path file) {
        mramcim.model.io.AtomicFiles.writeString(file, toJson(config), "configuration");
    }
}
