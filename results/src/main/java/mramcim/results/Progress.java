package mramcim.results;

/**
 * Progress of a long run in phases, for a progress bar or a log. Implementations must be
 * thread-safe in {@link #step}.
 */
public interface Progress {

    /** Progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void step(long n) {}
    };

    /** A new phase of {@code total} steps begins (the previous one is over). */
    void phase(String name, long total);

    /** {@code n} more steps of the current phase are done. */
    void step(long n);

    /** The run is over. */
    default void done() {}
}
