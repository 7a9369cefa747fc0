package io.swarmplay.source;

/** STUB until the loader branch lands. */
public final class DiagnosticRenderer {
    public static String render(Diagnostic d) { return d.severity().name().toLowerCase() + ": " + d.summary() + "\n  --> " + d.position(); }
}
