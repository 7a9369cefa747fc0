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
    private final String condition;
    /** For a Python {@code TypeError}: the template the templar rendered, else null. */
    private final String typeErrorIn;

    public TemplateException(String message, SourcePosition position, String hint) {
        this(message, position, hint, false);
    }

    /** @param undefined whether an undefined variable or attribute caused it */
    public TemplateException(String message, SourcePosition position, String hint, boolean undefined) {
        this(message, message, position, hint, undefined);
    }

    /** @param summary the cause alone, without the template quoted (e.g. a lookup's own message) */
    TemplateException(String message, String summary, SourcePosition position, String hint, boolean undefined) {
        this(message, summary, position, hint, undefined, null);
    }

    private TemplateException(String message, String summary, SourcePosition position, String hint, boolean undefined,
                              String condition) {
        this(message, summary, position, hint, undefined, condition, null);
    }

    private TemplateException(String message, String summary, SourcePosition position, String hint, boolean undefined,
                              String condition, String typeErrorIn) {
        super(message);
        this.typeErrorIn = typeErrorIn;
        this.summary = summary;
        this.position = position == null ? SourcePosition.UNKNOWN : position;
        this.hint = hint;
        this.undefined = undefined;
        this.condition = condition;
    }

    /** A Python {@code TypeError} ({@code cause}) raised while rendering {@code template}. */
    static TemplateException typeError(String message, String cause, String template, SourcePosition position) {
        return new TemplateException(message, cause, position, null, false, null, template);
    }

    /** This failure, as one that happened while evaluating the condition {@code expression} ({@code when}, {@code that}). */
    TemplateException inCondition(String expression) {
        if (condition != null) return this;
        TemplateException e = new TemplateException(getMessage(), summary, position, hint, undefined, expression, typeErrorIn);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The condition being evaluated when it failed, as written, or null if it was no condition. */
    public String condition() {
        return condition;
    }

    /** The cause alone, without the template it happened in: what Ansible says for a {@code with_<lookup>} loop. */
    public String summary() {
        if (typeErrorIn == null) return summary;
        // a condition is rendered as Ansible's Conditional presents it to the templar
        String rendered = condition == null ? typeErrorIn : "{% if " + condition + " %} True {% else %} False {% endif %}";
        return Failure.typeErrorText(rendered, summary);
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
