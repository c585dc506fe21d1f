package mramcim.model.passive.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mramcim.model.passive.config.CrossbarLines;
import mramcim.model.passive.config.PassiveArrayConfig;
import org.junit.jupiter.api.Test;

/** The nodal solver against closed-form circuits and Kirchhoff's current law. */
class NodalSolverTest {

    private static double[] randomG(Random r, int n) {
        double[] g = new double[n];
        for (int d = 0; d < n; d++) {
            g[d] = 5e-6 + 20e-6 * r.nextDouble();
        }
        return g;
    }

    @Test
    void withoutLineResistanceTheColumnCurrentsAreGTimesV() {
        Random r = new Random(3);
        int rows = 15;
        int cols = 15;
        CrossbarNetwork net = new CrossbarNetwork(rows, cols, CrossbarLines.none());
        double[] g = randomG(r, rows * cols);
        double[] v = new double[rows];
        PadBias bias = PadBias.grounded(rows, cols);
        for (int i = 0; i < rows; i++) {
            v[i] = 0.2 * r.nextDouble();
            bias = bias.driveRow(i, v[i]);
        }
        NodalSolution s = NodalSolver.solve(net, g, bias);
        for (int j = 0; j < cols; j++) {
            double expected = 0;
            for (int i = 0; i < rows; i++) {
                expected += g[i * cols + j] * v[i];
            }
            assertEquals(expected, s.columnCurrent(j), 1e-15 * Math.abs(expected), "column " + j);
        }
    }

    @Test
    void aSingleDeviceWithLineResistancesIsTheSeriesCircuit() {
        CrossbarLines lines = new CrossbarLines(6, 2, 100, 400, 200);
        double g = 12e-6;
        CrossbarNetwork one = new CrossbarNetwork(1, 1, lines);
        NodalSolution s = NodalSolver.solve(one, new double[] {g}, PadBias.read(1, 1, 0, 0.2));
        double series = lines.accessResistance(0, 1) + 1 / g + lines.accessResistance(0, 1);
        assertEquals(0.2 / series, s.columnCurrent(0), 1e-10 * 0.2 / series);
        // The same device in a 1 x 3 row whose other columns float: their devices carry nothing.
        CrossbarNetwork row = new CrossbarNetwork(1, 3, lines);
        NodalSolution s3 = NodalSolver.solve(
                row,
                new double[] {g, 7e-6, 9e-6},
                PadBias.read(1, 3, 0, 0.2).floatCol(1).floatCol(2));
        double series3 = lines.accessResistance(0, 1) + 1 / g + lines.accessResistance(0, 3);
        assertEquals(0.2 / series3, s3.columnCurrent(0), 1e-10 * 0.2 / series3);
        assertEquals(s3.columnCurrent(0), s3.rowCurrent(0), 1e-10 * s3.rowCurrent(0));
    }

    @Test
    void twoByTwoSneakPathMatchesTheHandSolvedCircuit() {
        // Row 0 driven, column 0 grounded, row 1 and column 1 floating, no line resistance: the
        // current into column 0 is g00 V plus the sneak path g01 -> g11 -> g10 in series.
        double g00 = 10e-6;
        double g01 = 14e-6;
        double g10 = 8e-6;
        double g11 = 16e-6;
        double v = 0.2;
        CrossbarNetwork net = new CrossbarNetwork(2, 2, CrossbarLines.none());
        NodalSolution s = NodalSolver.solve(
                net,
                new double[] {g00, g01, g10, g11},
                PadBias.read(2, 2, 0, v).floatRow(1).floatCol(1));
        double sneak = 1 / (1 / g01 + 1 / g11 + 1 / g10);
        assertEquals(v * (g00 + sneak), s.columnCurrent(0), 1e-12 * v * g00);
        // Node voltages of the sneak path: the current through g01 drops V - Vc1 across it.
        double iSneak = v * sneak;
        assertEquals(v - iSneak / g01, s.volts(net.bitNode(0, 1)), 1e-12);
        assertEquals(iSneak / g10, s.volts(net.wordNode(1, 0)), 1e-12);
    }

