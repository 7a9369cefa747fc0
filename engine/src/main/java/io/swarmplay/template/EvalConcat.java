package io.swarmplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.source.UnsafeText;
import io.swarmplay.template.filters.PyTuple;
import io.swarmplay.template.filters.Undefined;
import io.swarmplay.template.filters.Values;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a rendered template string, as ansible-playbook 2.14 gives it (jinja2_native off:
 * its {@code Templar.template} and {@code ansible_eval_concat}):
 * <ul>
 *   <li>exactly {@code {{ name }}} of a variable holding a number, boolean or None is that value;</li>
 *   <li>any other result is text, turned back into a value when the text starts with {@code [} or
 *       {@code {}, or is {@code True}/{@code False}, and reads as a Python literal ({@link PythonLiteral}):
 *       {@code "{{ '[1]' }}"} and {@code "[{{ 1 }}]"} are lists, {@code "{{ 1 }}"} is the text '1',
 *       {@code "{{ none }}"} is '';</li>
 *   <li>a string made by a filter meant to give text ({@link #TEXT_FILTERS}) and left as the whole
 *       result stays text ({@code "{{ x | to_json }}"}).</li>
 * </ul>
 */
final class EvalConcat {

    /** Ansible's STRING_TYPE_FILTERS. */
    static final Set<String> TEXT_FILTERS = Set.of("string", "to_json", "to_nice_json", "to_yaml", "to_nice_yaml", "ppretty", "json");
    /** Ansible's SINGLE_VAR ({@code ^{{\s*(\w*)\s*}}$}; Python's $ allows one final line break). */
    private static final Pattern SINGLE_VAR = Pattern.compile("\\{\\{\\s*(\\w*)\\s*}}\\n?");

    private EvalConcat() {
    }

    /** The variable named by a template that is exactly {@code {{ name }}}, if its value is taken as it is; else null. */
    static String bareVariable(String text, Map<String, Object> vars) {
        Matcher m = SINGLE_VAR.matcher(text);
        if (!m.matches() || !vars.containsKey(m.group(1))) return null;
        Object raw = Unsafe.strip(vars.get(m.group(1)));
        return raw == null || raw instanceof Number || raw instanceof Boolean ? m.group(1) : null;
    }

    /**
     * Whether Jinja reads the template as one node: one {@code {{ }}} and nothing around it but a
     * final line break (Jinja drops it, Ansible puts it back on a text result).
     */
    static boolean isOneNode(String text) {
        return text.startsWith("{{") && (text.endsWith("}}") || text.endsWith("}}\n"));
    }

    /** The result of a template that is one {@code {{ expr }}} with this value; {@code text}: made by a text filter. */
    static Object ofValue(Object value, boolean text) {
        if (value == null) return ""; // Ansible's finalize
        if (value instanceof Boolean || value instanceof Unknown || value instanceof Omit) return value;
        if (value instanceof Number) return Values.str(value);
        if (value instanceof PyTuple t) return Values.str(t);
        if (value instanceof Map || value instanceof Collection) {
            return literal(value) ? Values.toPlain(value) : ofText(Values.str(value));
        }
        Object plain = Values.toPlain(value);
        return plain instanceof String s && !text ? ofText(s) : plain;
    }

    /** The result of a template rendered to text. */
    static Object ofText(String out) {
        boolean looksLiteral = out.startsWith("[") || out.startsWith("{") || out.equals("True") || out.equals("False");
        return looksLiteral ? PythonLiteral.valueOrText(out) : out;
    }

    // whether Python's repr of the value reads back as the same value (the round trip Ansible makes)
    private static boolean literal(Object v) {
        if (v instanceof Double d) return Double.isFinite(d);
        if (v instanceof Float f) return Float.isFinite(f);
        if (v instanceof Map<?, ?> m) return m.keySet().stream().allMatch(EvalConcat::literal) && m.values().stream().allMatch(EvalConcat::literal);
        if (v instanceof Collection<?> c) return c.stream().allMatch(EvalConcat::literal);
        return v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                || v instanceof Unknown || v instanceof Omit || v instanceof Unsafe || v instanceof UnsafeText || v instanceof Undefined
                || v instanceof AsWritten;
    }

    /** The filter, telling the render whether its result is text made to stay text ({@link #TEXT_FILTERS}). */
    static Filter tracking(Filter filter) {
        boolean text = TEXT_FILTERS.contains(filter.getName());
        return new Filter() {
            @Override
            public String getName() {
                return filter.getName();
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter in, Object[] args, Map<String, Object> kwargs) {
                Object out = filter.filter(var, in, args, kwargs);
                RenderState state = RenderState.current();
                if (state != null) state.madeText(out, text);
                return out;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter in, String... args) {
                return filter(var, in, args, Map.of());
            }
        };
    }
}
