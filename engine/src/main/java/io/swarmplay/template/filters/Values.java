package io.swarmplay.template.filters;

import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python-like views of Jinjava values: plain conversion, truthiness, str/repr, type names. */
public final class Values {

    private Values() {
    }

    /**
     * The value as plain Java: LinkedHashMap, ArrayList, String, Integer/Long, Double, Boolean,
     * null (Jinjava's own collections and numbers converted; lazy views materialised).
     */
    public static Object toPlain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer
                || v instanceof Long || v instanceof Double) return v;
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(toPlain(e.getKey()), toPlain(e.getValue()));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(toPlain(o));
            return out;
        }
        if (v instanceof Object[] a) return toPlain(List.of(a));
        if (v instanceof Map.Entry<?, ?> e) return toPlain(List.of(e.getKey(), e.getValue()));
        return plainScalar(v);
    }

    private static Object plainScalar(Object v) {
        if (v instanceof Short || v instanceof Byte) return ((Number) v).intValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof BigDecimal d) return d.doubleValue();
        if (v instanceof BigInteger i) return i.bitLength() < 64 ? (Object) i.longValue() : i.doubleValue();
        if (v instanceof CharSequence || v instanceof Character) return v.toString();
        if (v instanceof Undefined) return null;
        if (v.getClass().getName().startsWith("com.hubspot.")) return v.toString();
        return v;
    }

    /** Jinja truthiness: None, false, 0, and empty strings and collections are false. */
    public static boolean truthy(Object v) {
        if (v == null || v instanceof Undefined) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof CharSequence s) return s.length() > 0;
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** Python's {@code str()}: strings as they are, everything else as {@link #repr}. */
    public static String str(Object v) {
        if (v instanceof CharSequence || v instanceof Character) return v.toString();
        if (v instanceof Undefined) return "";
        return repr(v);
    }

    /** Python's {@code repr()} for plain values: {@code ['a', 1]}, {@code {'k': True}}, {@code None}. */
    public static String repr(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof CharSequence || v instanceof Character) return quote(v.toString());
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) return reprFloat(((Number) v).doubleValue());
        if (v instanceof Map<?, ?> m) return reprMap(m);
        if (v instanceof PyTuple t) return t.repr();
        if (v instanceof Collection<?> c) return reprList(c);
        if (v instanceof Map.Entry<?, ?> e) return "(" + repr(e.getKey()) + ", " + repr(e.getValue()) + ")";
        return String.valueOf(v);
    }

    private static String reprMap(Map<?, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String reprList(Collection<?> c) {
        StringBuilder sb = new StringBuilder("[");
        for (Object o : c) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(repr(o));
        }
        return sb.append(']').toString();
    }

    private static String reprFloat(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) return (long) d + ".0";
        return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
    }

    private static String quote(String s) {
        String q = s.contains("'") && !s.contains("\"") ? "\"" : "'";
        String body = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
        if (q.equals("'")) body = body.replace("'", "\\'");
        return q + body + q;
    }

    /** The Ansible-facing name of a value's type, for messages: string, list, mapping, ... */
    public static String typeName(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Number) return "number";
        if (v instanceof CharSequence) return "string";
        if (v instanceof Map) return "mapping";
        if (v instanceof Collection) return "list";
        if (v instanceof Undefined) return "undefined value";
        return v.getClass().getSimpleName();
    }

    /** Jinjava's wrappers removed: the map or list they stand for. */
    public static Object unwrap(Object v) {
        if (v instanceof PyMap m) return m.toMap();
        if (v instanceof PyList l) return l.toList();
        if (v instanceof SafeString s) return s.toString();
        return v;
    }

    /** The items of a list-like value (a string is not list-like here); anything else is Python's TypeError for iterating it. */
    public static List<Object> list(Object v, String filter) {
        if (v instanceof Map<?, ?> m) return new ArrayList<>(m.keySet());
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        if (v instanceof Object[] a) return new ArrayList<>(List.of(a));
        throw FilterException.typeError("'" + TypeFilters.pythonType(v) + "' object is not iterable"); // Python's iter()
    }

    /** The value as a map; throws for anything else. */
    @SuppressWarnings("unchecked")
    public static Map<Object, Object> map(Object v, String filter) {
        if (v instanceof Map<?, ?> m) return (Map<Object, Object>) m;
        throw new FilterException(filter + " expects a mapping, got a " + typeName(v));
    }

    /** Python's ==: numbers by value (1 == 1.0 == 1L), everything else by equals. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean)) return x.doubleValue() == y.doubleValue();
        return java.util.Objects.equals(unwrap(a), unwrap(b));
    }

    /** Whether {@code items} holds {@code item} by Python's ==. */
    public static boolean contains(Collection<?> items, Object item) {
        for (Object o : items) if (same(o, item)) return true;
        return false;
    }

    /** An integral result as Integer when it fits, else Long. */
    public static Number integral(long n) {
        return n == (int) n ? (Number) (int) n : (Number) n;
    }

    /**
     * {@code item.a.b} / {@code item.0} as Jinja's {@code attribute=} argument reads it, or an
     * Undefined worded as Jinja's for the first part missing ({@code 'dict object' has no attribute 'a'}).
     */
    public static Object attribute(Object item, String path) {
        Object cur = item;
        for (String part : path.split("\\.")) {
            cur = unwrap(cur);
            boolean digits = part.matches("\\d{1,9}");
            if (cur instanceof Map<?, ?> m && m.containsKey(part)) cur = m.get(part);
            else if (digits && cur instanceof Map<?, ?> m && m.containsKey(Integer.parseInt(part))) cur = m.get(Integer.parseInt(part));
            else if (digits && cur instanceof List<?> l && Integer.parseInt(part) < l.size()) cur = l.get(Integer.parseInt(part));
            else {
                Object name = digits ? (Object) Integer.parseInt(part) : part;
                return new Undefined(path, UndefinedMessages.missing(UndefinedMessages.objectType(cur), name), null, "", 0);
            }
        }
        return cur;
    }
}
