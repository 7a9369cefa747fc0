package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists and mappings: combine, dict2items, zip, flatten, unique, union, min, sort, first, length, ... */
public final class CollectionFilters {

    private CollectionFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("combine", CollectionFilters::combine),
                AnsibleFilter.of("dict2items", CollectionFilters::dict2items),
                AnsibleFilter.of("items2dict", CollectionFilters::items2dict),
                AnsibleFilter.of("items", (v, a) -> dict2pairs(v)),
                AnsibleFilter.of("dict", (v, a) -> pairs2dict(v)),
                AnsibleFilter.of("list", (v, a) -> v instanceof CharSequence s ? chars(s) : Values.list(v, "list")),
                AnsibleFilter.of("slice", CollectionFilters::slice),
                AnsibleFilter.of("zip", CollectionFilters::zip),
                AnsibleFilter.of("flatten", CollectionFilters::flatten),
                AnsibleFilter.of("unique", CollectionFilters::unique),
                AnsibleFilter.of("union", (v, a) -> union(v, a.get(0, null))),
                AnsibleFilter.of("difference", (v, a) -> difference(v, a.get(0, null), false)),
                AnsibleFilter.of("intersect", (v, a) -> difference(v, a.get(0, null), true)),
                AnsibleFilter.of("length", (v, a) -> length(v)),
                AnsibleFilter.of("count", (v, a) -> length(v)),
                AnsibleFilter.of("first", (v, a) -> edge(v, true)),
                AnsibleFilter.of("last", (v, a) -> edge(v, false)),
                AnsibleFilter.of("min", (v, a) -> extreme(v, a, -1)),
                AnsibleFilter.of("max", (v, a) -> extreme(v, a, 1)),
                AnsibleFilter.of("sort", CollectionFilters::sort),
                AnsibleFilter.of("groupby", GroupTuple::groupby),
                AnsibleFilter.of("reverse", CollectionFilters::reverse),
                AnsibleFilter.of("sum", CollectionFilters::sum),
                AnsibleFilter.of("abs", (v, a) -> abs(v)),
                AnsibleFilter.of("round", CollectionFilters::round));
    }

    /**
     * Ansible's {@code combine(*dicts, recursive=False, list_merge='replace')}: the input and the
     * arguments, lists of mappings spread one level and nulls dropped; later mappings win. One term is
     * returned as it is, none gives {}.
     */
    @SuppressWarnings("unchecked")
    static Object combine(Object v, Args a) {
        if (!a.named().keySet().stream().allMatch(k -> k.equals("recursive") || k.equals("list_merge"))) {
            throw new FilterException("'recursive' and 'list_merge' are the only valid keyword arguments");
        }
        boolean recursive = a.bool(-1, "recursive", false);
        String listMerge = a.string(-1, "list_merge", "replace");
        List<Object> terms = new ArrayList<>();
        terms.add(Values.toPlain(v));
        for (Object arg : a.positional()) terms.add(Values.toPlain(arg));
        List<Object> layers = new ArrayList<>();
        flattenInto(layers, terms, 1, true);
        if (layers.size() <= 1) return layers.isEmpty() ? new LinkedHashMap<>() : layers.get(0);
        Object result = layers.get(layers.size() - 1);
        for (int i = layers.size() - 2; i >= 0; i--) { // as Ansible's merge_hash: the higher layer into a copy of the lower
            Object lower = layers.get(i);
            if (!(lower instanceof Map && result instanceof Map)) {
                throw new FilterException("failed to combine variables, expected dicts but got a '"
                        + TypeFilters.pythonType(lower) + "' and a '" + TypeFilters.pythonType(result) + "': \n"
                        + SerialisationFilters.json(lower, 0, false) + "\n" + SerialisationFilters.json(result, 0, false));
            }
            Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) lower);
            merge(merged, (Map<Object, Object>) result, recursive, listMerge);
            result = merged;
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<Object, Object> into, Map<Object, Object> from, boolean recursive, String listMerge) {
        for (Map.Entry<Object, Object> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object neu = e.getValue();
            if (recursive && old instanceof Map && neu instanceof Map) {
                Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) old);
                merge(merged, (Map<Object, Object>) neu, true, listMerge);
                neu = merged;
            } else if (old instanceof List<?> ol && neu instanceof List<?> nl && listMerge.startsWith("append")) {
                neu = concat(listMerge.endsWith("_rp") ? absentFrom(ol, nl) : ol, nl);
            } else if (old instanceof List<?> ol && neu instanceof List<?> nl && listMerge.startsWith("prepend")) {
                neu = concat(nl, listMerge.endsWith("_rp") ? absentFrom(ol, nl) : ol);
            }
            into.put(e.getKey(), neu);
        }
    }

    // list_merge's "_rp": the old list's items that the new one does not hold (duplicates among them kept)
    private static List<?> absentFrom(List<?> old, List<?> neu) {
        return old.stream().filter(x -> !neu.contains(x)).toList();
    }

    private static List<Object> concat(List<?> a, List<?> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Object dict2items(Object v, Args a) {
        String key = a.string(0, "key_name", "key");
        String value = a.string(1, "value_name", "value");
        List<Object> out = new ArrayList<>();
        Object input = Values.unwrap(v);
        if (!(input instanceof Map<?, ?> mapping)) {
            throw FilterException.typeError("dict2items requires a dictionary, got " + TypeFilters.pythonClass(input) + " instead.");
        }
        mapping.forEach((k, val) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(key, k);
            item.put(value, val);
            out.add(item);
        });
        return out;
    }

    static Object items2dict(Object v, Args a) {
        String key = a.string(0, "key_name", "key");
        String value = a.string(1, "value_name", "value");
        Object items = Values.unwrap(v);
        if (!(items instanceof List<?> list)) { // Ansible's is_sequence: a list or tuple, not a string
            throw FilterException.typeError("items2dict requires a list, got " + TypeFilters.pythonClass(items) + " instead.");
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(Values.unwrap(item) instanceof Map<?, ?> m)) {
                throw FilterException.typeError("items2dict requires a list of dictionaries, got " + Values.repr(Values.toPlain(list)) + " instead.");
            }
            if (!m.containsKey(key) || !m.containsKey(value)) {
                throw FilterException.typeError("items2dict requires each dictionary in the list to contain the keys '" + key + "' and '"
                        + value + "', got " + Values.repr(Values.toPlain(list)) + " instead.");
            }
            out.put(m.get(key), m.get(value));
        }
        return out;
    }

    static Object dict2pairs(Object v) {
        List<Object> out = new ArrayList<>();
        Values.map(v, "items").forEach((k, val) -> out.add(new ArrayList<>(java.util.Arrays.asList(k, val))));
        return out;
    }

    static Object pairs2dict(Object v) {
        if (v instanceof Map) return v;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object pair : Values.list(v, "dict")) {
            List<Object> kv = Values.list(Values.unwrap(pair), "dict");
            if (kv.size() != 2) throw new FilterException("dict expects pairs, got an item of length " + kv.size());
            out.put(kv.get(0), kv.get(1));
        }
        return out;
    }

    private static List<Object> chars(CharSequence s) {
        List<Object> out = new ArrayList<>();
        s.chars().forEach(c -> out.add(String.valueOf((char) c)));
        return out;
    }

    /** Python's zip: pairs (as lists) up to the shortest input. */
    static Object zip(Object v, Args a) {
        List<List<Object>> inputs = new ArrayList<>();
        inputs.add(Values.list(v, "zip"));
        for (Object other : a.positional()) inputs.add(Values.list(other, "zip"));
        int n = inputs.stream().mapToInt(List::size).min().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> tuple = new ArrayList<>();
            for (List<Object> in : inputs) tuple.add(in.get(i));
            out.add(tuple);
        }
        return out;
    }

    /** {@code flatten(levels=None, skip_nulls=True)}. */
    static Object flatten(Object v, Args a) {
        Object levels = a.get(0, "levels");
        List<Object> out = new ArrayList<>();
        List<?> items = v instanceof CharSequence s ? chars(s) : Values.list(v, "flatten"); // Python iterates a string
        flattenInto(out, items, levels instanceof Number n ? n.intValue() : Integer.MAX_VALUE,
                a.bool(1, "skip_nulls", true));
        return out;
    }

    // as Ansible's, skip_nulls drops the strings 'None' and 'null' too (YAML's None is one)
    private static void flattenInto(List<Object> out, List<?> items, int levels, boolean skipNulls) {
        for (Object item : items) {
            if (skipNulls && (item == null || "None".equals(item) || "null".equals(item))) continue;
            if (item instanceof List<?> l && levels > 0) flattenInto(out, l, levels - 1, skipNulls);
            else out.add(item);
        }
    }

    static Object union(Object v, Object other) {
        List<Object> all = iterable(v, "union");
        all.addAll(iterable(other, "union"));
        return distinct(all);
    }

    /** Jinja's {@code slice(slices, fill_with=None)}: the items cut into that many columns, the first ones one longer. */
    private static Object slice(Object v, Args a) {
        List<Object> items = iterable(v, "slice");
        int slices = a.integer(0, "slices", 0);
        if (slices <= 0) throw new FilterException("slice: slices must be a positive number");
        Object fill = a.get(1, "fill_with", null);
        int per = items.size() / slices;
        int withExtra = items.size() % slices;
        List<Object> out = new ArrayList<>();
        int offset = 0;
        for (int n = 0; n < slices; n++) {
            int start = offset + n * per;
            if (n < withExtra) offset++;
            List<Object> column = new ArrayList<>(items.subList(start, offset + (n + 1) * per));
            if (fill != null && n >= withExtra) column.add(fill);
            out.add(column);
        }
        return out;
    }

    /** A list's items; a string's characters, as Python iterates it (the set filters take both). */
    static List<Object> iterable(Object v, String filter) {
        return v instanceof CharSequence s ? chars(s) : Values.list(v, filter);
    }

    /**
     * Ansible 2.14's {@code unique(case_sensitive=None, attribute=None)}: Jinja's, which compares
     * strings ignoring case unless {@code case_sensitive} is true and may compare an attribute; for
     * items it cannot hash (mappings, lists) Ansible's own by ==, which takes neither parameter.
     */
    static Object unique(Object v, Args a) {
        if (!(v instanceof CharSequence || v instanceof Map || v instanceof java.util.Collection || v instanceof Object[])) {
            throw FilterException.typeError("'" + TypeFilters.pythonType(v) + "' object is not iterable");
        }
        Object caseSensitive = a.get(0, "case_sensitive");
        Object attribute = a.get(1, "attribute");
        boolean ignoreCase = !Boolean.TRUE.equals(caseSensitive) && !"True".equals(String.valueOf(caseSensitive));
        List<Object> items = iterable(v, "unique");
        List<Object> keys = new ArrayList<>();
        for (Object item : items) {
            Object key = attribute == null ? item : item instanceof Map<?, ?> m ? m.get(String.valueOf(attribute)) : null;
            if (key instanceof Map || key instanceof java.util.Collection) {
                if (Boolean.FALSE.equals(caseSensitive) || attribute != null) {
                    throw new FilterException("Jinja2's unique filter failed and we cannot fall back to Ansible's version "
                            + "as it does not support the parameters supplied");
                }
                return distinct(items);
            }
            keys.add(ignoreCase && key instanceof CharSequence text ? text.toString().toLowerCase(java.util.Locale.ROOT) : key);
        }
        List<Object> out = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (Values.contains(seen, keys.get(i))) continue;
            seen.add(keys.get(i));
            out.add(items.get(i));
        }
        return out;
    }

    /** Items once each, in order, by Python's == (so 1 and 1L are the same item). */
    static List<Object> distinct(List<?> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) if (!Values.contains(out, item)) out.add(item);
        return out;
    }

    /** Items of {@code v} (once each, in order) that are (intersect) or are not (difference) in {@code other}. */
    static Object difference(Object v, Object other, boolean keepCommon) {
        List<Object> others = iterable(other, keepCommon ? "intersect" : "difference");
        List<Object> out = new ArrayList<>();
        for (Object item : distinct(iterable(v, keepCommon ? "intersect" : "difference"))) {
            if (Values.contains(others, item) == keepCommon) out.add(item);
        }
        return out;
    }

    static Object length(Object v) {
        if (v instanceof CharSequence s) return s.length();
        if (v instanceof Map<?, ?> m) return m.size();
        if (v instanceof Collection<?> c) return c.size();
        throw FilterException.typeError("object of type '" + TypeFilters.pythonType(v) + "' has no len()");
    }

    static Object edge(Object v, boolean first) {
        if (v instanceof CharSequence s) return s.length() == 0 ? null : String.valueOf(s.charAt(first ? 0 : s.length() - 1));
        List<Object> items = Values.list(v, first ? "first" : "last");
        return items.isEmpty() ? null : items.get(first ? 0 : items.size() - 1);
    }

    static Object extreme(Object v, Args a, int sign) {
        List<Object> items = Values.list(v, sign < 0 ? "min" : "max");
        if (items.isEmpty()) return null;
        Comparator<Object> order = order(a.string(-1, "attribute", null));
        return sign < 0 ? items.stream().min(order).orElseThrow() : items.stream().max(order).orElseThrow();
    }

    /** {@code sort(reverse=False, case_sensitive=False, attribute=None)}. */
    static Object sort(Object v, Args a) {
        List<Object> items = iterable(v, "sort");
        Comparator<Object> order = order(a.string(2, "attribute", null));
        if (!a.bool(1, "case_sensitive", false)) order = caseInsensitive(order, a.string(2, "attribute", null));
        items.sort(a.bool(0, "reverse", false) ? order.reversed() : order);
        return items;
    }

    private static Comparator<Object> caseInsensitive(Comparator<Object> fallback, String attribute) {
        return (x, y) -> {
            Object l = attribute == null ? x : Values.attribute(x, attribute);
            Object r = attribute == null ? y : Values.attribute(y, attribute);
            if (l instanceof CharSequence && r instanceof CharSequence) return l.toString().compareToIgnoreCase(r.toString());
            return fallback.compare(x, y);
        };
    }

    /** Natural order of numbers, strings and booleans (optionally of an attribute); mixed types fail. */
    static Comparator<Object> order(String attribute) {
        return (x, y) -> {
            Object l = attribute == null ? x : Values.attribute(x, attribute);
            Object r = attribute == null ? y : Values.attribute(y, attribute);
            if (l instanceof Undefined u || r instanceof Undefined u2) {
                throw new FilterException("cannot order items by '" + attribute + "': some items do not have it");
            }
            if (l instanceof Number a && r instanceof Number b) return Double.compare(a.doubleValue(), b.doubleValue());
            if (l instanceof CharSequence && r instanceof CharSequence) return l.toString().compareTo(r.toString());
            if (l instanceof Boolean a && r instanceof Boolean b) return a.compareTo(b);
            throw new FilterException("cannot order a " + Values.typeName(l) + " and a " + Values.typeName(r));
        };
    }

    static Object reverse(Object v, Args a) {
        if (v instanceof CharSequence s) return new StringBuilder(s).reverse().toString();
        List<Object> items = Values.list(v, "reverse");
        java.util.Collections.reverse(items);
        return items;
    }

    static Object sum(Object v, Args a) {
        String attribute = a.string(-1, "attribute", null);
        Object start = a.get(1, "start", 0);
        if (!(start instanceof Number)) throw new FilterException("sum expects a number as start, got a " + Values.typeName(start));
        double total = ((Number) start).doubleValue();
        boolean integral = start instanceof Integer || start instanceof Long;
        for (Object item : Values.list(v, "sum")) {
            Object n = attribute == null ? item : Values.attribute(item, attribute);
            if (!(n instanceof Number num)) throw new FilterException("sum expects numbers, got a " + Values.typeName(n));
            integral &= n instanceof Integer || n instanceof Long;
            total += num.doubleValue();
        }
        return integral ? Values.integral((long) total) : (Object) total;
    }

    static Object abs(Object v) {
        if (v instanceof Integer || v instanceof Long) return Values.integral(Math.abs(((Number) v).longValue()));
        if (v instanceof Number n) return Math.abs(n.doubleValue());
        throw new FilterException("abs expects a number, got a " + Values.typeName(v));
    }

    /** {@code round(precision=0, method='common'|'ceil'|'floor')}: a float, as in Jinja. */
    static Object round(Object v, Args a) {
        if (!(v instanceof Number n)) throw new FilterException("round expects a number, got a " + Values.typeName(v));
        double scale = Math.pow(10, a.integer(0, "precision", 0));
        double x = n.doubleValue() * scale;
        String method = a.string(1, "method", "common");
        double r = method.equals("ceil") ? Math.ceil(x) : method.equals("floor") ? Math.floor(x)
                : Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
        return r / scale;
    }
}
