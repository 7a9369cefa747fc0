package io.swarmplay.template;

import io.swarmplay.template.filters.Values;

/**
 * The type of a rendered template string with Ansible's {@code jinja2_native} on (its
 * {@code AnsibleNativeEnvironment} and {@code ansible_native_concat}):
 * <ul>
 *   <li>a template that is one {@code {{ expr }}} gives the expression's value as it is (a number,
 *       list, None...); a string value is read back as a Python literal ({@code "{{ '1' }}"} is 1),
 *       unless a text filter ({@link EvalConcat#TEXT_FILTERS}) made it;</li>
 *   <li>any other template is rendered to text (None written as {@code None}) and read back as a
 *       Python literal, with Python's names only ({@code true} stays text);</li>
 *   <li>a literal that is a string keeps its quotes ({@code "'yes'"} stays {@code 'yes'}), as
 *       Ansible puts the first character back around it.</li>
 * </ul>
 */
final class NativeConcat {

    private NativeConcat() {
    }

    /** The result of a template that is one {@code {{ expr }}} with this value; {@code text}: made by a text filter. */
    static Object ofValue(Object value, boolean text) {
        if (value instanceof Unknown || value instanceof Omit) return value;
        Object plain = Values.toPlain(value);
        return plain instanceof String s && !text ? ofText(s) : plain;
    }

    /** The result of a template rendered to text: the Python literal it reads as, else the text. */
    static Object ofText(String out) {
        Object value = PythonLiteral.pythonValueOrText(out);
        if (value == out) return out; // not a literal
        return value instanceof String s ? out.charAt(0) + s + out.charAt(0) : value;
    }
}
