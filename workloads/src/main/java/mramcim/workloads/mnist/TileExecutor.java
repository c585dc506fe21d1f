package mramcim.workloads.mnist;

import java.util.List;

/**
 * Runs one tile pass: programs its weights, converts every input vector, returns each column's
 * READ_RESULT.
 */
public interface TileExecutor {

    /**
     * @param inputs the array input vectors (+1/-1, ROWS long), one per sample, in order
     * @return [sample][column] dot products as READ_RESULT returns them
     */
    int[][] run(TileSchedule.Pass pass, List<int[]> inputs);

    /** WRITE_CELLs answered CELL_FAIL so far (0 where weights are set directly). */
    default int failedCells() {
        return 0;
    }
}
