package io.swarmplay.playbook;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A boolean keyword ({@code ignore_errors}, {@code no_log}, {@code run_once}, {@code check_mode},
 * {@code diff}, {@code become}): unset, a literal (checked at load), or a template rendered per host
 * at run time, as Ansible does. A template that renders to {@code omit} leaves the keyword at
 * {@code fallback}, what it would be without it (the inherited value, or unset).
 *
 * @param value    the literal, or null when unset or templated
 * @param template the template as written, or null
 * @param fallback for a template: the value it falls back to on omit; else null
 */
public record Flag(Boolean value, String template, Flag fallback) {

    public static final Flag UNSET = new Flag(null, null, null);

    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t", "1.0");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f", "0.0");

    public static Flag of(Boolean literal) {
        return literal == null ? UNSET : new Flag(literal, null, null);
    }

    public static Flag templated(String template) {
        return new Flag(null, template, UNSET);
    }

    public boolean isSet() {
        return value != null || template != null;
    }

    public boolean isTemplated() {
        return template != null || (fallback != null && fallback.isTemplated());
    }

    /** This keyword where set, else {@code inherited}; a template falls back to {@code inherited} on omit. */
    public Flag or(Flag inherited) {
        if (!isSet()) return inherited;
        return template == null ? this : new Flag(null, template, fallback.or(inherited));
    }

    /**
     * The literal this flag is for one host: {@code render} gives a template's value, null for omit.
     *
     * @throws IllegalArgumentException (with the value) when the rendered value is not a boolean
     */
    public Flag resolve(Function<String, Object> render) {
        if (template == null) return this;
        Object rendered = render.apply(template);
        if (rendered == null) return fallback.resolve(render);
        Boolean b = ansibleBoolean(rendered);
        if (b == null) throw new IllegalArgumentException(String.valueOf(rendered));
        return of(b);
    }

    /**
     * A literal that is not a boolean: Ansible reads it as written and fails the task when it runs
     * (its post_validate), where {@code ignore_errors} and {@code register} still apply. Rendering
     * the text gives it back unchanged, so {@link #resolve} fails as for a template.
     */
    public static Flag invalidLiteral(String text) {
        return templated(text);
    }

    /** Ansible's message for a boolean keyword whose value ({@code written}, {@code rendered}) is not one. */
    public static String notABoolean(String keyword, Object written, Object rendered) {
        String why = "The value '" + rendered + "' is not a valid boolean.  Valid booleans include: "
                + "0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'";
        return "the field '" + keyword + "' has an invalid value (" + written + "), and could not be converted to an bool."
                + "The error was: " + why + ". " + why;
    }

    /** The resolved value, null when unset. */
    public Boolean get() {
        if (isTemplated()) throw new IllegalStateException("flag not resolved: " + template);
        return value;
    }

    /** True only for a resolved true. */
    public boolean isTrue() {
        return Boolean.TRUE.equals(get());
    }

    /** Ansible's boolean conversion of a rendered value (strict: null when it is not one). */
    public static Boolean ansibleBoolean(Object v) {
        if (v instanceof Boolean b) return b;
        String s = v instanceof Number n ? String.valueOf(n.doubleValue()) : String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) return true;
        if (FALSE.contains(s)) return false;
        return null;
    }
}
