package io.swarmplay.report;

/**
 * Receives {@link RunEvent}s. Events arrive from one thread at a time in the documented order,
 * except {@link RunEvent.StepProgress}, which may come from the thread of a running step.
 */
@FunctionalInterface
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = event -> { };

    void report(RunEvent event);

    /**
     * Whether this listener shows the data of results that did not fail (Ansible's {@code -v}; debug
     * and assert are shown always): steps may leave out result values that cost work when nobody
     * shows, registers or tests them (e.g. the SHA-1 {@code checksum} of a file that already matches).
     */
    default boolean showsResults() {
        return true;
    }

    /** A listener that forwards to several; it shows results when one of them does. */
    static RunListener all(RunListener... listeners) {
        return new RunListener() {
            @Override
            public void report(RunEvent event) {
                for (RunListener listener : listeners) listener.report(event);
            }

            @Override
            public boolean showsResults() {
                for (RunListener listener : listeners) if (listener.showsResults()) return true;
                return false;
            }
        };
    }
}
