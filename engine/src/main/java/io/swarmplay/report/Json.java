package io.swarmplay.report;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for output (events, plans, debug results): maps, collections, strings,
 * numbers, booleans and null; anything else as its string. Kept here so printing never loads
 * a JSON library.
 */
public final class Json {

    /** Compact, one line. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        new Json(",", false).write(out, value, -1, 0);
        return out.toString();
    }

    /** Indented like Ansible's debug output ({@code indent} spaces per level). */
    public static String pretty(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        new Json(",", false).write(out, value, indent, 0);
        return out.toString();
    }

    /**
     * As Python's {@code json.dumps(value, sort_keys=True, indent=indent)}, the way Ansible prints
     * a result: on one line with {@code ", "} between items when {@code indent} is negative.
     */
    public static String python(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        new Json(indent < 0 ? ", " : ",", true).write(out, value, indent, 0);
        return out.toString();
    }

    /** Between two items of a list or mapping. */
    private final String comma;
    /** Mapping keys in sorted order (Python's sort_keys). */
    private final boolean sorted;

    private Json(String comma, boolean sorted) {
        this.comma = comma;
        this.sorted = sorted;
    }

    private void write(StringBuilder out, Object value, int indent, int level) {
        if (value == null) out.append("null");
        else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) out.append(value);
        else if (value instanceof Number n) out.append(sorted ? pythonNumber(n) : finite(n));
        else if (value instanceof Map<?, ?> map) writeMap(out, sorted ? sortedCopy(map) : map, indent, level);
        else if (value instanceof Collection<?> list) writeList(out, list, indent, level);
        else string(out, String.valueOf(value));
    }

    /** Python's repr of a float: shortest digits, plain from 1e-4 to below 1e16, else {@code 1e+16}; Infinity and NaN as Python prints them. */
    private static String pythonNumber(Number n) {
        if (!(n instanceof Double || n instanceof Float)) return n.toString();
        double d = n.doubleValue();
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d));
        double abs = Math.abs(d);
        if (abs == 0 || abs >= 1e-4 && abs < 1e16) {
            String plain = exact.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        java.math.BigDecimal digits = exact.stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        String mantissa = digits.movePointLeft(exponent).toPlainString();
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static Map<?, ?> sortedCopy(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static String finite(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) ? n.toString() : "null";
    }

    private void writeMap(StringBuilder out, Map<?, ?> map, int indent, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(out, indent, level + 1);
            string(out, String.valueOf(e.getKey()));
            out.append(indent < 0 && !sorted ? ":" : ": ");
            write(out, e.getValue(), indent, level + 1);
            if (it.hasNext()) out.append(comma);
        }
        newline(out, indent, level);
        out.append('}');
    }

    private void writeList(StringBuilder out, Collection<?> list, int indent, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            newline(out, indent, level + 1);
            write(out, it.next(), indent, level + 1);
            if (it.hasNext()) out.append(comma);
        }
        newline(out, indent, level);
        out.append(']');
    }

    private static void newline(StringBuilder out, int indent, int level) {
        if (indent < 0) return;
        out.append('\n');
        out.append(" ".repeat(indent * level));
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
