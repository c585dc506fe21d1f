package mramcim.calibration;

import java.util.SplittableRandom;
import mramcim.model.config.MacroConfig;

/**
 * The random (IN, W) patterns of calibration and validation (SPEC section 6): weights and inputs
 * uniform in {+1, -1}. Each pattern is a pure function of (seed, stream, set, input), so a pattern
 * never depends on the order or the thread that draws it, and calibration and validation never
 * share one (separate streams: the validation patterns are held out).
 */
public final class Patterns {

    /** Independent pattern streams. */
    public enum Stream {
        /** SPEC 6 step 2: the K patterns the offsets are computed from. */
        CALIBRATION(1),
        /** Held-out patterns measured through host commands (Option 1). */
        VALIDATION(2),
        /** Held-out patterns of the fast path (Option 2). */
        OPTION2(3),
        /** Patterns of the energy estimate and the condition sweeps' fast-path part. */
        ENERGY(4),
        /** The extra patterns of a bench run that the digital twin is fitted to (mramcim measure). */
        TWIN(5),
        /** The patterns the VGG-8 emulation measures its per-column error distributions from. */
        EMULATION(6);

        private final int key;

        Stream(int key) {
            this.key = key;
        }

        /** This stream's part of the pattern key; never reused, never changed (StableIdsTest). */
        public int key() {
            return key;
        }
    }

    private final int rows;
    private final int cols;
    private final long seed;

    private Patterns(int rows, int cols, long seed) {
        this.rows = rows;
        this.cols = cols;
        this.seed = seed;
    }

    /** The patterns of {@code seed} for the size of {@code config}. */
    public static Patterns of(MacroConfig config, long seed) {
        return new Patterns(config.rows(), config.cols(), seed);
    }

    public long seed() {
        return seed;
    }

    private SplittableRandom random(Stream s, long set, long input) {
        // SplittableRandom mixes its seed (SplitMix64), so nearby keys give independent sequences.
        long key = seed * 0x9E3779B97F4A7C15L + s.key() * 0xBF58476D1CE4E5B9L + set * 0x94D049BB133111EBL + input;
        return new SplittableRandom(key);
    }

    /** The weight matrix {@code w[row][col]} of pattern set {@code set}. */
    public int[][] weights(Stream s, long set) {
        SplittableRandom r = random(s, set, -1);
        int[][] w = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w[i][j] = r.nextBoolean() ? 1 : -1;
            }
        }
        return w;
    }

    /** Input vector number {@code input} applied to pattern set {@code set}. */
    public int[] input(Stream s, long set, int input) {
        SplittableRandom r = random(s, set, input);
        int[] in = new int[rows];
        for (int i = 0; i < rows; i++) {
            in[i] = r.nextBoolean() ? 1 : -1;
        }
        return in;
    }

    /**
     * Weight set {@code set} with each weight +1 with probability {@code plus}: together with
     * {@link #spreadInput} the patterns that span the whole dot-product range (uniform weights
     * and inputs give DP near 0 only: binomially, within a few sqrt(ROWS)).
     */
    public int[][] weights(Stream s, long set, double plus) {
        if (!(plus >= 0 && plus <= 1)) {
            throw new IllegalArgumentException("weight density = " + plus + " is out of range: allowed 0..1");
        }
        SplittableRandom r = random(s, set, -1);
        int[][] w = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w[i][j] = r.nextDouble() < plus ? 1 : -1;
            }
        }
        return w;
    }

    /**
     * Input vector {@code input} of set {@code set} whose density of +1 is itself drawn uniformly
     * from [0, 1], so that over many inputs the number of +1 inputs spans 0..ROWS.
     */
    public int[] spreadInput(Stream s, long set, int input) {
        SplittableRandom r = random(s, set, input);
        double plus = r.nextDouble();
        int[] in = new int[rows];
        for (int i = 0; i < rows; i++) {
            in[i] = r.nextDouble() < plus ? 1 : -1;
        }
        return in;
    }

    /** The exact dot product of column {@code col}: {@code sum_i IN_i * W_ij}. */
    public static int exact(int[] in, int[][] w, int col) {
        int dp = 0;
        for (int i = 0; i < in.length; i++) {
            dp += in[i] * w[i][col];
        }
        return dp;
    }
}
