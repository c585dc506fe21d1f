package mramcim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options of the workloads that train a network: {@code --train} and {@code --network}, and
 * the checks before a run (a network file that is not one is never overwritten by training).
 */
public final class NetworkOptions {

    @Option(names = "--train", description = "train even if the network file exists")
    boolean train;

    @Option(names = "--network", description = "trained network file (default: OUT/network.json)")
    Path network;

    /** The network file: {@code --network}, or network.json in the output directory. */
    Path file(Path out) {
        return network != null ? network : out.resolve("network.json");
    }

    /**
     * True if the run trains (asked to, or no network file yet). Refuses a path that is not a
     * regular file, and training over a file that {@code load} refuses.
     */
    boolean training(Path file, Consumer<Path> load) {
        boolean training = train || !Files.isRegularFile(file);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--network = " + file + " is not a regular file: give a network file");
        }
        if (training && Files.isRegularFile(file)) {
            try {
                load.accept(file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--network = " + file + " exists and is not a network mramcim wrote (" + e.getMessage()
                                + "): training would overwrite it; give another file or remove it");
            }
        }
        return training;
    }
}
