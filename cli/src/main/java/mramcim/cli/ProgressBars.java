package mramcim.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import mramcim.results.Progress;

/**
 * {@link Progress} as one console progress bar per phase (or a line per phase when {@link
 * ProgressOptions#bars} says no bars).
 */
final class ProgressBars implements Progress {

    private final boolean show;
    private final String command;
    private ProgressBar bar;

    ProgressBars(String command, boolean show) {
        this.command = command;
        this.show = show;
    }

    @Override
    public synchronized void phase(String name, long total) {
        close();
        if (show) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .build();
        } else {
            System.err.println(command + ": " + name + " ...");
        }
    }

    @Override
    public synchronized void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    @Override
    public synchronized void done() {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
