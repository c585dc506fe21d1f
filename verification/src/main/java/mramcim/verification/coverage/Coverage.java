package mramcim.verification.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functional coverage counts: coverpoints, each an ordered set of declared bins with a hit count.
 * Bins are declared before a run so that a bin never hit shows as a hole. Counts add up across
 * seeds, shards and machines ({@link #merge}); a count for an undeclared bin is refused, so that
 * two runs of different designs cannot be merged by mistake.
 */
public final class Coverage {

    private final Map<String, Map<String, Long>> points = new LinkedHashMap<>();

    /** Declares coverpoint {@code point} with {@code bins}, all at zero. */
    public void declare(String point, List<String> bins) {
        Map<String, Long> m = points.computeIfAbsent(point, p -> new LinkedHashMap<>());
        bins.forEach(b -> m.putIfAbsent(b, 0L));
    }

    /** Counts one hit of a declared bin. */
    public void hit(String point, String bin) {
        add(point, bin, 1);
    }

    /** Counts {@code n} hits of a declared bin at once. */
    public void hit(String point, String bin, long n) {
        add(point, bin, n);
    }

    private void add(String point, String bin, long n) {
        Map<String, Long> m = points.get(point);
        if (m == null || !m.containsKey(bin)) {
            throw new IllegalArgumentException("coverage bin '" + bin + "' of '" + point + "' is not declared");
        }
        m.merge(bin, n, Long::sum);
    }

    /** Adds every count of {@code other}, whose bins must all be declared here. */
    public void merge(Coverage other) {
        other.points.forEach((p, bins) -> bins.forEach((b, n) -> add(p, b, n)));
    }

    /** Coverpoint -> bin -> hits, in declaration order. Do not modify. */
    public Map<String, Map<String, Long>> points() {
        return points;
    }

    /** Bins declared in total. */
    public int bins() {
        return points.values().stream().mapToInt(Map::size).sum();
    }

    /** Bins hit at least once. */
    public int hit() {
        return (int) points.values().stream()
                .flatMap(m -> m.values().stream())
                .filter(n -> n > 0)
                .count();
    }

    /** Bins hit at least once among those of {@code point}. */
    public int hit(String point) {
        return (int) points.get(point).values().stream().filter(n -> n > 0).count();
    }

    /** The bins of {@code point} never hit. */
    public List<String> holes(String point) {
        return points.get(point).entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A copy with the same bins and counts. */
    public Coverage copy() {
        Coverage c = new Coverage();
        points.forEach((p, bins) -> c.points.put(p, new LinkedHashMap<>(bins)));
        return c;
    }

    /** Restores coverage from {@link #points()} as written to JSON. */
    public static Coverage of(Map<String, Map<String, Long>> counts) {
        Coverage c = new Coverage();
        counts.forEach((p, bins) -> c.points.put(p, new LinkedHashMap<>(bins)));
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage c && c.points.equals(points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }
}
