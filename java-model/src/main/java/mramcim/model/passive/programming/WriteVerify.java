package mramcim.model.passive.programming;

import mramcim.model.passive.array.PassiveArray;
import mramcim.model.passive.config.ProgrammingParams;

/**
 * The four-pulse write-verify of seed 004 Fig. 2(b): write the opposite of the target, read, write
 * the target, read; switched when the on/off ratio of the two reads reaches {@link
 * ProgrammingParams#verifyRatio}; otherwise repeat with V_apply one step higher, up to the array's
 * limit of twice its smallest switching voltage, after which the write is an error.
 */
public final class WriteVerify {

    /**
     * Outcome of writing one device.
     *
     * @param success the ratio condition was met
     * @param vApply V_apply of the last sequence, V
     * @param gOnRead read after the on-pulse of the last sequence, S
     * @param gOffRead read after the off-pulse of the last sequence, S
     * @param disturbs other junctions switched on the way
     */
    public record Result(boolean success, double vApply, double gOnRead, double gOffRead, int disturbs) {}

    private WriteVerify() {}

    /** Writes (i, j) of {@code array} to on ({@code targetOn}) or off. */
    public static Result write(PassiveArray array, int i, int j, boolean targetOn) {
        ProgrammingParams p = array.config().programming();
        double limit = array.maxWriteVoltage();
        int disturbs = 0;
        double gOn = 0;
        double gOff = 0;
        double v = p.vStart();
        int steps = (int) Math.floor((limit - p.vStart()) / p.vStep() + 1e-9);
        for (int s = 0; s <= Math.max(0, steps); s++) {
            v = Math.min(limit, p.vStart() + s * p.vStep());
            disturbs += array.pulse(i, j, targetOn ? -v : v);
            double first = array.read(i, j);
            disturbs += array.pulse(i, j, targetOn ? v : -v);
            double second = array.read(i, j);
            gOn = targetOn ? second : first;
            gOff = targetOn ? first : second;
            if (gOn >= p.verifyRatio() * gOff) {
                return new Result(true, v, gOn, gOff, disturbs);
            }
        }
        return new Result(false, v, gOn, gOff, disturbs);
    }
}
