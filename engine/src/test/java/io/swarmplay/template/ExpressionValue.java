package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;

import java.util.Map;

/**
 * For tests of filters and tests: the value of the expression inside a template that is exactly
 * {@code {{ expr }}}, with its type, as a condition or {@code that:} sees it. Rendering the same
 * template gives Ansible's template result instead, where a number is text ({@link EvalConcat}).
 */
public final class ExpressionValue {

    private ExpressionValue() {
    }

    public static Object of(Templar templar, String template, Map<String, Object> vars, SourcePosition at) {
        String inner = template.startsWith("{{") && template.endsWith("}}") ? template.substring(2, template.length() - 2) : null;
        boolean one = inner != null && !inner.contains("{{") && !inner.contains("}}");
        return one ? templar.evaluate(inner, vars, at) : templar.render(template, vars, at);
    }
}
