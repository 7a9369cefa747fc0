package io.swarmplay.source;

import java.util.List;

/** Thrown when loading found errors; carries every diagnostic so they can be shown together. */
public final class LoadException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public LoadException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "load failed" : diagnostics.get(0).summary());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
