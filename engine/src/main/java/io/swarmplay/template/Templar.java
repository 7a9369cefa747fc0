package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;

import java.util.Map;

/**
 * Renders Ansible-style Jinja in values and evaluates conditions.
 *
 * <p>Contracts shared by every method:
 * <ul>
 *   <li>{@code vars} is the flat variable map of one host at one task; a value that is a string
 *       holding {@code {{}} or {@code {%} is itself rendered when looked up (lazily, recursively,
 *       as Ansible does), with a clear error on a cycle.</li>
 *   <li>An undefined variable or attribute is a {@link TemplateException} naming the variable,
 *       the expression and {@code at}; for a missing key of a map it lists the keys there are.</li>
 *   <li>A value wrapped in {@link Unsafe} (host data) is never rendered, at any depth of it.</li>
 *   <li>If evaluation touches an {@link Unknown} value (a result known only after apply), the
 *       result is that {@code Unknown} instead of a guess or an error.</li>
 * </ul>
 * Implementations are created with {@link #create()}, which loads Jinjava on first use only.
 */
public interface Templar {

    /**
     * Renders a value tree: maps and lists are walked, strings rendered, everything else kept.
     * A string that is exactly one {@code {{ expr }}} keeps the expression's type (list, map,
     * number, boolean, null), as in Ansible; any other string renders to a string.
     * Returns {@link Unknown} if any part is unknown (for a tree: the whole tree).
     */
    Object render(Object value, Map<String, Object> vars, SourcePosition at);

    /**
     * As {@link #render}, but a result computed from host data (an {@link Unsafe} value: a
     * registered result, a fact) comes back wrapped in {@link Unsafe}, so that a variable set
     * from it ({@code set_fact}, a loop variable) is never rendered as a template again.
     */
    Object renderData(Object value, Map<String, Object> vars, SourcePosition at);

    /** Evaluates a bare expression ({@code when:}, {@code that:}, {@code debug: var=}) to its value. */
    Object evaluate(String expression, Map<String, Object> vars, SourcePosition at);

    /** Evaluates a condition with Jinja/Ansible truthiness: TRUE, FALSE, or UNKNOWN. */
    Truth test(String expression, Map<String, Object> vars, SourcePosition at);

    /** Renders a whole template file's text (the {@code template} module) to a string. */
    String renderText(String template, Map<String, Object> vars, SourcePosition at);

    /**
     * Whether rendered strings keep native types (Ansible's {@code jinja2_native}, ANSIBLE_JINJA2_NATIVE):
     * {@code "{{ '1' }}"} is the number 1, {@code "{{ x }}"} of the text {@code yes} stays text for set_fact.
     */
    default boolean nativeTypes() {
        return false;
    }

    /** Whether text holds Jinja delimiters ({@code {{ }}}, {@code {% %}}). */
    static boolean isTemplate(String text) {
        return TemplateScan.hasTemplate(text);
    }

    /** Ansible's warning for a condition written with templating delimiters ({@code when: "{{ x }}"}). */
    static String templatedConditionWarning(String condition) {
        return "conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}."
                + " Found: " + condition;
    }

    /** Three-valued truth for conditions that may depend on unknown values. */
    enum Truth { TRUE, FALSE, UNKNOWN }

    /** The Jinjava-backed templar; Jinjava is loaded by this call, not before. */
    static Templar create() {
        return create(message -> { });
    }

    /** The same, sending Ansible's runtime template warnings (a condition holding {@code {{ }}}) to {@code warnings}. */
    static Templar create(java.util.function.Consumer<String> warnings) {
        return create(warnings, TemplatePlugins.NONE);
    }

    /** The same, with the run's Python filter and test plugins (their load problems go to {@code warnings}). */
    static Templar create(java.util.function.Consumer<String> warnings, TemplatePlugins plugins) {
        return create(warnings, plugins, io.swarmplay.source.Vault.none());
    }

    /** The same, with the run's vault: lookups reading an encrypted file get its plaintext. */
    static Templar create(java.util.function.Consumer<String> warnings, TemplatePlugins plugins, io.swarmplay.source.Vault vault) {
        return create(warnings, plugins, vault, false);
    }

    /** The same, with Ansible's {@code jinja2_native} on or off ({@link #nativeTypes()}). */
    static Templar create(java.util.function.Consumer<String> warnings, TemplatePlugins plugins, io.swarmplay.source.Vault vault,
                          boolean nativeTypes) {
        try {
            return (Templar) Class.forName("io.swarmplay.template.JinjavaTemplar")
                    .getDeclaredConstructor(java.util.function.Consumer.class, TemplatePlugins.class, io.swarmplay.source.Vault.class,
                            boolean.class)
                    .newInstance(warnings, plugins, vault, nativeTypes);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the templar", e);
        }
    }
}
