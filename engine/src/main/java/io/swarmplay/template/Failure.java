package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.filters.Undefined;

/**
 * Why a render failed, kept until the render ends (an Unknown touched later still wins).
 *
 * @param summary  the clause, e.g. {@code 'workdir' is undefined}
 * @param hint     what to do, or null
 * @param template the template the user wrote (quoted in the message; never a variable's value)
 * @param line     the line inside it, 1-based, or 0 if not known
 * @param undefined whether an undefined variable or attribute caused it (Ansible's {@code AnsibleUndefinedVariable})
 * @param typeError whether the summary is a Python {@code TypeError}'s message (worded with the template, see {@link #typeErrorText})
 */
record Failure(String summary, String hint, String template, int line, boolean undefined, boolean typeError) {

    Failure(String summary, String hint, String template, int line) {
        this(summary, hint, template, line, false, false);
    }

    Failure(String summary, String hint, String template, int line, boolean undefined) {
        this(summary, hint, template, line, undefined, false);
    }

    /**
     * Ansible's templar on a {@code TypeError} while rendering {@code template}: an {@code AnsibleError}
     * with the error as {@code orig_exc}, so its text says the cause twice.
     */
    static String typeErrorText(String template, String cause) {
        return "Unexpected templating type error occurred on (" + template + "): " + cause + ". " + cause;
    }

    private static final int MAX_EXCERPT = 120;

    static Failure of(Undefined u) {
        return new Failure(u.summary(), u.hint(), u.template(), u.line(), true);
    }

    /**
     * {@code <summary> in "<template>"}; for a multi-line template the line that failed is quoted
     * and named. With {@code shiftLines} (a template file) the position moves to that line.
     */
    TemplateException toException(SourcePosition at, boolean shiftLines) {
        boolean multiline = template.indexOf('\n') >= 0;
        String excerpt = multiline ? lineOf(template, line) : template;
        if (excerpt.length() > MAX_EXCERPT) excerpt = excerpt.substring(0, MAX_EXCERPT) + "...";
        String where = multiline && line > 0 ? " (line " + line + " of the template)" : "";
        SourcePosition position = at == null ? SourcePosition.UNKNOWN : at;
        if (shiftLines && position.isKnown() && line > 1) {
            position = new SourcePosition(position.file(), position.line() + line - 1, 1);
        }
        if (typeError) return TemplateException.typeError(summary + " in \"" + excerpt + "\"" + where, summary, template, position);
        return new TemplateException(summary + " in \"" + excerpt + "\"" + where, summary, position, hint, undefined);
    }

    private static String lineOf(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : text.strip();
    }
}
