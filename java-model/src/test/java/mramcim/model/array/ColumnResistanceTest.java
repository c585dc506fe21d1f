package mramcim.model.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.Test;

/** SPEC section 2: the ideal column resistance is linear in the number of mismatches. */
class ColumnResistanceTest {

    @Test
    void idealColumnResistanceIsRowsTimesRlPlusMismatchesTimesRhMinusRl() {
        MacroConfig cfg = MacroConfig.ideal();
        AnalogArray array = AnalogArray.fabricate(cfg, 7);
        int rows = cfg.rows();
        // R_L and R_H from the SPEC's bit-cell description, computed here from the parameters.
        double bias = (cfg.column().vDrv() - cfg.column().vRef()) / rows;
        double rP = cfg.mtj().rP();
        double rAP = rP * (1 + cfg.mtj().tmr0() / (1 + Math.pow(bias / cfg.mtj().vHalf(), 2)));
        double rOn = cfg.fet().rOn();
        double rOff = cfg.fet().rOff();
        double rL = parallel(rOn + rP, rOff + rAP);
        double rH = parallel(rOn + rAP, rOff + rP);

        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int[][] w = new int[rows][cfg.cols()];
            for (int[] row : w) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = rnd.nextBoolean() ? 1 : -1;
                }
            }
            array.program(w);
            long[] in = {rnd.nextLong()};
            for (int c = 0; c < cfg.cols(); c++) {
                int dp = 0;
                for (int i = 0; i < rows; i++) {
                    dp += (((in[0] >>> i) & 1) == 1 ? 1 : -1) * w[i][c];
                }
                int nMis = (rows - dp) / 2;
                double expected = rows * rL + nMis * (rH - rL);
                assertEquals(
                        expected,
                        array.cellChainResistance(c, in),
                        expected * 1e-12,
                        "trial " + trial + " column " + c + " (DP " + dp + ")");
            }
        }
    }

    private static double parallel(double a, double b) {
        return a * b / (a + b);
    }
}
