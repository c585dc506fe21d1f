package mramcim.workloads.wine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import mramcim.workloads.Datasets;

/**
 * The Wine data set of seed 004 (178 samples, 13 chemical features, 3 cultivars) from the file
 * scikit-learn ships, {@code wine_data.csv} of Debian's {@code python3-sklearn}: {@code
 * scripts/setup} extracts it into the data cache; this loader checks its SHA-256 against {@code
 * datasets.properties}.
 *
 * <p>Every feature is scaled to [0, 1] by its minimum and maximum over the 178 samples ("the 13
 * wine attributes (inputs), normalized to be between 0 and 1", seed 004 II.A). Split: 148 training
 * and 30 test samples as in the paper, 10 test samples per cultivar drawn with a fixed seed (the
 * paper does not say how it split).
 */
public final class WineData {

    public static final int FEATURES = 13;
    public static final int CLASSES = 3;
    public static final int SAMPLES = 178;

    /** Test samples per cultivar: 3 x 10 = the paper's 30. */
    public static final int TEST_PER_CLASS = 10;

    /** Seed of the split. */
    public static final long SPLIT_SEED = 2022;

    /** One sample: its cultivar 0..2 and its 13 features in [0, 1]. */
    public record Sample(int label, double[] features) {}

    /** The split. */
    public record Split(List<Sample> train, List<Sample> test) {}

    private WineData() {}

    /** The csv file in the data cache. */
    public static Path file() {
        return Datasets.cacheDir().resolve(Datasets.properties().getProperty("wine.file"));
    }

    /** Loads, normalises and splits the cached file. */
    public static Split load() {
        return load(file());
    }

    /**
     * Loads, normalises and splits {@code csv}.
     *
     * @throws IllegalStateException if the file is missing or corrupt, with the command that fixes
     *     it
     */
    public static Split load(Path csv) {
        Properties p = Datasets.properties();
        String fix = "run scripts/setup (it extracts "
                + p.getProperty("wine.member")
                + " from Debian's "
                + p.getProperty("wine.package")
                + " into "
                + csv.getParent()
                + ")";
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException("Wine data " + csv + " is missing: " + fix);
        }
        String sha = Datasets.sha256(csv);
        if (!sha.equals(p.getProperty("wine.sha256"))) {
            throw new IllegalStateException("Wine data "
                    + csv
                    + " is corrupt (SHA-256 "
                    + sha
                    + ", expected "
                    + p.getProperty("wine.sha256")
                    + "): delete it and "
                    + fix);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Header "178,13,class_0,class_1,class_2", then 13 features and the class per line.
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double[] v = new double[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                v[k] = Double.parseDouble(f[k]);
            }
            x.add(v);
            y.add(Integer.parseInt(f[FEATURES].trim()));
        }
        if (x.size() != SAMPLES) {
            throw new IllegalStateException("Wine data "
                    + csv
                    + " has "
                    + x.size()
                    + " samples, expected "
                    + SAMPLES
                    + ": delete it and "
                    + fix);
        }
        for (int k = 0; k < FEATURES; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] v : x) {
                lo = Math.min(lo, v[k]);
                hi = Math.max(hi, v[k]);
            }
            for (double[] v : x) {
                v[k] = (v[k] - lo) / (hi - lo);
            }
        }
        List<Sample> train = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        Random r = new Random(SPLIT_SEED);
        for (int c = 0; c < CLASSES; c++) {
            List<Integer> idx = new ArrayList<>();
            for (int s = 0; s < x.size(); s++) {
                if (y.get(s) == c) {
                    idx.add(s);
                }
            }
            java.util.Collections.shuffle(idx, r);
            for (int k = 0; k < idx.size(); k++) {
                (k < TEST_PER_CLASS ? test : train).add(new Sample(c, x.get(idx.get(k))));
            }
        }
        return new Split(List.copyOf(train), List.copyOf(test));
    }
}
