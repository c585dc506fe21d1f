package mramcim.verification.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import mramcim.model.periphery.Hierarchy;
import mramcim.rtl.Generator;

/**
 * The last mutation campaign's score, as a regression report quotes it beside its coverage: read
 * from the campaign's {@code summary.json}, and checked against the RTL of today, so that a score
 * measured on an older design is shown as such, never as the present one's.
 *
 * @param file the campaign summary it was read from
 * @param current the Verilog the generator writes now for the campaign's size is the one its
 *     mutants were drawn from
 */
public record MutationScore(
        String file,
        String preset,
        int rows,
        int cols,
        int mutants,
        int killed,
        int equivalent,
        double score,
        boolean current) {

    /** Format of a mutation campaign's {@code summary.json}; readers refuse any other. */
    public static final String FORMAT = "mramcim-mutation-summary/1";

    /** {@code mramcim mutate}'s default output: where a regression looks unless told otherwise. */
    public static final String DEFAULT_SUMMARY = "out/mutate/summary.json";

    /**
     * The campaign summarized in {@code file}, or null when there is none; a file that is not a
     * campaign summary is reported to {@code warn} and ignored (the regression's own verdict does
     * not depend on it).
     */
    public static MutationScore lookup(Path file, Consumer<String> warn) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                warn.accept("ignoring " + file + ": not a mutation campaign summary (format " + FORMAT + ")");
                return null;
            }
            JsonNode c = root.path("campaign");
            int rows = c.path("rows").asInt();
            int cols = c.path("cols").asInt();
            String sha = c.path("designSha256").asText("");
            boolean current = sha.equals(designSha256(Generator.emit(Hierarchy.TOP, rows, cols)));
            return new MutationScore(
                    file.toString(),
                    c.path("preset").asText(),
                    rows,
                    cols,
                    c.path("mutants").asInt(),
                    c.path("killed").asInt(),
                    c.path("equivalent").asInt(),
                    c.path("score").asDouble(),
                    current);
        } catch (IOException | RuntimeException e) {
            warn.accept(
                    "ignoring " + file + ": cannot read it as a mutation campaign summary (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * One line for the report and the console; {@code generated} is whether the regression ran the
     * generated RTL.
     */
    public String describe(boolean generated) {
        String s = String.format(
                Locale.ROOT,
                "%.1f %% (%d of %d non-equivalent mutants killed; %s %dx%d, %d mutants; %s)",
                score,
                killed,
                mutants - equivalent,
                preset,
                rows,
                cols,
                mutants,
                file);
        if (!current) {
            return s + ": measured on an older RTL (the generated Verilog changed since); rerun scripts/mramcim mutate";
        }
        return generated ? s : s + ": of the generated RTL, not of this netlist";
    }

    /**
     * SHA-256 (hex) of the generated Verilog the mutants are drawn from: what a quoted score is
     * checked against.
     */
    public static String designSha256(String verilog) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(verilog.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
