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

    private Json() {
    }

    /** Compact, one line. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1, 0);
        return out.toString();
    }

    /** Indented like Ansible's debug output ({@code indent} spaces per level). */
    public static String pretty(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        write(out, value, indent, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int indent, int level) {
        if (value == null) out.append("null");
        else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) out.append(value);
        else if (value instanceof Number n) out.append(finite(n));
        else if (value instanceof Map<?, ?> map) writeMap(out, map, indent, level);
        else if (value instanceof Collection<?> list) writeList(out, list, indent, level);
        else string(out, String.valueOf(value));
    }

    private static String finite(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) ? n.toString() : "null";
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, int indent, int level) {
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
            out.append(indent < 0 ? ":" : ": ");
            write(out, e.getValue(), indent, level + 1);
            if (it.hasNext()) out.append(',');
        }
        newline(out, indent, level);
        out.append('}');
    }

    private static void writeList(StringBuilder out, Collection<?> list, int indent, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            newline(out, indent, level + 1);
            write(out, it.next(), indent, level + 1);
            if (it.hasNext()) out.append(',');
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
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
