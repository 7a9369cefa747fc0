package io.swarmplay.template;

import io.swarmplay.template.filters.FilterException;
import io.swarmplay.template.filters.Undefined;
import io.swarmplay.template.filters.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template values as the JSON values a Python plugin gets: mappings with string keys, lists,
 * strings, numbers, booleans and null. Anything else is a {@link FilterException} that says
 * what the value was; an undefined one is reported as the templar reports undefined values.
 */
final class PluginValues {

    /** An {@link Unknown} (known only after apply) inside an argument: the call's result is unknown. */
    static final class UnknownInside extends RuntimeException {
        final Unknown unknown;

        UnknownInside(Unknown unknown) {
            super(null, null, false, false);
            this.unknown = unknown;
        }
    }

    private PluginValues() {
    }

    /** {@code value} as a plain JSON value; {@code what} names the plugin for messages ({@code filter 'x'}). */
    static Object toJson(Object value, String what) {
        Object v = Unsafe.strip(Values.unwrap(value));
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof BigInteger) return v;
        if (v instanceof CharSequence || v instanceof Character) return v.toString();
        if (v instanceof Short || v instanceof Byte) return ((Number) v).intValue();
        if (v instanceof Float || v instanceof BigDecimal) return ((Number) v).doubleValue();
        if (v instanceof Map<?, ?> m) return mapping(m, what);
        if (v instanceof Collection<?> c) return list(c, what);
        if (v instanceof Object[] a) return list(List.of(a), what);
        if (v instanceof Unknown u) throw new UnknownInside(u);
        if (v instanceof Undefined u) throw new FilterException(u.summary(), u.hint());
        throw new FilterException(what + " got " + describe(v) + ", which is not a JSON value",
                "Python plugins get mappings, lists, strings, numbers, booleans and null only");
    }

    private static Map<String, Object> mapping(Map<?, ?> m, String what) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object key = Values.unwrap(e.getKey());
            if (!(key instanceof CharSequence)) {
                throw new FilterException(what + " got a mapping with the key " + Values.repr(key) + ", which is not a string",
                        "Python plugins get JSON values: mapping keys must be strings (e.g. {'1': x} instead of {1: x})");
            }
            out.put(key.toString(), toJson(e.getValue(), what));
        }
        return out;
    }

    private static List<Object> list(Collection<?> items, String what) {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) out.add(toJson(item, what));
        return out;
    }

    private static String describe(Object v) {
        if (v instanceof Omit) return "omit";
        return "a value of type " + Values.typeName(v);
    }
}
