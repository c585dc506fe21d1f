package mramcim.model.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads and saves {@link MacroConfig} as JSON. Every field must be present and none may be unknown,
 * so a typo never silently falls back to a default; values are validated by the records.
 */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigJson() {
    }

    /** The configuration as JSON text. */
    public static String toJson(MacroConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON text; a bad value or field is an {@link IllegalArgumentException} saying which. */
    public static MacroConfig fromJson(String json) {
        try {
            return MAPPER.readValue(json, MacroConfig.class);
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof IllegalArgumentException) {
                throw new IllegalArgumentException(root.getMessage(), e);
            }
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            if (e instanceof UnrecognizedPropertyException u) {
                throw new IllegalArgumentException("configuration field " + path + " is unknown; known here: "
                        + u.getKnownPropertyIds(), e);
            }
            if (e.getOriginalMessage().startsWith("Missing creator property")) {
                throw new IllegalArgumentException("configuration field " + path + " is missing", e);
            }
            throw new IllegalArgumentException("invalid configuration field " + path + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("configuration is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a configuration file. */
    public static MacroConfig load(Path file) {
        try {
            return fromJson(java.nio.file.Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a configuration file. */
    public static void save(MacroConfig config, Path file) {
        try {
            java.nio.file.Files.writeString(file, toJson(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write configuration " + file, e);
        }
    }
}
