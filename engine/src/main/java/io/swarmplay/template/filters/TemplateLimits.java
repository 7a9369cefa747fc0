package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Bounds of one render (one call of the templar). Far above what a playbook's values and template
 * files need, low enough that a template that loops without end or doubles a string is stopped in
 * seconds, with its template and line, instead of hanging or exhausting memory.
 */
public final class TemplateLimits {

    /** Characters of one string a render makes, and of its whole output. */
    public static final int MAX_STRING = 8 * 1024 * 1024;

    /** Characters of all the strings filters make in one render (each string may be below {@link #MAX_STRING}). */
    public static final long MAX_TOTAL_STRING = 8L * MAX_STRING;

    /** Items of a list or mapping a template makes, and of a {@code range()}. */
    public static final int MAX_ITEMS = 1_000_000;

    /** Loop iterations and expressions evaluated in one render. */
    public static final long MAX_STEPS = 20_000_000;

    /** Wall-clock time of one render. */
    public static final long MAX_SECONDS = 20;

    /** Levels a macro may call itself (each level costs stack in Jinjava). */
    public static final int MAX_MACRO_DEPTH = 50;

    private TemplateLimits() {
    }

    /** Filters whose numeric arguments are widths of the string they make ({@code center(1000000000)}). */
    private static final java.util.Set<String> WIDTH_FILTERS = java.util.Set.of("center", "indent", "wordwrap", "format");

    /** Fails the render before filter {@code name} makes a string wider than {@link #MAX_STRING}. */
    static void checkWidths(String name, Object[] args, JinjavaInterpreter in) {
        if (args == null || !WIDTH_FILTERS.contains(name)) return;
        for (Object a : args) {
            if (a instanceof Number n && Math.abs(n.doubleValue()) > MAX_STRING) {
                throw RenderScope.of(in).fail("'" + name + "' would make a string of " + n + " characters: at most " + MAX_STRING + " are allowed", null);
            }
        }
    }

    /** {@code value} unchanged, or a failure of the render when it is a string over {@link #MAX_STRING}. */
    static Object checked(Object value, JinjavaInterpreter in) {
        if (value instanceof CharSequence s) {
            if (s.length() > MAX_STRING) {
                throw RenderScope.of(in).fail("a string grew past " + MAX_STRING + " characters",
                        "a template that builds text this large is likely a loop that does not end");
            }
            if (s.length() > 1024) RenderScope.of(in).made(s.length());
        }
        return value;
    }
}
