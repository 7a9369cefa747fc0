package io.swarmplay.source;

/**
 * One problem found while loading, reported against a position.
 *
 * @param severity error or warning
 * @param summary  a lower-case clause saying what is wrong ("unknown module 'copyy'")
 * @param hint     what to do about it, or {@code null} ("did you mean 'copy'?")
 * @param position where; {@link SourcePosition#UNKNOWN} when there is no file
 * @param width    how many characters the caret line underlines (at least 1)
 */
public record Diagnostic(Severity severity, String summary, String hint, SourcePosition position, int width) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String summary, SourcePosition at) {
        return new Diagnostic(Severity.ERROR, summary, null, at, 1);
    }

    public static Diagnostic warning(String summary, SourcePosition at) {
        return new Diagnostic(Severity.WARNING, summary, null, at, 1);
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, summary, newHint, position, width);
    }

    public Diagnostic withWidth(int newWidth) {
        return new Diagnostic(severity, summary, hint, position, Math.max(1, newWidth));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
