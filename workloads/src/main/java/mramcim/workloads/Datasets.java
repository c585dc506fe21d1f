package mramcim.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Where the workloads' data sets live and how they are checked: {@code scripts/setup} fetches them
 * into the cache directory; {@code datasets.properties} records each file's SHA-256, which setup
 * and the loaders both verify.
 */
public final class Datasets {

    private Datasets() {}

    /**
     * The cache directory: {@code MRAMCIM_CACHE}, else {@code $XDG_CACHE_HOME/mramcim}, else {@code
     * ~/.cache/mramcim}.
     */
    public static Path cacheDir() {
        String env = System.getenv("MRAMCIM_CACHE");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("mramcim");
    }

    /** The contents of {@code datasets.properties}. */
    public static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = Datasets.class.getResourceAsStream("/mramcim/datasets.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
