package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;

/**
 * A template or expression could not be rendered. The message says what (e.g.
 * {@code 'workdir' is undefined in "{{ workdir }}/spire"}), and {@link #position()} where.
 */
public final class TemplateException extends RuntimeException {

    private final transient SourcePosition position;
    private final String hint;
    private final boolean undefined;
    private final String summary;

    public TemplateException(String message, SourcePosition position, String hint) {
        this(message, position, hint, false);
    }

    /** @param undefined whether an undefined variable or attribute caused it */
    public TemplateException(String message, SourcePosition position, String hint, boolean undefined) {
        this(message, message, position, hint, undefined);
    }

    /** @param summary the cause alone, without the template quoted (e.g. a lookup's own message) */
    TemplateException(String message, String summary, SourcePosition position, String hint, boolean undefined) {
        super(message);
        this.summary = summary;
        this.position = position == null ? SourcePosition.UNKNOWN : position;
        this.hint = hint;
        this.undefined = undefined;
    }

    /** The cause alone, without the template it happened in: what Ansible says for a {@code with_<lookup>} loop. */
    public String summary() {
        return summary;
    }

    /** Whether an undefined variable or attribute caused it (Ansible's {@code AnsibleUndefinedVariable}). */
    public boolean undefined() {
        return undefined;
    }

    public SourcePosition position() {
        return position;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }
}
