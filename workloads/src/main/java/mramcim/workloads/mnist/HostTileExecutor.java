package mramcim.workloads.mnist;

import java.util.List;
import mramcim.calibration.GlobalCalibration;
import mramcim.model.macro.HostPort;
import mramcim.spec.Offsets;

/**
 * Tile passes through host commands: WRITE_CELL for every weight of the tile, then LOAD_INPUT,
 * COMPUTE and READ_RESULT per sample. On a {@code LockstepHost} this is the cycle-accurate
 * co-simulation of the workload.
 */
public final class HostTileExecutor implements TileExecutor {

    private final HostPort port;
    private int failed;

    /** A host that first programs C0, GAIN and the offsets (no conversion spent). */
    public HostTileExecutor(HostPort port, GlobalCalibration global, int[] offsets) {
        this.port = port;
        global.program(port);
        for (int j = 0; j < offsets.length; j++) {
            port.writeReg(Offsets.BASE + j, offsets[j]);
        }
    }

    @Override
    public int[][] run(TileSchedule.Pass pass, List<int[]> inputs) {
        failed += port.program(pass.weights()).failedCells();
        int[][] out = new int[inputs.size()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = port.mvm(inputs.get(s)).dotProducts();
        }
        return out;
    }

    @Override
    public int failedCells() {
        return failed;
    }
}
