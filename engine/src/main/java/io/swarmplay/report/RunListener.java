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

    /** A listener that forwards to several. */
    static RunListener all(RunListener... listeners) {
        return event -> {
            for (RunListener listener : listeners) listener.report(event);
        };
    }
}
