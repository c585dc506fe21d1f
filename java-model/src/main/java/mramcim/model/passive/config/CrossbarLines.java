package mramcim.model.passive.config;

import mramcim.model.config.Check;
import mramcim.model.config.Param;

/**
 * Parasitic resistances of the passive crossbar: the word- and bit-line segments between cross
 * points, the routing from each probe pad to the array edge (longest for the centre lines, seed 004
 * Fig. 2(a): "the longest metal lines are on the center row and column, while the shortest lines
 * are on the periphery") and the pad contact.
 *
 * @param sheetResistance line sheet resistance
 * @param segmentSquares squares of line between neighbouring cross points
 * @param routingSquaresEdge squares of routing from the pad to the array for the outermost lines
 * @param routingSquaresCentre squares of routing for the centre line; linear in between
 * @param contactResistance probe-pad and via contact in series with every line
 */
public record CrossbarLines(
        @Param(
                unit = "Ohm/sq",
                source = "seed 004 III: 'line resistances of the row and column lines ... about 6 Ohm per square'")
        double sheetResistance,

        @Param(unit = "1", source = "seed 004 App. A: 400 nm wide lines on an 800 nm pitch, 2 squares per cell")
        double segmentSquares,

        @Param(
                unit = "1",
                source =
                        "assumed 100: fan-out from the pads (seed 004 Fig. 2(a)); with the centre value it gives the 2.2 V mean effective switching voltage of Fig. 2(d) at 30 nm and about 85 % write accuracy at 60 nm (seed 004 II.B)")
        double routingSquaresEdge,

        @Param(unit = "1", source = "assumed 400: the centre lines are the longest (seed 004 Fig. 2(a, e))")
        double routingSquaresCentre,

        @Param(unit = "Ohm", source = "assumed 200 Ohm: probe pad and Cr/TaN via (seed 004 App. A)")
        double contactResistance) {

    public CrossbarLines {
        Check.range("lines.sheetResistance", sheetResistance, 0, 1e4, "Ohm/sq");
        Check.range("lines.segmentSquares", segmentSquares, 0, 1e4, "1");
        Check.range("lines.routingSquaresEdge", routingSquaresEdge, 0, 1e6, "1");
        Check.range("lines.routingSquaresCentre", routingSquaresCentre, 0, 1e6, "1");
        Check.range("lines.contactResistance", contactResistance, 0, 1e7, "Ohm");
    }

    /** The lines of the seed-004 arrays. */
    public static CrossbarLines seed004() {
        return new CrossbarLines(6.0, 2.0, 100, 400, 200);
    }

    /** No line, routing or contact resistance at all. */
    public static CrossbarLines none() {
        return new CrossbarLines(0, 0, 0, 0, 0);
    }

    /** Resistance of one line segment between neighbouring cross points. */
    public double segmentResistance() {
        return sheetResistance * segmentSquares;
    }

    /**
     * Resistance from the pad of line {@code index} (of {@code count}) to its first cross point:
     * contact plus routing, the routing growing linearly from the edge lines to the centre line.
     */
    public double accessResistance(int index, int count) {
        double half = (count - 1) / 2.0;
        double towardCentre = half == 0 ? 1 : 1 - Math.abs(index - half) / half;
        return contactResistance
                + sheetResistance * (routingSquaresEdge + (routingSquaresCentre - routingSquaresEdge) * towardCentre);
    }
}
