package mramcim.cli;

import picocli.CommandLine.Option;

/**
 * {@code --progress} and {@code --no-progress}, shared by every command with a long run. By default
 * a progress bar is drawn only when the process talks to a terminal ({@code System.console()}: a CI
 * log or a redirected stderr gets one line per phase instead of a bar redrawn with carriage
 * returns); {@code --progress} forces the bar, {@code --no-progress} forbids it.
 */
final class ProgressOptions {

    @Option(names = "--progress", description = "draw progress bars even when not on a terminal")
    boolean progress;

    @Option(names = "--no-progress", description = "never draw progress bars (one line per phase)")
    boolean noProgress;

    /** Whether to draw bars. */
    boolean bars() {
        return !noProgress && (progress || System.console() != null);
    }
}
