package mramcim.model.passive.programming;

import java.util.ArrayList;
import java.util.List;
import mramcim.model.passive.array.PassiveArray;

/**
 * Programs a weight pattern into a passive array as seed 004 Fig. 3(c) does: clear (every device
 * written off, twice), write (only the devices that must be on), read (every device serially at
 * V_read). The reads are what the inference uses.
 */
public final class Programming {

    /**
     * What programming one pattern gave.
     *
     * @param readBack the read operation: port-to-port conductance of every device, S
     * @param inTargetState devices whose junction ended in the target state
     * @param writeErrors write-verify sequences that reached the voltage limit without switching
     * @param disturbs junctions switched by pulses aimed at other devices
     * @param onReads on-state reads of the write operation's last sequences (seed 004 Fig. 4(c)), S
     * @param offReads off-state reads of the same sequences, S
     */
    public record Result(
            double[][] readBack,
            int inTargetState,
            int writeErrors,
            int disturbs,
            double[] onReads,
            double[] offReads) {

        /** Share of devices in their target state. */
        public double writeAccuracy() {
            return (double) inTargetState / (readBack.length * readBack[0].length);
        }
    }

    private Programming() {}

    /** Clears, writes {@code target[i][j]} (true = on) and reads back {@code array}. */
    public static Result program(PassiveArray array, boolean[][] target) {
        int rows = array.rows();
        int cols = array.cols();
        if (target.length != rows || target[0].length != cols) {
            throw new IllegalArgumentException(
                    "target is " + target.length + " x " + target[0].length + ", the array " + rows + " x " + cols);
        }
        int errors = 0;
        int disturbs = 0;
        for (int pass = 0; pass < array.config().programming().clearPasses(); pass++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    WriteVerify.Result r = WriteVerify.write(array, i, j, false);
                    disturbs += r.disturbs();
                    errors += pass + 1 == array.config().programming().clearPasses() && !r.success() ? 1 : 0;
                }
            }
        }
        List<Double> onReads = new ArrayList<>();
        List<Double> offReads = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (target[i][j]) {
                    WriteVerify.Result r = WriteVerify.write(array, i, j, true);
                    disturbs += r.disturbs();
                    if (r.success()) {
                        onReads.add(r.gOnRead());
                        offReads.add(r.gOffRead());
                    } else {
                        errors++;
                    }
                }
            }
        }
        double[][] readBack = array.readAll();
        int ok = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                ok += array.isOn(i, j) == target[i][j] ? 1 : 0;
            }
        }
        return new Result(
                readBack,
                ok,
                errors,
                disturbs,
                onReads.stream().mapToDouble(Double::doubleValue).toArray(),
                offReads.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