    @Test
    void kirchhoffsCurrentLawHoldsAtEveryNodeOfRandomArrays() {
        Random r = new Random(20261122);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 15;
            int cols = 15;
            CrossbarLines lines = new CrossbarLines(
                    r.nextDouble() * 20, 2, r.nextDouble() * 500, r.nextDouble() * 1000, r.nextDouble() * 500 + 1);
            CrossbarNetwork net = new CrossbarNetwork(rows, cols, lines);
            double[] g = randomG(r, rows * cols);
            PadBias bias = PadBias.grounded(rows, cols);
            for (int p = 0; p < rows + cols; p++) {
                double u = r.nextDouble();
                boolean isRow = p < rows;
                int idx = isRow ? p : p - rows;
                if (u < 0.25) {
                    bias = isRow ? bias.floatRow(idx) : bias.floatCol(idx);
                } else if (u < 0.6) {
                    double v = 2 * r.nextDouble() - 1;
                    bias = isRow ? bias.driveRow(idx, v) : bias.driveCol(idx, v);
                }
            }
            bias = bias.driveCol(0, 0); // at least one fixed pad
            NodalSolution s = NodalSolver.solve(net, g, bias);
            double[] net_ = new double[net.nodes()];
            double[] abs = new double[net.nodes()];
            for (int e = 0; e < net.elements(); e++) {
                double i = net.conductance(e, g) * (s.volts(net.from(e)) - s.volts(net.to(e)));
                net_[net.from(e)] += i;
                net_[net.to(e)] -= i;
                abs[net.from(e)] += Math.abs(i);
                abs[net.to(e)] += Math.abs(i);
            }
            // Relative to the current through the node, or for a dead end (a floating pad, whose
            // one element must carry nothing) to the largest pad current of the array.
            double scale = java.util.Arrays.stream(s.padCurrents())
                    .map(Math::abs)
                    .max()
                    .orElse(0);
            for (int n = 0; n < net.nodes(); n++) {
                int pad = net.padOf(n);
                boolean fixed = pad >= 0 && !bias.floating(pad);
                if (fixed) {
                    assertEquals(s.padCurrents()[pad], net_[n], 1e-9 * abs[n] + 1e-18, "pad current of pad " + pad);
                } else {
                    assertTrue(
                            Math.abs(net_[n]) <= 1e-9 * Math.max(abs[n], scale),
                            "KCL at node " + n + " of trial " + trial + ": " + net_[n] + " A of " + abs[n]);
                }
            }
        }
    }

    @Test
    void theHalfSelectWriteGivesTheTargetVAndTheHalfSelectedVOverTwo() {
        CrossbarNetwork net = new CrossbarNetwork(15, 15, CrossbarLines.none());
        double[] g = randomG(new Random(4), 225);
        NodalSolution s = NodalSolver.solve(net, g, PadBias.halfSelect(15, 15, 7, 3, 2.0));
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 15; j++) {
                double expected = i == 7 && j == 3 ? 2.0 : i == 7 || j == 3 ? 1.0 : 0;
                assertEquals(expected, s.deviceVolts(i, j), 1e-12, "device " + i + "," + j);
            }
        }
    }

    @Test
    void refusesAFullyFloatingArrayAndBadConductances() {
        CrossbarNetwork net = new CrossbarNetwork(2, 2, CrossbarLines.seed004());
        PadBias floating =
                PadBias.grounded(2, 2).floatRow(0).floatRow(1).floatCol(0).floatCol(1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NodalSolver.solve(net, new double[] {1e-5, 1e-5, 1e-5, 1e-5}, floating));
        assertTrue(e.getMessage().contains("at least one line"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> NodalSolver.solve(net, new double[] {1e-5, -1e-5, 1e-5, 1e-5}, PadBias.grounded(2, 2)));
        assertTrue(e.getMessage().contains("[0][1]") && e.getMessage().contains("allowed > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PassiveArrayConfig.goodwill2022(45));
        assertTrue(e.getMessage().contains("45") && e.getMessage().contains("30, 40, 50 or 60"), e.getMessage());
    }
}
