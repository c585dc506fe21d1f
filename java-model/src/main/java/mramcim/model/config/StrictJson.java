package mramcim.model.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.stream.Collectors;

/**
 * The one JSON reader for every file a user hands in (configurations, offsets, summaries): a string
 * is never taken for a number, a fraction never for an integer, a key may not repeat, nothing may
 * follow the document, every field must be known and present, and no field may be null. Errors are
 * translated into one line naming the place (line, column, field), what was expected and what was
 * found, without the names of Java classes or Jackson features.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = build(false);
    private static final ObjectMapper NULLS_ALLOWED = build(true);

    private StrictJson() {}

    private static ObjectMapper build(boolean nulls) {
        JsonMapper m = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .configure(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES, !nulls)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (LogicalType t :
                new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Integer,
                            t == LogicalType.Float || t == LogicalType.Integer
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Float,
                            t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Boolean,
                            t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return m;
    }

    /** The strict mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads {@code json} as {@code type}.
     *
     * @param what what the document is, for messages ("configuration")
     * @throws IllegalArgumentException with one line saying where and what is wrong; a refusal of a
     *     record's own validation keeps its message
     */
    public static <T> T read(String json, Class<T> type, String what) {
        return read(MAPPER, json, type, what);
    }

    /**
     * As {@link #read(String, Class, String)} for documents the tool writes itself with explicit
     * nulls (an absent divergence, a pass without a cause): every key must still be present.
     */
    public static <T> T readAllowingNulls(String json, Class<T> type, String what) {
        return read(NULLS_ALLOWED, json, type, what);
    }

    private static <T> T read(ObjectMapper mapper, String json, Class<T> type, String what) {
        if (json.isBlank()) {
            throw new IllegalArgumentException(what + " is empty: the file holds no JSON document");
        }
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException(what + " is empty (the JSON document is null)");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e, what), e);
        }
    }

    /** One line for a JSON error: place, field, what was expected and found. */
    public static String describe(JsonProcessingException e, String what) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && (e instanceof ValueInstantiationException || root != e)) {
            return root.getMessage();
        }
        String where = place(e.getLocation());
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String at = where + (field.isEmpty() ? "" : (where.isEmpty() ? "" : ", ") + what + " field " + field) + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            return at
                    + "unknown field; known here: "
                    + u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (msg.startsWith("Missing creator property") || msg.startsWith("Missing required creator property")) {
            return at + "missing; every field must be given";
        }
        if (msg.startsWith("Null value for creator property") || msg.contains("Cannot map `null`")) {
            return at + "null; give a value";
        }
        if (msg.startsWith("Trailing token")) {
            return where + ": content after the end of the " + what + " document; remove it";
        }
        if (msg.startsWith("Duplicate field") || msg.contains("Duplicate field")) {
            return at + "a key is given twice (" + firstQuoted(msg) + "); give each key once";
        }
        if (msg.startsWith("Non-standard token")) {
            return at + "not valid JSON (NaN and Infinity are not JSON numbers)";
        }
        if (e instanceof InvalidFormatException f) {
            return at + "expected " + expected(f.getTargetType()) + ", found " + f.getValue();
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return at + "expected " + expected(mi.getTargetType()) + ", found " + found(msg);
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return at + "not valid JSON (" + msg.lines().findFirst().orElse(msg) + ")";
        }
        return at + msg.lines().findFirst().orElse(msg).replaceAll("`[^`]*`", "a value");
    }

    private static String place(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expected(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return "an object";
    }

    private static String found(String msg) {
        if (msg.contains("String value") || msg.contains("from String") || msg.contains("VALUE_STRING")) {
            return "a string " + firstParenthesized(msg);
        }
        if (msg.contains("Floating-point value") || msg.contains("VALUE_NUMBER_FLOAT")) {
            return "a fraction " + firstParenthesized(msg);
        }
        if (msg.contains("Boolean value") || msg.contains("VALUE_TRUE") || msg.contains("VALUE_FALSE")) {
            return "a boolean";
        }
        if (msg.contains("START_ARRAY")) {
            return "an array";
        }
        if (msg.contains("START_OBJECT")) {
            return "an object";
        }
        if (msg.contains("Integer value") || msg.contains("VALUE_NUMBER_INT")) {
            return "an integer";
        }
        return "a value of another type";
    }

    private static String firstParenthesized(String msg) {
        int a = msg.indexOf('(');
        int b = a < 0 ? -1 : msg.indexOf(')', a);
        return a >= 0 && b > a ? msg.substring(a, b + 1) : "";
    }

    private static String firstQuoted(String msg) {
        int a = msg.indexOf('\'');
        int b = a < 0 ? -1 : msg.indexOf('\'', a + 1);
        return a >= 0 && b > a ? msg.substring(a, b + 1) : "a key";
    }
}
