package io.swarmplay.template.filters;

import java.util.HashMap;
import java.util.Map;

/**
 * Ansible's {@code comment(style='plain', **options)}: the text with each line decorated, between
 * prefix and postfix lines, optionally inside a beginning and an end line. Options: {@code
 * decoration}, {@code prefix}, {@code prefix_count}, {@code postfix}, {@code postfix_count},
 * {@code beginning}, {@code end}, {@code newline}.
 */
final class Comments {

    private static final Map<String, Map<String, String>> STYLES = Map.of(
            "plain", Map.of("decoration", "# "),
            "erlang", Map.of("decoration", "% "),
            "c", Map.of("decoration", "// "),
            "cblock", Map.of("beginning", "/*", "decoration", " * ", "end", " */"),
            "xml", Map.of("beginning", "<!--", "decoration", " - ", "end", "-->"));

    private Comments() {
    }

    static String comment(Object v, Args a) {
        String style = a.string(0, "style", "plain");
        Map<String, String> styleParams = STYLES.get(style);
        if (styleParams == null) {
            throw new FilterException("comment: unknown style '" + style + "'", "use one of plain, erlang, c, cblock, xml");
        }
        Map<String, Object> p = params(styleParams, a.named());
        String newline = Values.str(p.get("newline"));
        String decoration = Values.str(p.get("decoration"));
        String text = Values.str(Values.unwrap(v));
        StringBuilder out = new StringBuilder();
        if (Values.truthy(p.get("beginning"))) out.append(Values.str(p.get("beginning"))).append(newline);
        if (Values.truthy(p.get("prefix"))) {
            String prefix = Values.str(p.get("prefix"));
            out.append((prefix.equals(newline) ? newline : prefix + newline).repeat(count(p, "prefix_count")));
        }
        out.append((decoration + text.replace(newline, newline + decoration))
                .replace(decoration + newline, decoration.stripTrailing() + newline));
        String postfix = Values.str(p.get("postfix"));
        for (int i = count(p, "postfix_count"); i > 0; i--) out.append(newline).append(postfix);
        if (Values.truthy(p.get("end"))) out.append(newline).append(Values.str(p.get("end")));
        return out.toString();
    }

    private static Map<String, Object> params(Map<String, String> style, Map<String, Object> options) {
        Object given = options.get("decoration");
        String edge = (given != null ? Values.str(Values.unwrap(given)) : style.get("decoration")).stripTrailing();
        Map<String, Object> p = new HashMap<>(Map.of("newline", "\n", "beginning", "", "prefix", edge,
                "prefix_count", 1, "decoration", "", "postfix", edge, "postfix_count", 1, "end", ""));
        p.putAll(style);
        options.forEach((k, value) -> p.put(k, Values.unwrap(value)));
        return p;
    }

    private static int count(Map<String, Object> p, String key) {
        Object value = p.get(key);
        return value instanceof Number n ? n.intValue() : Integer.parseInt(Values.str(value).strip());
    }
}
