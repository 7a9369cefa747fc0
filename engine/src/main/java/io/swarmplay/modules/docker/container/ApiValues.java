package io.swarmplay.modules.docker.container;

import io.swarmplay.module.ModuleException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Engine API values: dotted paths into inspect/create maps, numbers made comparable, sizes and durations parsed. */
public final class ApiValues {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgtpezyKMGTPEZY]?)([bB]?)\\s*");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h|d)");

    private ApiValues() {
    }

    /** The value at {@code path} ({@code HostConfig.RestartPolicy.Name}) of an inspect map, or null. */
    public static Object get(Map<String, Object> root, String path) {
        Object at = root;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) return null;
            at = m.get(part);
        }
        return at;
    }

    /** Sets {@code value} at {@code path} in a request body, making the maps on the way. */
    @SuppressWarnings("unchecked")
    public static void put(Map<String, Object> root, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
    }

    /** Numbers as long (whole) or double, recursively, so values from YAML and from JSON compare equal. */
    public static Object normal(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) n.longValue() : (Object) d;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(normal(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normal(v)));
            return out;
        }
        return value;
    }

    /** Ansible's {@code human_to_bytes}: {@code 512}, {@code 64k}, {@code 1.5G}, {@code 32MB} (binary multiples). */
    public static long bytes(String option, Object value) {
        Matcher m = SIZE.matcher(String.valueOf(value));
        if (!m.matches()) {
            throw new ModuleException("Failed to convert " + option + " to bytes: human_to_bytes() can't interpret '" + value + "'");
        }
        int power = "KMGTPEZY".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        return Math.round(Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    /** community.docker's duration ({@code 1m30s}, {@code 500ms}) in nanoseconds. */
    public static long nanos(String option, Object value) {
        String text = String.valueOf(value).strip();
        Matcher m = DURATION.matcher(text);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) break;
            end = m.end();
            double unit = switch (m.group(2)) {
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 86400e9;
            };
            total += Double.parseDouble(m.group(1)) * unit;
        }
        if (end == 0 || end != text.length()) {
            throw new ModuleException("Cannot parse duration '" + value + "' of " + option + " (write it like 1m30s or 500ms)");
        }
        return Math.round(total);
    }

    /** {@code {"a": "b"}} of the container's env list ({@code a=b}). */
    public static Map<String, String> envMap(Object list) {
        Map<String, String> env = new LinkedHashMap<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                String e = String.valueOf(o);
                int eq = e.indexOf('=');
                env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
            }
        }
        return env;
    }
}
