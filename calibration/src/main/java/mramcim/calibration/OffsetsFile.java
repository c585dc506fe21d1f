package mramcim.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.spec.Register;

/**
 * {@code offsets.json}: the calibration a host programs (C0, GAIN, OFFSET[j]) and what it was made
 * for. Written by {@code mramcim calibrate}, read by {@code mramcim validate}, and simple enough
 * for a lab script to write: only {@code format}, {@code rows}, {@code cols} and {@code offsets}
 * are required. A file that is malformed, or made for another size or another design, is refused
 * with the reason; it is never half applied.
 *
 * @param rows rows of the macro it was made for
 * @param cols columns (the length of {@code offsets})
 * @param global C0 and GAIN, or null if the file carries offsets only
 * @param offsets OFFSET[j], signed 8 bit
 * @param seed the die it was computed on, or null
 * @param preset the configuration's name, or null
 * @param design the full configuration, or null
 */
public record OffsetsFile(
        int rows, int cols, GlobalCalibration global, int[] offsets, Long seed, String preset, MacroConfig design) {

    /** The format tag of this version. */
    public static final String FORMAT = "mramcim-offsets/1";

    private static final Set<String> FIELDS =
            Set.of("format", "rows", "cols", "c0", "gain", "offsets", "seed", "preset", "design");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the file. */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the file as {@code name} in an output directory, atomically; returns its path. */
    public Path write(OutputDir dir, String name) throws IOException {
        return dir.write(name, toJson());
    }

    /** The file's text. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("rows", rows);
        o.put("cols", cols);
        if (global != null) {
            o.put("c0", global.c0());
            o.put("gain", global.gain());
        }
        ArrayNode a = o.putArray("offsets");
        for (int v : offsets) {
            a.add(v);
        }
        if (seed != null) {
            o.put("seed", seed);
        }
        if (preset != null) {
            o.put("preset", preset);
        }
        if (design != null) {
            try {
                o.set("design", JSON.readTree(ConfigJson.toJson(design)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a file against the macro it is to be applied to.
     *
     * @throws IllegalArgumentException naming the file, the field, the value and what was expected
     */
    public static OffsetsFile read(Path file, MacroConfig target) {
        return read(file, target, target.rows(), target.cols());
    }

    /**
     * Reads and checks a file for a measured die of {@code rows x cols}: its size only, since a
     * measured die has no configuration to compare the file's design with.
     */
    public static OffsetsFile readForSize(Path file, int rows, int cols) {
        return read(file, null, rows, cols);
    }

    private static OffsetsFile read(Path file, MacroConfig target, int rows, int cols) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("offsets file " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return parse(text, target, rows, cols);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("offsets file " + file + " refused: " + e.getMessage(), e);
        }
    }

    /** As {@link #read}, from text. */
    public static OffsetsFile parse(String text, MacroConfig target) {
        return parse(text, target, target.rows(), target.cols());
    }

    private static OffsetsFile parse(String text, MacroConfig target, int targetRows, int targetCols) {
        JsonNode root;
        try {
            root = mramcim.model.config.StrictJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(mramcim.model.config.StrictJson.describe(e, "offsets"), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(
                        "field " + f + " is unknown: allowed " + new java.util.TreeSet<>(FIELDS));
            }
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw new IllegalArgumentException("format = " + format + ": allowed \"" + FORMAT + "\"");
        }
        int rows = integer(root, "rows", 1, 1 << 16);
        int cols = integer(root, "cols", 1, 1 << 16);
        if (rows != targetRows || cols != targetCols) {
            throw new IllegalArgumentException(
                    "made for a " + rows + " x " + cols + " macro, this one is " + targetRows + " x " + targetCols);
        }
        JsonNode off = root.get("offsets");
        if (off == null || !off.isArray()) {
            throw new IllegalArgumentException("offsets is missing or not an array: expected " + cols + " integers");
        }
        if (off.size() != cols) {
            throw new IllegalArgumentException(
                    "offsets has " + off.size() + " entries: expected " + cols + " (one per column)");
        }
        int[] offsets = new int[cols];
        for (int j = 0; j < cols; j++) {
            JsonNode v = off.get(j);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("offsets[" + j + "] = " + v + " is not an integer");
            }
            offsets[j] = v.intValue();
            if (offsets[j] < Calibrator.OFFSET_MIN || offsets[j] > Calibrator.OFFSET_MAX) {
                throw new IllegalArgumentException("offsets["
                        + j
                        + "] = "
                        + offsets[j]
                        + " is out of range: allowed "
                        + Calibrator.OFFSET_MIN
                        + ".."
                        + Calibrator.OFFSET_MAX
                        + " (signed 8-bit OFFSET register)");
            }
        }
        GlobalCalibration global = null;
        if (root.has("c0") || root.has("gain")) {
            if (!root.has("c0") || !root.has("gain")) {
                throw new IllegalArgumentException(
                        "c0 and gain go together: the file has only " + (root.has("c0") ? "c0" : "gain"));
            }
            global = new GlobalCalibration(
                    integer(root, "c0", Register.C0.min(), Register.C0.max()),
                    integer(root, "gain", 1, Register.GAIN.max()));
        }
        Long seed = null;
        if (root.has("seed")) {
            if (!root.get("seed").isIntegralNumber()) {
                throw new IllegalArgumentException("seed = " + root.get("seed") + " is not an integer");
            }
            seed = root.get("seed").longValue();
        }
        String preset = root.has("preset") ? root.get("preset").asText() : null;
        MacroConfig design = null;
        if (root.has("design")) {
            design = ConfigJson.fromJson(root.get("design").toString());
        }
        if (design != null && target != null) {
            List<String> diff = differences(design, target);
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException("made for another design ("
                        + (preset == null ? "unnamed" : preset)
                        + "): "
                        + String.join("; ", diff));
            }
        }
        return new OffsetsFile(rows, cols, global, offsets, seed, preset, design);
    }

    private static int integer(JsonNode root, String field, int lo, int hi) {
        JsonNode v = root.get(field);
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " = " + v + " is not an integer");
        }
        if (v.intValue() < lo || v.intValue() > hi) {
            throw new IllegalArgumentException(
                    field + " = " + v.intValue() + " is out of range: allowed " + lo + ".." + hi);
        }
        return v.intValue();
    }

    /** The parameters that differ, as {@code name: file X, this run Y} (at most five listed). */
    static List<String> differences(MacroConfig file, MacroConfig run) {
        List<String> out = new ArrayList<>();
        List<MacroConfig.Entry> a = file.entries();
        List<MacroConfig.Entry> b = run.entries();
        int total = 0;
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size()) {
                // Only a die map is listed beyond the design's parameters.
                total++;
                out.add("die: file " + (i < a.size() ? a.get(i).value() : "none") + ", this run "
                        + (i < b.size() ? b.get(i).value() : "none"));
                continue;
            }
            if (!Objects.equals(a.get(i).value(), b.get(i).value())) {
                total++;
                if (out.size() < 5) {
                    out.add(a.get(i).name()
                            + ": file "
                            + a.get(i).value()
                            + ", this run "
                            + b.get(i).value());
                }
            }
        }
        if (total > out.size()) {
            out.add((total - out.size()) + " more");
        }
        return out;
    }
}
