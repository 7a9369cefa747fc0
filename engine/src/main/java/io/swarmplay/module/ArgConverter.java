package io.swarmplay.module;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one rendered YAML value to an argument's Java type, for {@link ArgsBinder}:
 * String (numbers and booleans as their text), int/long/double (and boxes), boolean (Ansible's
 * yes/no/true/false/on/off/1/0), {@code List<String>} (a scalar is a one-element list, a string
 * with commas is split on them), {@code List<Object>}, {@code Map<String, Object>},
 * {@code Map<String, String>}, {@code Object} (as is), {@link Duration} (seconds, or
 * {@code 250ms}/{@code 30s}/{@code 5m}/{@code 1h}) and enums (by name, case-insensitive).
 */
final class ArgConverter {

    private static final Set<String> TRUE = Set.of("yes", "true", "on", "1", "y", "t");
    private static final Set<String> FALSE = Set.of("no", "false", "off", "0", "n", "f");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** A value that does not fit; the message continues "'name' ..." and may carry a hint. */
    static final class Mismatch extends RuntimeException {
        private final String hint;

        Mismatch(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        Mismatch(String message) {
            this(message, null);
        }

        String hint() {
            return hint;
        }
    }

    private ArgConverter() {
    }

    /** The value of an absent argument: null, or false/0 for primitives. */
    static Object absent(Class<?> type) {
        if (type == boolean.class) return false;
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == double.class) return 0.0;
        return null;
    }

    static Object convert(Object raw, Type type) {
        Class<?> raw0 = rawClass(type);
        if (raw0 == Object.class) return raw;
        if (raw0 == String.class) return string(raw);
        if (raw0 == int.class || raw0 == Integer.class) return toInt(integer(raw), raw);
        if (raw0 == long.class || raw0 == Long.class) return integer(raw);
        if (raw0 == double.class || raw0 == Double.class) return decimal(raw);
        if (raw0 == boolean.class || raw0 == Boolean.class) return bool(raw);
        if (raw0 == Duration.class) return duration(raw);
        if (raw0 == List.class) return list(raw, typeArgument(type, 0));
        if (raw0 == Map.class) return map(raw, typeArgument(type, 1));
        if (raw0.isEnum()) return enumValue(raw, raw0);
        if (raw0.isRecord()) return nested(raw, raw0);
        throw new IllegalArgumentException("unsupported argument type " + type);
    }

    /** A mapping bound to a nested record by {@link ArgsBinder} (its problems as one mismatch). */
    @SuppressWarnings("unchecked")
    private static Object nested(Object raw, Class<?> type) {
        if (!(raw instanceof Map<?, ?> m)) throw new Mismatch("must be a mapping (got " + describe(raw) + ")");
        try {
            return ArgsBinder.bind(type, (Map<String, Object>) m);
        } catch (ArgsException e) {
            String all = String.join("; ", e.problems().stream().map(ArgsException.Problem::message).toList());
            throw new Mismatch("has a bad entry: " + all, e.problems().get(0).hint());
        }
    }

    /** The type as {@code swarmplay doc} names it, in Ansible's words: str, int, float, bool, list, dict, ... */
    static String typeName(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) return "str";
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) return "int";
        if (raw == double.class || raw == Double.class) return "float";
        if (raw == boolean.class || raw == Boolean.class) return "bool";
        if (raw == Duration.class) return "duration";
        if (raw == List.class) return "list of " + typeName(typeArgument(type, 0));
        if (raw == Map.class || raw.isRecord()) return "dict";
        if (raw.isEnum()) return "str";
        return "raw";
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static String string(Object raw) {
        if (raw instanceof String s) return s;
        if (raw instanceof Number || raw instanceof Boolean || raw instanceof Character) return raw.toString();
        throw new Mismatch("must be a string (got " + describe(raw) + ")");
    }

    private static long integer(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
        try {
            if (raw instanceof String s) return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new Mismatch("must be an integer (got " + describe(raw) + ")");
    }

    private static int toInt(long value, Object raw) {
        if (value != (int) value) throw new Mismatch("is too large (got " + describe(raw) + ")");
        return (int) value;
    }

    private static double decimal(Object raw) {
        if (raw instanceof Number n) return n.doubleValue();
        try {
            if (raw instanceof String s) return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new Mismatch("must be a number (got " + describe(raw) + ")");
    }

    private static boolean bool(Object raw) {
        if (raw instanceof Boolean b) return b;
        String text = raw instanceof String || raw instanceof Number ? raw.toString().strip().toLowerCase(Locale.ROOT) : "";
        if (TRUE.contains(text)) return true;
        if (FALSE.contains(text)) return false;
        throw new Mismatch("must be a boolean: yes/no, true/false, on/off, 1/0 (got " + describe(raw) + ")");
    }

    private static Duration duration(Object raw) {
        if (raw instanceof Number n) return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        Matcher m = raw instanceof String s ? DURATION.matcher(s.strip()) : null;
        if (m == null || !m.matches()) {
            throw new Mismatch("must be a duration in seconds, or like 250ms, 30s, 5m, 1h (got " + describe(raw) + ")");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    private static List<Object> list(Object raw, Type element) {
        List<?> items;
        if (raw instanceof List<?> l) items = l;
        else if (element == String.class && raw instanceof String s && s.contains(",")) items = List.of(s.split("\\s*,\\s*"));
        else if (raw instanceof Map) throw new Mismatch("must be a list (got a mapping)");
        else items = List.of(raw);
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item == null) throw new Mismatch("must not contain empty items");
            out.add(element == String.class ? string(item)
                    : element instanceof Class<?> c && c.isRecord() ? nested(item, c) : item);
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> map(Object raw, Type valueType) {
        if (!(raw instanceof Map<?, ?> m)) throw new Mismatch("must be a mapping (got " + describe(raw) + ")");
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), valueType == String.class && v != null ? string(v) : v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Object enumValue(Object raw, Class<?> type) {
        String name = string(raw).strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) return constant;
        }
        throw new Mismatch("has no value '" + raw + "'");
    }

    /** A short, secret-free description of a value for messages: strings are quoted, others named by kind. */
    private static String describe(Object raw) {
        if (raw instanceof String s) return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        if (raw instanceof Map) return "a mapping";
        if (raw instanceof List) return "a list";
        return String.valueOf(raw);
    }
}
