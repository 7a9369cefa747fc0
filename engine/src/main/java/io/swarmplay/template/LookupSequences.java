package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lookups that combine or count: {@code together}, {@code nested}, {@code sequence}. */
final class LookupSequences {

    private static final String NUM = "(0?x?[0-9a-f]+)";
    private static final Pattern SHORTCUT = Pattern.compile("^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$",
            Pattern.CASE_INSENSITIVE);

    private LookupSequences() {
    }

    /** {@code [1, 2], [3]} → {@code [1, 3], [2, None]}. */
    static List<Object> together(List<Object> terms, Map<String, Object> options, Context context) {
        if (terms.isEmpty()) throw new LookupError("with_together requires at least one element in each list", null);
        List<List<?>> lists = terms.stream().map(LookupSequences::listOf).toList();
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (List<?> list : lists) row.add(i < list.size() ? list.get(i) : null);
            out.add(LookupPlugins.flatten(row, 1));
        }
        return out;
    }

    /** The product of the lists, each combination flattened one level. */
    static List<Object> nested(List<Object> terms, Map<String, Object> options, Context context) {
        if (terms.isEmpty()) throw new LookupError("with_nested requires at least one element in the nested list", null);
        List<Object> result = new ArrayList<>(listOf(terms.get(0)));
        for (Object next : terms.subList(1, terms.size())) {
            List<Object> combined = new ArrayList<>();
            for (Object x : result) {
                for (Object y : listOf(next)) combined.add(LookupPlugins.flatten(new ArrayList<>(List.of(x, y)), 1));
            }
            result = combined;
        }
        List<Object> out = new ArrayList<>();
        for (Object x : result) out.add(x instanceof List<?> l ? LookupPlugins.flatten(new ArrayList<>(l), 1) : List.of(x));
        return out;
    }

    private static List<?> listOf(Object term) {
        return term instanceof List<?> l ? l : new ArrayList<>(java.util.Collections.singletonList(term));
    }

    /** {@code start=1 end=10 stride=2 format=host%02d}, {@code count=3}, or the shortcut {@code 1-10/2:host%02d}. */
    static List<Object> sequence(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Spec spec = Spec.parse(Values.str(term).strip()).checked();
            if (spec.stride == 0) continue;
            int adjust = spec.stride > 0 ? 1 : -1;
            for (long i = spec.start; spec.stride > 0 ? i < spec.end + adjust : i > spec.end + adjust; i += spec.stride) {
                out.add(context.percent(spec.format, i));
            }
        }
        return out;
    }

    /** One sequence term, as Ansible's plugin reads it. */
    private static final class Spec {
        long start = 1;
        Long end;
        Long count;
        long stride = 1;
        String format = "%d";

        static Spec parse(String term) {
            Spec spec = new Spec();
            Matcher m = SHORTCUT.matcher(term);
            if (m.matches()) {
                if (m.group(2) != null) spec.start = number("start", m.group(2));
                spec.end = number("end", m.group(3));
                if (m.group(5) != null) spec.stride = number("stride", m.group(5));
                if (m.group(7) != null) spec.format = m.group(7);
                return spec;
            }
            Map<String, String> kv = keyValues(term);
            if (kv.containsKey("start")) spec.start = number("start", kv.remove("start"));
            if (kv.containsKey("end")) spec.end = number("end", kv.remove("end"));
            if (kv.containsKey("count")) spec.count = number("count", kv.remove("count"));
            if (kv.containsKey("stride")) spec.stride = number("stride", kv.remove("stride"));
            if (kv.containsKey("format")) spec.format = kv.remove("format");
            if (!kv.isEmpty()) throw new LookupError("unrecognized arguments to with_sequence: " + Values.repr(new java.util.ArrayList<>(kv.keySet())), null);
            return spec;
        }

        Spec checked() {
            if (count == null && end == null) throw new LookupError("must specify count or end in with_sequence", null);
            if (count != null && end != null) throw new LookupError("can't specify both count and end in with_sequence", null);
            if (count != null) {
                if (count != 0) {
                    end = start + count * stride - 1;
                } else {
                    start = 0;
                    end = 0L;
                    stride = 0;
                }
            }
            if (stride > 0 && end < start) throw new LookupError("to count backwards make stride negative", null);
            if (stride < 0 && end > start) throw new LookupError("to count forward don't make stride negative", null);
            if (format.chars().filter(c -> c == '%').count() != 1) {
                throw new LookupError("bad formatting string: " + format, null);
            }
            return this;
        }

        private static Map<String, String> keyValues(String term) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String word : term.split("\\s+")) {
                int eq = word.indexOf('=');
                if (word.isEmpty()) continue;
                if (eq <= 0) throw new LookupError("unknown error parsing with_sequence arguments: '" + term + "'", null);
                kv.put(word.substring(0, eq), word.substring(eq + 1));
            }
            return kv;
        }

        /** Python's {@code int(text, 0)}: decimal, 0x hex, 0o/0 octal. */
        private static long number(String name, String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            try {
                if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
                if (t.startsWith("0o")) return Long.parseLong(t.substring(2), 8);
                if (t.startsWith("0b")) return Long.parseLong(t.substring(2), 2);
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new LookupError("can't parse " + name + "=" + text + " as integer", null);
            }
        }
    }
}
