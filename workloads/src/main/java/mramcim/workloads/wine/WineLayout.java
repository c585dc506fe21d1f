package mramcim.workloads.wine;

/**
 * The weight layout of seed 004 Fig. 3(b) on the 15 x 15 array. Layer 1 (13 x 6) on rows 1-13 and
 * columns 1-12, each weight a left (excitatory g_e) / right (inhibitory g_i) pair of devices, so
 * hidden neuron n reads the difference of columns 2n and 2n+1. Layer 2 (6 x 3) on rows 1-12 and
 * columns 13-15, each weight a top (g_e) / bottom (g_i) pair, the hidden activation applied as +a
 * on row 2n and -a on row 2n+1. Indices here are 0-based. Weight +1 is (on, off), -1 is (off, on)
 * and 0 is (off, off); unused devices stay off ("always written to the off-state").
 */
public final class WineLayout {

    /** First column of layer 2. */
    public static final int LAYER2_COLUMN = 2 * TernaryNetwork.HIDDEN;

    /** Rows and columns the layout needs. */
    public static final int ROWS = TernaryNetwork.INPUTS;

    public static final int COLS = LAYER2_COLUMN + TernaryNetwork.OUTPUTS;

    private WineLayout() {}

    /** Target states (true = on) of a {@code rows x cols} array holding {@code net}. */
    public static boolean[][] targets(TernaryNetwork net, int rows, int cols) {
        if (rows < ROWS || cols < COLS) {
            throw new IllegalArgumentException("array "
                    + rows
                    + " x "
                    + cols
                    + " is too small for the 13-6-3 layout of seed 004 Fig. 3(b): needs at least "
                    + ROWS
                    + " x "
                    + COLS);
        }
        boolean[][] t = new boolean[rows][cols];
        for (int i = 0; i < TernaryNetwork.INPUTS; i++) {
            for (int n = 0; n < TernaryNetwork.HIDDEN; n++) {
                t[i][2 * n] = net.w1()[i][n] > 0;
                t[i][2 * n + 1] = net.w1()[i][n] < 0;
            }
        }
        for (int n = 0; n < TernaryNetwork.HIDDEN; n++) {
            for (int k = 0; k < TernaryNetwork.OUTPUTS; k++) {
                t[2 * n][LAYER2_COLUMN + k] = net.w2()[n][k] > 0;
                t[2 * n + 1][LAYER2_COLUMN + k] = net.w2()[n][k] < 0;
            }
        }
        return t;
    }

    /** Layer-1 conductance differences g_e - g_i [13][6] of read-back conductances {@code g}, S. */
    public static double[][] deltaG1(double[][] g) {
        double[][] d = new double[TernaryNetwork.INPUTS][TernaryNetwork.HIDDEN];
        for (int i = 0; i < TernaryNetwork.INPUTS; i++) {
            for (int n = 0; n < TernaryNetwork.HIDDEN; n++) {
                d[i][n] = g[i][2 * n] - g[i][2 * n + 1];
            }
        }
        return d;
    }

    /** Layer-2 conductance differences g_e - g_i [6][3] of read-back conductances {@code g}, S. */
    public static double[][] deltaG2(double[][] g) {
        double[][] d = new double[TernaryNetwork.HIDDEN][TernaryNetwork.OUTPUTS];
        for (int n = 0; n < TernaryNetwork.HIDDEN; n++) {
            for (int k = 0; k < TernaryNetwork.OUTPUTS; k++) {
                d[n][k] = g[2 * n][LAYER2_COLUMN + k] - g[2 * n + 1][LAYER2_COLUMN + k];
            }
        }
        return d;
    }
}
