package mramcim.model.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mramcim.model.array.AnalogArray;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.spec.Offsets;
import mramcim.spec.Register;
import mramcim.spec.Status;
import org.junit.jupiter.api.Test;

/**
 * Macro.mvm through the clocked periphery against an independent computation: the analog model's
 * delays, the SPEC's TDC code rule and the SPEC's converter and offset formula, written out here.
 */
class MacroMvmTest {

    private static int[][] randomWeights(SplittableRandom rnd, int rows, int cols) {
        int[][] w = new int[rows][cols];
        for (int[] row : w) {
            for (int c = 0; c < cols; c++) {
                row[c] = rnd.nextBoolean() ? 1 : -1;
            }
        }
        return w;
    }

    /** SPEC 3: the first n with n * T >= tau. */
    private static int specCode(double tau, double tClk) {
        int n = 1;
        while (n * tClk < tau) {
            n++;
        }
        return n;
    }

    /** SPEC 5, written independently of the model's Converter and OffsetCorrector. */
    private static int specDp(int rows, int code, int c0, int gain, int offset) {
        long x = (long) (code - c0) * gain;
        long q = x >= 0 ? Math.floorDiv(x + 128, 256) : -Math.floorDiv(-x + 128, 256);
        long dp = rows - q + offset;
        return (int) Math.max(-rows, Math.min(rows, dp));
    }

    @Test
    void tenThousandRandomMvmsEqualTheAnalogCodesThroughTheSpecConverterAndOffsets() {
        MacroConfig cfg = MacroConfig.jung2022();
        Macro macro = Macro.create(cfg, 2026);
        SplittableRandom rnd = new SplittableRandom(2026);
        int[][] w = randomWeights(rnd, cfg.rows(), cfg.cols());
        HostPort.ProgramReport report = macro.program(w);
        assertEquals(0, report.failedCells(), "the default die programs without failures");
        int c0 = 88;
        int gain = 445;
        int[] offset = new int[cfg.cols()];
        assertEquals(Status.OK, macro.writeReg(Register.C0.index(), c0).status());
        assertEquals(Status.OK, macro.writeReg(Register.GAIN.index(), gain).status());
        for (int c = 0; c < cfg.cols(); c++) {
            offset[c] = rnd.nextInt(-6, 7);
            assertEquals(Status.OK, macro.writeReg(Offsets.BASE + c, offset[c]).status());
        }
        // The independent path reads the same die through a separate readout.
        AnalogArray die = macro.array();
        Readout readout = Readout.of(die, Solver.FAST);
        double tClk = cfg.timing().tClk();
        int frame = cfg.timing().frameCycles();
        int codeMax = (1 << 12) - 1;
        long mismatches = 0;
        for (int k = 0; k < 10_000; k++) {
            int[] in = new int[cfg.rows()];
            long bits = 0;
            for (int i = 0; i < in.length; i++) {
                in[i] = rnd.nextBoolean() ? 1 : -1;
                bits |= in[i] > 0 ? 1L << i : 0;
            }
            HostPort.Mvm got = macro.mvm(in);
            double[] tau = new double[cfg.cols()];
            readout.convert(new long[] {bits}, k, tau);
            for (int c = 0; c < cfg.cols(); c++) {
                int code = specCode(tau[c], tClk);
                boolean overflow = code > frame;
                int expectCode = overflow ? codeMax : code;
                assertEquals(expectCode, got.codes()[c], "mvm " + k + " column " + c + " code");
                assertEquals(overflow, got.overflow()[c], "mvm " + k + " column " + c + " overflow");
                assertEquals(
                        specDp(cfg.rows(), expectCode, c0, gain, offset[c]),
                        got.dotProducts()[c],
                        "mvm " + k + " column " + c + " DP");
                int exact = 0;
                for (int i = 0; i < in.length; i++) {
                    exact += in[i] * w[i][c];
                }
                mismatches += got.dotProducts()[c] != exact ? 1 : 0;
            }
        }
        // Sanity of the setting: an uncalibrated guess of C0/GAIN is close, not exact.
        assertTrue(mismatches > 0, "a noisy die never reproduces every dot product exactly");
    }

    @Test
    void idealMacroWithAFineTdcComputesExactDotProducts() {
        // A TDC clock fine enough that every mismatch step is exactly four codes.
        MacroConfig fine = MacroConfig.idealFineTdc();
        Macro macro = Macro.create(fine, 1);
        int rows = fine.rows();
        int cols = fine.cols();
        // SPEC 6.1 global calibration: all weights +1, codes for IN = all +1 and all -1.
        int[][] plus = new int[rows][cols];
        for (int[] r : plus) {
            java.util.Arrays.fill(r, 1);
        }
        assertEquals(0, macro.program(plus).failedCells());
        int[] allPlus = new int[rows];
        java.util.Arrays.fill(allPlus, 1);
        int code0 = macro.mvm(allPlus).codes()[0];
        int codeR = macro.mvm(java.util.Arrays.stream(allPlus).map(x -> -x).toArray())
                .codes()[0];
        int gain = (int) Math.round(256.0 * 2 * rows / (codeR - code0));
        macro.writeReg(Register.C0.index(), code0);
        macro.writeReg(Register.GAIN.index(), gain);
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] w = randomWeights(rnd, rows, cols);
        assertEquals(0, macro.program(w).failedCells());
        for (int k = 0; k < 200; k++) {
            int[] in = new int[rows];
            for (int i = 0; i < rows; i++) {
                in[i] = rnd.nextBoolean() ? 1 : -1;
            }
            int[] dp = macro.mvm(in).dotProducts();
            for (int c = 0; c < cols; c++) {
                int exact = 0;
                for (int i = 0; i < rows; i++) {
                    exact += in[i] * w[i][c];
                }
                assertEquals(exact, dp[c], "pattern " + k + " column " + c);
            }
        }
    }
}
