package io.swarmplay.modules.docker.support;

import io.swarmplay.module.ModuleException;

import java.util.List;
import java.util.Map;

/** Reading the nested mappings of Docker arguments ({@code networks}, {@code mounts}, {@code copy_in}, ...). */
public final class Specs {

    private Specs() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object item, String where) {
        if (item instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new ModuleException("each item of '" + where + "' must be a mapping (got " + item + ")");
    }

    public static String required(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new ModuleException("an item of '" + where + "' has no '" + key + "'");
        }
        return value.toString();
    }

    public static List<String> strings(Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(value));
    }

    public static boolean bool(Object value) {
        return value != null && List.of("true", "yes", "on", "1").contains(value.toString().toLowerCase());
    }

    /** A file mode given as {@code "0644"}, {@code 644} or {@code 0o644}; {@code fallback} when absent. */
    public static int mode(Object value, int fallback) {
        if (value == null) return fallback;
        if (value instanceof Number n) return n.intValue(); // YAML's 0644 is already the number 420
        String text = value.toString().replaceFirst("^0o", "");
        try {
            return Integer.parseInt(text, 8);
        } catch (NumberFormatException e) {
            throw new ModuleException("mode '" + value + "' is not an octal mode like \"0644\"");
        }
    }
}
