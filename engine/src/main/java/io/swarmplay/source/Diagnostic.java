package io.swarmplay.source;

/**
 * One problem found while loading, reported against a position.
 *
 * @param severity error or warning
 * @param summary  a lower-case clause saying what is wrong ("unknown module 'copyy'")
 * @param hint     what to do about it, or {@code null} ("did you mean 'copy'?")
 * @param position where; {@link SourcePosition#UNKNOWN} when there is no file
 * @param width    how many characters the caret line underlines (at least 1)
 * @param general  Ansible raises this one as a general AnsibleError (a role not found), not as a
 *                 parser error: ansible-playbook then exits 1, not 4
 */
public record Diagnostic(Severity severity, String summary, String hint, SourcePosition position, int width,
                         boolean general) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String summary, SourcePosition at) {
        return new Diagnostic(Severity.ERROR, summary, null, at, 1, false);
    }

    public static Diagnostic warning(String summary, SourcePosition at) {
        return new Diagnostic(Severity.WARNING, summary, null, at, 1, false);
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, summary, newHint, position, width, general);
    }

    public Diagnostic withWidth(int newWidth) {
        return new Diagnostic(severity, summary, hint, position, Math.max(1, newWidth), general);
    }

    /** This diagnostic as one Ansible raises as a general error (exit 1). */
    public Diagnostic asGeneral() {
        return new Diagnostic(severity, summary, hint, position, width, true);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
