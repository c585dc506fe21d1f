package mramcim.workloads.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The network on the macro: the tile schedule run on a {@link TileExecutor}, partial sums added
 * digitally (padding subtracted), hidden thresholds and the output argmax in the digital domain.
 */
public final class MappedNetwork {

    /**
     * @param columns [pass][sample][column]: every READ_RESULT of the run
     * @param predictions [sample]
     * @param failedCells WRITE_CELLs that failed while programming the tiles
     */
    public record Result(int[][][] columns, int[] predictions, int failedCells) {}

    private final BinaryMlp net;
    private final TileSchedule schedule;

    public MappedNetwork(BinaryMlp net, TileSchedule schedule) {
        this.net = net;
        this.schedule = schedule;
    }

    public TileSchedule schedule() {
        return schedule;
    }

    /**
     * Classifies {@code samples} (binarised pixels) on {@code exec}.
     *
     * @param progress told once per pass
     */
    public Result run(List<byte[]> samples, TileExecutor exec, LongConsumer progress) {
        int n = samples.size();
        List<TileSchedule.Pass> passes = schedule.passes();
        int[][][] columns = new int[passes.size()][][];
        int[][] hiddenSum = new int[n][net.hidden()];
        int[][] outSum = new int[n][net.classes()];
        byte[][] hidden = null;
        for (TileSchedule.Pass p : passes) {
            if (p.layer() == 2 && hidden == null) {
                hidden = new byte[n][];
                for (int s = 0; s < n; s++) {
                    hidden[s] = net.hiddenActivation(hiddenSum[s]);
                }
            }
            List<int[]> inputs = new ArrayList<>(n);
            for (int s = 0; s < n; s++) {
                inputs.add(p.input(p.layer() == 1 ? samples.get(s) : hidden[s]));
            }
            int[][] r = exec.run(p, inputs);
            columns[p.index()] = r;
            int[][] sums = p.layer() == 1 ? hiddenSum : outSum;
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < p.neurons(); j++) {
                    sums[s][p.firstNeuron() + j] += r[s][j] - p.padding();
                }
            }
            progress.accept(1);
        }
        int[] pred = new int[n];
        for (int s = 0; s < n; s++) {
            pred[s] = BinaryMlp.argmax(outSum[s]);
        }
        return new Result(columns, pred, exec.failedCells());
    }
}
