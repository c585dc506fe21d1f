package mramcim.verification.waveform;

import java.util.List;

/**
 * The window of edges before a failure, as rows of a waveform picture: host pins, compared pins
 * (both sides where they differ), and the model's analog reals.
 *
 * @param title one line over the picture (the failure)
 * @param cycles the edge number of each column, in order
 * @param failureCycle the edge of the failure (the last column), or -1
 * @param rows the signals, top to bottom
 */
public record Waveform(String title, long[] cycles, long failureCycle, List<Row> rows) {

    /** How a row is drawn. */
    public enum Kind {
        /** One bit: a high/low trace. */
        BIT,
        /** A bus: its value as hex in a box per stable stretch. */
        BUS,
        /** A real quantity: a line plot between its minimum and maximum. */
        REAL
    }

    /**
     * One signal.
     *
     * @param name its label
     * @param kind how it is drawn
     * @param values per column: "0"/"1" for a bit, the value's text for a bus (null for a real)
     * @param reals per column, for a real (null otherwise)
     * @param unit of a real, for its scale labels
     * @param highlight the first failing signal (drawn in red)
     */
    public record Row(String name, Kind kind, String[] values, double[] reals, String unit, boolean highlight) {}

    public Waveform {
        cycles = cycles.clone();
        rows = List.copyOf(rows);
    }

    /**
     * The rows named {@code names}, in that order: a name selects every row it names or starts
     * ({@code rsp_data} selects both sides' rows when they differ).
     *
     * @throws IllegalArgumentException naming a name that selects no row, with the names there are
     */
    public Waveform select(List<String> names) {
        java.util.List<Row> out = new java.util.ArrayList<>();
        for (String n : names) {
            List<Row> hit = rows.stream()
                    .filter(r -> r.name().equals(n)
                            || r.name().startsWith(n + " ")
                            || r.name().startsWith(n + "["))
                    .toList();
            if (hit.isEmpty()) {
                throw new IllegalArgumentException("--rows: no row '" + n + "'; there are "
                        + String.join(", ", rows.stream().map(Row::name).toList()));
            }
            out.addAll(hit);
        }
        return new Waveform(title, cycles, failureCycle, out);
    }
}
