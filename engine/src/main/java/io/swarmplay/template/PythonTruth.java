package io.swarmplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import io.swarmplay.template.filters.Values;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

import java.util.Properties;

/**
 * Python's truth in Jinjava, as Jinja2 has it: every non-empty string is true. Jinjava makes the
 * string {@code "false"} false in {@code not}, {@code and}, {@code or}, {@code x if c else y} and
 * {@code {% if %}}, so {@code when: x} and {@code when: not x} would disagree with Ansible for
 * {@code x: "false"}.
 */
final class PythonTruth extends TruthyTypeConverter {

    private static final long serialVersionUID = 1L;

    /** Jinja2's truth of a value. */
    static boolean of(Object value) {
        if (value instanceof HasObjectTruthValue h) return h.getObjectTruthValue();
        if (value instanceof SafeString s) return !s.toString().isEmpty();
        if (value != null && value.getClass().isArray()) return java.lang.reflect.Array.getLength(value) > 0;
        return Values.truthy(value);
    }

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return of(value);
    }

    /** Python's str() of a boolean and of None, where Jinjava would write {@code true} and {@code ''} ({@code true ~ 'x'}). */
    @Override
    protected String coerceToString(Object value) {
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value == null) return "None";
        return super.coerceToString(value);
    }

    /** Jinjava whose expressions and {@code if} tags use {@link PythonTruth}. */
    static Jinjava jinjava(JinjavaConfig config) {
        Properties properties = new Properties();
        properties.setProperty(TreeBuilder.class.getName(), PythonParser.SyntaxBuilder.class.getName());
        ExpressionFactory factory = new ExpressionFactoryImpl(properties, new PythonTruth());
        Jinjava jinjava = new Jinjava(config) {
            @Override
            public ExpressionFactory getExpressionFactory() {
                return factory;
            }
        };
        jinjava.getGlobalContext().registerTag(new PythonIfTag());
        return jinjava;
    }

    /** {@code {% if %}} and its {@code {% elif %}} branches with Python's truth. */
    private static final class PythonIfTag extends IfTag {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
            return of(interpreter.resolveELExpression(tagNode.getHelpers(), tagNode.getLineNumber(),
                    tagNode.getStartPosition()));
        }
    }
}
