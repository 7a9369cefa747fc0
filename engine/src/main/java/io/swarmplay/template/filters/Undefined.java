package io.swarmplay.template.filters;

/**
 * The value of a variable or key that does not exist, as Jinja's {@code Undefined}. The templar
 * reports it as an error unless a filter or test that expects it ({@code default}, {@code
 * defined}) handles it. It renders as an empty string.
 */
public final class Undefined {

    private final String name;
    private final String summary;
    private final String hint;
    private final String template;
    private final int line;

    /**
     * @param name     what the user wrote, e.g. {@code workdir} or {@code result.stdout}
     * @param summary  the error clause, e.g. {@code 'workdir' is undefined}
     * @param hint     what to do, or null
     * @param template the template being rendered when it was looked up
     * @param line     the line inside that template (1-based)
     */
    public Undefined(String name, String summary, String hint, String template, int line) {
        this.name = name;
        this.summary = summary;
        this.hint = hint;
        this.template = template;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public String hint() {
        return hint;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return "";
    }
}
