package io.swarmplay.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Problems collected while loading every file of a run. Nothing runs while it holds an error:
 * callers add everything they find, then call {@link #throwIfErrors()} once. Safe to share between
 * threads (the runner may load {@code include_tasks} files from several hosts at once).
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();
    private final Map<Path, SourceFile> sources = new ConcurrentHashMap<>();

    /** Adds a diagnostic; one equal to a diagnostic already held is kept once (a file imported twice). */
    public synchronized void add(Diagnostic diagnostic) {
        if (!items.contains(diagnostic)) items.add(diagnostic);
    }

    /** Remembers a loaded file so {@link DiagnosticRenderer} can quote it without reading it again. */
    public void addSource(SourceFile source) {
        sources.put(source.path(), source);
    }

    /** A file registered with {@link #addSource}. */
    public Optional<SourceFile> source(Path path) {
        return Optional.ofNullable(sources.get(path));
    }

    public synchronized List<Diagnostic> errors() {
        return items.stream().filter(Diagnostic::isError).toList();
    }

    public synchronized void addAll(List<Diagnostic> more) {
        for (Diagnostic d : more) add(d);
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public synchronized List<Diagnostic> warnings() {
        return items.stream().filter(d -> !d.isError()).toList();
    }

    /** @throws LoadException with every diagnostic (errors and warnings) when any is an error */
    public synchronized void throwIfErrors() {
        if (hasErrors()) throw new LoadException(items);
    }
}
