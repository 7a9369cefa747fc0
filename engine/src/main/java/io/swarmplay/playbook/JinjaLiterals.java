package io.swarmplay.playbook;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a plain YAML value as a Jinja expression, so a literal list can be combined with a filter
 * ({@code with_items}). Strings holding {@code {{ expr }}} become concatenations with the
 * expression, so they are still rendered.
 */
final class JinjaLiterals {

    private static final Pattern EXPR = Pattern.compile("\\{\\{(.*?)\\}\\}", Pattern.DOTALL);

    private JinjaLiterals() {
    }

    static String of(Object value) {
        return of(value, true);
    }

    /** The value with its strings as written: {@code {{ }}} in them is left for whoever reads them to render. */
    static String unrendered(Object value) {
        return of(value, false);
    }

    private static String of(Object value, boolean render) {
        if (value == null) return "none";
        if (value instanceof Boolean b) return b ? "true" : "false";
        if (value instanceof Number n) return n.toString();
        if (value instanceof List<?> list) return list(list, render);
        if (value instanceof Map<?, ?> map) return map(map, render);
        return render ? string(value.toString()) : quote(value.toString());
    }

    private static String list(List<?> list, boolean render) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (Object item : list) out.add(of(item, render));
        return out.toString();
    }

    private static String map(Map<?, ?> map, boolean render) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        map.forEach((k, v) -> out.add(quote(String.valueOf(k)) + ": " + of(v, render)));
        return out.toString();
    }

    /** {@code 'a-{{ x }}'} becomes {@code ('a-' ~ (x))}; a whole {@code {{ x }}} becomes {@code (x)}. */
    private static String string(String s) {
        String whole = Templates.wholeExpression(s);
        if (whole != null) return "(" + whole + ")";
        Matcher m = EXPR.matcher(s);
        StringJoiner parts = new StringJoiner(" ~ ", "(", ")");
        int from = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            if (m.start() > from) parts.add(quote(s.substring(from, m.start())));
            parts.add("(" + m.group(1).strip() + ")");
            from = m.end();
        }
        if (!any) return quote(s);
        if (from < s.length()) parts.add(quote(s.substring(from)));
        return parts.toString();
    }

    /**
     * A Jinja string literal for {@code s}, read after Ansible's backslash doubling
     * ({@code Backslashes}): backslashes stay as written (the doubling keeps them literal), and a
     * single quote is joined in as {@code "'"}, since an escaped {@code \\'} would be doubled into
     * the end of the literal.
     */
    static String quote(String s) {
        if (s.indexOf('\'') < 0) return "'" + s + "'";
        StringJoiner parts = new StringJoiner(" ~ \"'\" ~ ", "(", ")");
        for (String piece : s.split("'", -1)) parts.add("'" + piece + "'");
        return parts.toString();
    }
}
