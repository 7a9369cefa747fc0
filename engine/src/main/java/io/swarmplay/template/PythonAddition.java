package io.swarmplay.template;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.swarmplay.template.filters.FilterException;
import io.swarmplay.template.filters.PyTuple;
import io.swarmplay.template.filters.RenderScope;
import io.swarmplay.template.filters.TypeFilters;
import io.swarmplay.template.filters.Undefined;
import jinjava.de.odysseus.el.misc.TypeConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code +}: numbers (booleans count as 0 and 1) add, strings, lists and tuples concatenate
 * with their own kind; anything else is Python's {@code TypeError}, which Ansible reports as
 * {@code Unexpected templating type error} (Jinjava would merge two dicts, or write {@code 1 + 'a'} as {@code '1a'}).
 * An undefined or unknown operand is left to Jinjava's operator, as before.
 */
final class PythonAddition extends AdditionOperator {

    static final PythonAddition OP = new PythonAddition();

    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
        if (undecided(a) || undecided(b)) return super.apply(converter, a, b);
        if (isNumber(a) && isNumber(b)) return super.apply(converter, number(a), number(b));
        if (a instanceof CharSequence && b instanceof CharSequence) return super.apply(converter, a, b);
        if (a instanceof PyTuple x && b instanceof PyTuple y) return new PyTuple(joined(x, y));
        if (a instanceof List<?> x && b instanceof List<?> y && !(a instanceof PyTuple) && !(b instanceof PyTuple)) return joined(x, y);
        throw RenderScope.of(JinjavaInterpreter.getCurrent()).fail(FilterException.typeError(message(a, b)));
    }

    /** Python's words for {@code a + b} of types it does not add. */
    static String message(Object a, Object b) {
        String left = TypeFilters.pythonType(a);
        String right = TypeFilters.pythonType(b);
        if (a instanceof CharSequence || a instanceof List<?>) {
            return "can only concatenate " + left + " (not \"" + right + "\") to " + left;
        }
        return "unsupported operand type(s) for +: '" + left + "' and '" + right + "'";
    }

    private static boolean undecided(Object v) {
        return v instanceof Undefined || v instanceof Unknown || v instanceof Omit;
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    private static Object number(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : v;
    }

    private static List<Object> joined(List<?> x, List<?> y) {
        List<Object> out = new ArrayList<>(x.size() + y.size());
        out.addAll(x);
        out.addAll(y);
        return out;
    }
}
