package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.connection.ShellQuote;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strings and paths, with Python's semantics: lower, split, join, basename, quote, b64encode, ... */
public final class StringFilters {

    private StringFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("lower", (v, a) -> Values.str(v).toLowerCase()),
                AnsibleFilter.of("upper", (v, a) -> Values.str(v).toUpperCase()),
                AnsibleFilter.of("capitalize", (v, a) -> capitalize(Values.str(v))),
                AnsibleFilter.of("replace", StringFilters::replace),
                AnsibleFilter.of("trim", (v, a) -> strip(Values.str(v), a.string(0, "chars", null))),
                AnsibleFilter.of("split", StringFilters::split),
                AnsibleFilter.of("splitlines", (v, a) -> new ArrayList<Object>(Values.str(v).lines().toList())),
                AnsibleFilter.of("join", StringFilters::join),
                AnsibleFilter.of("basename", (v, a) -> basename(PathFilters.fspath(v))),
                AnsibleFilter.of("dirname", (v, a) -> dirname(PathFilters.fspath(v))),
                AnsibleFilter.of("path_join", StringFilters::pathJoin),
                AnsibleFilter.of("quote", (v, a) -> ShellQuote.quote(v == null ? "" : Values.str(v))),
                AnsibleFilter.of("b64encode", (v, a) -> Base64.getEncoder().encodeToString(
                        Values.str(v).getBytes(charset(a.string(0, "encoding", "utf-8"))))),
                AnsibleFilter.of("b64decode", StringFilters::b64decode),
                AnsibleFilter.of("urlencode", StringFilters::urlencode),
                AnsibleFilter.of("format", (v, a) -> PythonPercent.format(Values.str(v),
                        a.named().isEmpty() ? new ArrayList<>(Arrays.asList(a.positional())) : a.named())),
                // the % operator on a string ('%0x' % n), which templates get rewritten to (TemplateScan)
                AnsibleFilter.of(PERCENT_FILTER, (v, a) -> PythonPercent.format(Values.str(v), Values.unwrap(a.get(0, "args")))),
                AnsibleFilter.of("random", StringFilters::random),
                AnsibleFilter.of("comment", Comments::comment),
                AnsibleFilter.of("indent", StringFilters::indent),
                // Python's pprint.pformat for values that fit on a line: repr, mappings by sorted key
                AnsibleFilter.of("pprint", (v, a) -> Values.repr(sortedKeys(Values.unwrap(v)))));
    }

    /** The filter that Python's {@code 'format' % args} on a string literal becomes. */
    public static final String PERCENT_FILTER = "swarmplay_percent";

    /**
     * Ansible's {@code random(start=0, step=1, seed=None)}: a number in [start, end) for a number, an
     * element for a sequence; with a {@code seed}, the value Python's {@code Random(seed)} gives.
     */
    static Object random(Object v, Args a) {
        java.util.function.LongUnaryOperator below = below(a.get(2, "seed"));
        Object end = Values.unwrap(v);
        if (end instanceof Number n && !(end instanceof Double || end instanceof Float)) {
            long start = truthy(a, 0, "start") ? ((Number) Values.unwrap(a.get(0, "start"))).longValue() : 0;
            long step = truthy(a, 1, "step") ? ((Number) Values.unwrap(a.get(1, "step"))).longValue() : 1;
            long stop = n.longValue();
            if (step <= 0 || stop <= start) throw new FilterException("random: empty range for randrange(" + start + ", " + stop + ")");
            long count = (stop - start + step - 1) / step;
            return Values.integral(start + step * below.applyAsLong(count));
        }
        // Ansible's rand(): any other iterable is chosen from (start/step are for integers only), anything else refused
        boolean iterable = end instanceof String || end instanceof java.util.Collection<?> || end instanceof java.util.Map<?, ?>;
        if (!iterable) throw new FilterException("random can only be used on sequences and integers");
        if (truthy(a, 0, "start") || truthy(a, 1, "step")) {
            throw new FilterException("start and step can only be used with integer values");
        }
        List<Object> items = end instanceof String s ? new ArrayList<>(s.codePoints().mapToObj(Character::toString).toList())
                : Values.list(end, "random");
        if (items.isEmpty()) throw new FilterException("random: cannot choose from an empty sequence");
        return items.get((int) below.applyAsLong(items.size()));
    }

    private static boolean truthy(Args a, int index, String name) {
        Object value = a.has(index, name) ? Values.unwrap(a.get(index, name)) : null;
        return value != null && !(value instanceof Number n && n.doubleValue() == 0) && !Boolean.FALSE.equals(value);
    }

    /** A uniform draw in [0, n): Python's seeded generator, or an unseeded one. */
    private static java.util.function.LongUnaryOperator below(Object seed) {
        if (seed == null) return n -> java.util.concurrent.ThreadLocalRandom.current().nextLong(n);
        return new PyRandom(seed)::below;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
    }

    /** {@code replace(old, new, count=-1)}. */
    static Object replace(Object v, Args a) {
        String s = Values.str(v);
        String old = a.string(0, "old", "");
        String rep = a.string(1, "new", "");
        int count = a.integer(2, "count", -1);
        if (count < 0) return s.replace(old, rep);
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i < count; i++) {
            int at = s.indexOf(old, from);
            if (at < 0) break;
            out.append(s, from, at).append(rep);
            from = at + old.length();
        }
        return out.append(s.substring(from)).toString();
    }

    static String strip(String s, String chars) {
        if (chars == null) return s.strip();
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) start++;
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }

    /** Python's str.split: no separator splits on runs of whitespace and drops empty parts. */
    static Object split(Object v, Args a) {
        String s = Values.str(v);
        Object sep = a.get(0, "sep");
        int max = a.integer(1, "maxsplit", -1);
        String[] parts = sep == null
                ? (s.isBlank() ? new String[0] : s.strip().split("\\s+", max < 0 ? -1 : max + 1))
                : s.split(Pattern.quote(Values.str(sep)), max < 0 ? -1 : max + 1);
        return new ArrayList<Object>(Arrays.asList(parts));
    }

    /** {@code join(d='', attribute=None)}. */
    static Object join(Object v, Args a) {
        String sep = a.string(0, "d", "");
        String attribute = a.string(1, "attribute", null);
        if (v instanceof CharSequence s) return s.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(sep));
        return Values.list(v, "join").stream()
                .map(item -> attribute == null ? item : Values.attribute(item, attribute))
                .map(Values::str)
                .collect(Collectors.joining(sep));
    }

    static String basename(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Python's os.path.dirname: trailing slashes of the head removed, unless it is all slashes. */
    static String dirname(String p) {
        String head = p.substring(0, p.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
        return head;
    }

    /** os.path.join over a list (or one string): an absolute part restarts the path. */
    static Object pathJoin(Object v, Args a) {
        Object value = Values.unwrap(v);
        if (!(value instanceof CharSequence) && !(value instanceof List<?>)) {
            throw FilterException.typeError("|path_join expects string or sequence, got " + TypeFilters.pythonClass(value) + " instead.");
        }
        List<Object> parts = value instanceof CharSequence ? List.of(value) : Values.list(value, "path_join");
        if (parts.isEmpty()) throw FilterException.typeError("join() missing 1 required positional argument: 'a'");
        String out = "";
        for (Object part : parts) {
            if (!(Values.unwrap(part) instanceof CharSequence)) { // os.path.join: os.fspath on the first part, its own check on the rest
                String type = TypeFilters.pythonType(Values.unwrap(part));
                throw FilterException.typeError(part == parts.get(0)
                        ? "expected str, bytes or os.PathLike object, not " + type
                        : "join() argument must be str, bytes, or os.PathLike object, not '" + type + "'");
            }
            String p = Values.str(part);
            if (p.startsWith("/") || out.isEmpty()) out = p;
            else out = out.endsWith("/") ? out + p : out + "/" + p;
        }
        return out;
    }

    /** A Python codec name ({@code utf-8}, {@code utf-16-le}, {@code latin-1}, {@code utf_16_le}) as Java's charset. */
    static Charset charset(String codec) {
        String name = codec.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (String candidate : List.of(name, name.replaceAll("-(le|be)$", "$1"), name.replace("-", ""))) {
            try {
                if (Charset.isSupported(candidate)) return Charset.forName(candidate);
            } catch (IllegalCharsetNameException e) {
                // try the next spelling
            }
        }
        throw new FilterException("unknown encoding: " + codec);
    }

    /**
     * Jinja's {@code urlencode}: a string (or scalar) is percent-quoted keeping {@code /}; a mapping
     * or a list of pairs becomes a query string, {@code k=v&...} with spaces as {@code +}.
     */
    static Object urlencode(Object v, Args a) {
        Object value = Values.unwrap(v);
        if (value instanceof java.util.Map<?, ?> map) return query(new ArrayList<>(map.entrySet().stream()
                .map(e -> (Object) List.of(e.getKey(), e.getValue())).toList()));
        if (value instanceof java.util.Collection<?> items) return query(new ArrayList<>(items));
        return urlQuote(Values.str(value), false);
    }

    private static String query(List<Object> pairs) {
        List<String> parts = new ArrayList<>();
        for (Object pair : pairs) {
            List<Object> kv = Values.list(pair, "urlencode");
            if (kv.size() != 2) throw new FilterException("urlencode needs a mapping or a list of pairs");
            parts.add(urlQuote(Values.str(kv.get(0)), true) + "=" + urlQuote(Values.str(kv.get(1)), true));
        }
        return String.join("&", parts);
    }

    /** Python's quote (UTF-8; letters, digits and {@code _.-~} kept; {@code /} too unless for a query). */
    static String urlQuote(String text, boolean forQuery) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "_.-~".indexOf(c) >= 0 || (!forQuery && c == '/'));
            if (plain) out.append(c);
            else if (forQuery && c == ' ') out.append('+');
            else out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    static Object b64decode(Object v, Args a) {
        try {
            return new String(Base64.getDecoder().decode(Values.str(v).replaceAll("\\s", "")),
                    charset(a.string(0, "encoding", "utf-8")));
        } catch (IllegalArgumentException e) {
            throw new FilterException("b64decode got input that is not base64");
        }
    }

    /**
     * Jinja2 3's {@code indent(width=4, first=False, blank=False)}: every line but the first (and
     * blank ones, unless {@code blank}) prefixed with {@code width} spaces, or with {@code width}
     * itself when it is a string; {@code first} indents the first line too.
     */
    private static Object indent(Object v, Args a) {
        Object width = Values.unwrap(a.get(0, "width", 4));
        String indention = width instanceof CharSequence text ? text.toString() : " ".repeat(a.integer(0, "width", 4));
        boolean first = a.bool(1, "first", false);
        boolean blank = a.bool(2, "blank", false);
        List<String> lines = new ArrayList<>(List.of((Values.str(v) + "\n").split("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]", -1)));
        lines.remove(lines.size() - 1); // splitlines() gives no item after the final line break
        StringBuilder out = new StringBuilder(lines.isEmpty() ? "" : lines.get(0));
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            out.append('\n').append(blank || !line.isEmpty() ? indention + line : line);
        }
        return first ? indention + out : out.toString();
    }

    private static Object sortedKeys(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> sorted = new java.util.TreeMap<>((x, y) -> Values.str(x).compareTo(Values.str(y)));
            m.forEach((k, val) -> sorted.put(k, sortedKeys(Values.unwrap(val))));
            return new java.util.LinkedHashMap<>(sorted);
        }
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(x -> sortedKeys(Values.unwrap(x))).toList());
        return v;
    }
}
