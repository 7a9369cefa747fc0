package io.swarmplay.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems collected while loading every file of a run. Nothing runs while it holds an error:
 * callers add everything they find, then call {@link #throwIfErrors()} once.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(List<Diagnostic> more) {
        items.addAll(more);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public List<Diagnostic> warnings() {
        return items.stream().filter(d -> !d.isError()).toList();
    }

    /** @throws LoadException with every diagnostic (errors and warnings) when any is an error */
    public void throwIfErrors() {
        if (hasErrors()) throw new LoadException(items);
    }
}
