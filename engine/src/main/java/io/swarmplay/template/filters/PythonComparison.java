package io.swarmplay.template.filters;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python's {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}: values of different
 * types are simply unequal ({@code '1' == 1} is false, {@code none == 0} is false), numbers and
 * booleans compare by value, lists and dicts item by item; ordering values of incompatible types
 * ({@code 3 < 'a'}) fails with Python's message.
 */
public final class PythonComparison {

    private PythonComparison() {
    }

    /** Python's {@code a == b}. */
    public static boolean equal(Object a, Object b) {
        a = Values.unwrap(a);
        b = Values.unwrap(b);
        if (a == null || b == null) return a == b;
        if (isNumber(a) && isNumber(b)) return numberCompare(a, b) == 0;
        if (a instanceof CharSequence x && b instanceof CharSequence y) return x.toString().equals(y.toString());
        if (a instanceof List<?> x && b instanceof List<?> y) return (a instanceof PyTuple) == (b instanceof PyTuple) && listsEqual(x, y);
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) return mapsEqual(x, y);
        if (isNumber(a) || isNumber(b) || a instanceof CharSequence || b instanceof CharSequence
                || a instanceof List || b instanceof List || a instanceof Map || b instanceof Map) return false;
        return Objects.equals(a, b);
    }

    /** Python's ordering {@code a OP b} for {@code op} one of {@code < <= > >=}. */
    public static boolean order(String op, Object a, Object b) {
        int cmp = compare(op, Values.unwrap(a), Values.unwrap(b));
        return switch (op) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(String op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) return numberCompare(a, b);
        if (a instanceof CharSequence x && b instanceof CharSequence y) return x.toString().compareTo(y.toString());
        if (a instanceof List<?> x && b instanceof List<?> y && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            return listCompare(op, x, y);
        }
        if (a instanceof Comparable c && b != null && a.getClass() == b.getClass() && !(a instanceof Map)) return c.compareTo(b);
        throw new FilterException("'" + op + "' not supported between instances of '" + TypeFilters.pythonType(a)
                + "' and '" + TypeFilters.pythonType(b) + "'");
    }

    private static int listCompare(String op, List<?> x, List<?> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object l = Values.unwrap(x.get(i));
            Object r = Values.unwrap(y.get(i));
            if (!equal(l, r)) return compare(op, l, r);
        }
        return Integer.compare(x.size(), y.size());
    }

    private static boolean listsEqual(List<?> x, List<?> y) {
        if (x.size() != y.size()) return false;
        Iterator<?> i = x.iterator();
        Iterator<?> j = y.iterator();
        while (i.hasNext()) {
            if (!equal(i.next(), j.next())) return false;
        }
        return true;
    }

    private static boolean mapsEqual(Map<?, ?> x, Map<?, ?> y) {
        if (x.size() != y.size()) return false;
        for (Map.Entry<?, ?> e : x.entrySet()) {
            if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) return false;
        }
        return true;
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    private static int numberCompare(Object a, Object b) {
        Number x = a instanceof Boolean t ? (t ? 1 : 0) : (Number) a;
        Number y = b instanceof Boolean t ? (t ? 1 : 0) : (Number) b;
        if (isIntegral(x) && isIntegral(y)) return Long.compare(x.longValue(), y.longValue());
        return Double.compare(x.doubleValue(), y.doubleValue());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }
}
