package io.swarmplay.template;

import io.swarmplay.template.filters.PythonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python methods Ansible templates call on strings, dicts and lists
 * ({@code x.split()}, {@code s.startswith('a')}, {@code d.items()}, {@code d.get('k', 1)}), which
 * Jinjava's Java objects do not have.
 */
final class PythonMethods {

    private PythonMethods() {
    }

    /** The method's result, or empty when {@code base} has no such Python method. */
    static Optional<Object> invoke(Object base, String method, Object[] params) {
        Object[] p = params == null ? new Object[0] : params;
        if (base instanceof CharSequence s) return string(s.toString(), method, p);
        if (base instanceof Map<?, ?> map) return dict(map, method, p);
        if (base instanceof List<?> list) return list(list, method, p);
        if (base instanceof PythonObject object) return object.call(method, p);
        return Optional.empty();
    }

    private static Optional<Object> string(String s, String method, Object[] p) {
        return Optional.ofNullable(switch (method) {
            case "split" -> split(s, p);
            case "strip" -> p.length == 0 ? s.strip() : trim(s, p[0].toString(), true, true);
            case "lstrip" -> p.length == 0 ? s.stripLeading() : trim(s, p[0].toString(), true, false);
            case "rstrip" -> p.length == 0 ? s.stripTrailing() : trim(s, p[0].toString(), false, true);
            case "lower" -> s.toLowerCase();
            case "upper" -> s.toUpperCase();
            case "capitalize" -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase();
            case "startswith" -> s.startsWith(String.valueOf(p[0]));
            case "endswith" -> s.endsWith(String.valueOf(p[0]));
            case "replace" -> s.replace(String.valueOf(p[0]), String.valueOf(p[1]));
            case "find" -> s.indexOf(String.valueOf(p[0]));
            case "count" -> (s.length() - s.replace(String.valueOf(p[0]), "").length()) / Math.max(1, String.valueOf(p[0]).length());
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "join" -> String.join(s, ((List<?>) p[0]).stream().map(String::valueOf).toList());
            case "splitlines" -> List.of(s.split("\\r?\\n"));
            default -> null;
        });
    }

    private static List<String> split(String s, Object[] p) {
        if (p.length == 0 || p[0] == null) {
            String trimmed = s.strip();
            return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
        }
        String sep = String.valueOf(p[0]);
        int max = p.length > 1 ? ((Number) p[1]).intValue() : -1;
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0 && (max < 0 || parts.size() < max); at = s.indexOf(sep, from)) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static String trim(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) start++;
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }

    private static Optional<Object> dict(Map<?, ?> map, String method, Object[] p) {
        return Optional.ofNullable(switch (method) {
            case "keys" -> new ArrayList<>(map.keySet());
            case "values" -> new ArrayList<>(map.values());
            case "items" -> map.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
            case "get" -> map.containsKey(p[0]) ? map.get(p[0]) : p.length > 1 ? p[1] : NONE;
            default -> null;
        }).map(v -> v == NONE ? null : v);
    }

    private static Optional<Object> list(List<?> list, String method, Object[] p) {
        return Optional.ofNullable(switch (method) {
            case "index" -> list.indexOf(p[0]);
            case "count" -> (int) list.stream().filter(x -> x != null && x.equals(p[0])).count();
            default -> null;
        });
    }

    /** Stands for a Python None result, which Optional cannot hold. */
    private static final Object NONE = new Object();
}
