package mramcim.calibration;

import java.util.function.LongConsumer;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Response;
import mramcim.spec.Offsets;

/**
 * Validation through host commands (Option 1 of seed 000 Extended Data Table 1: 1,600 dot products
 * on 64 x 64). Each held-out pattern is programmed and converted once; its results are read with
 * every OFFSET at 0 and, after writing the offsets of the corrected columns, read again, so
 * "before" and "after" are the same conversions. The macro is left with the offsets programmed.
 */
public final class HostValidation {

    private HostValidation() {}

    /**
     * @param count held-out (IN, W) patterns, each giving one dot product per column
     * @param progress told once per pattern
     */
    public static Validation run(
            HostPort port,
            Patterns patterns,
            int count,
            GlobalCalibration global,
            int[] offsets,
            LongConsumer progress) {
        long t0 = System.nanoTime();
        int rows = port.config().rows();
        int cols = port.config().cols();
        if (offsets.length != cols) {
            throw new IllegalArgumentException(
                    "offsets for " + offsets.length + " columns given to a macro of " + cols);
        }
        global.program(port);
        long cycles = 0;
        for (int j = 0; j < cols; j++) {
            cycles += port.writeReg(Offsets.BASE + j, 0).cycles();
        }
        ErrorStats before = new ErrorStats(rows, cols);
        ErrorStats after = new ErrorStats(rows, cols);
        int failed = 0;
        for (int p = 0; p < count; p++) {
            int[][] w = patterns.weights(Patterns.Stream.VALIDATION, p);
            int[] in = patterns.input(Patterns.Stream.VALIDATION, p, 0);
            HostPort.ProgramReport prog = port.program(w);
            failed += prog.failedCells();
            HostPort.Mvm mvm = port.mvm(in);
            cycles += prog.cycles() + mvm.cycles();
            for (int j = 0; j < cols; j++) {
                int exact = Patterns.exact(in, w, j);
                before.add(j, exact, mvm.dotProducts()[j], mvm.overflow()[j]);
                if (offsets[j] == 0) {
                    after.add(j, exact, mvm.dotProducts()[j], mvm.overflow()[j]);
                    continue;
                }
                cycles += port.writeReg(Offsets.BASE + j, offsets[j]).cycles();
                Response r = port.readResult(j);
                cycles += r.cycles() + port.writeReg(Offsets.BASE + j, 0).cycles();
                after.add(j, exact, r.dotProduct(), mvm.overflow()[j]);
            }
            progress.accept(1);
        }
        for (int j = 0; j < cols; j++) {
            cycles += port.writeReg(Offsets.BASE + j, offsets[j]).cycles();
        }
        return new Validation(before, after, failed, cycles, null, (System.nanoTime() - t0) / 1e9);
    }
}
