package mramcim.calibration;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mramcim.model.array.AnalogArray;

/**
 * Known comparator offsets added to chosen columns on top of the fabricated ones: the faults a test
 * or a what-if run injects to see whether calibration finds them.
 *
 * @param comparatorOffsets column -> added comparator offset, V
 */
public record Injection(Map<Integer, Double> comparatorOffsets) {

    /** No injection. */
    public static final Injection NONE = new Injection(Map.of());

    public Injection {
        comparatorOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(comparatorOffsets));
    }

    /**
     * Parses {@code COL=MV} entries, for example {@code 5=30} (30 mV on column 5).
     *
     * @throws IllegalArgumentException naming the entry when malformed
     */
    public static Injection parse(Iterable<String> entries) {
        Map<Integer, Double> m = new TreeMap<>();
        for (String e : entries) {
            if (!e.matches("\\d{1,3}=-?\\d{1,4}(\\.\\d{1,6})?")) {
                throw new IllegalArgumentException("--inject = "
                        + e
                        + " is malformed: allowed COLUMN=MILLIVOLTS, for example 5=30"
                        + " (column 0..999, up to 9999 mV)");
            }
            String[] kv = e.split("=");
            int col = Integer.parseInt(kv[0]);
            if (m.put(col, Double.parseDouble(kv[1]) * 1e-3) != null) {
                throw new IllegalArgumentException(
                        "--inject = " + e + ": column " + col + " is given twice; give each column once");
            }
        }
        return new Injection(m);
    }

    /** Applies the offsets to {@code array}. */
    public void apply(AnalogArray array) {
        comparatorOffsets.forEach(array::injectComparatorOffset);
    }

    /** Applies the offsets through {@code sink} (for example to both sides of a lockstep). */
    public void apply(java.util.function.ObjIntConsumer<Double> sink) {
        comparatorOffsets.forEach((col, v) -> sink.accept(v, col));
    }

    public boolean isEmpty() {
        return comparatorOffsets.isEmpty();
    }

    /** As the CLI spells it: {@code 5=30mV, 20=-25mV}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        comparatorOffsets.forEach((c, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(c)
                .append('=')
                .append(String.format(Locale.ROOT, "%.1f", v * 1e3))
                .append("mV"));
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
