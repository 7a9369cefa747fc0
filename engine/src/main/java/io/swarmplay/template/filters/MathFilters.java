package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code mathstuff} filters: set operations ({@code symmetric_difference}), itertools
 * ({@code product}, {@code permutations}, {@code combinations}, {@code zip_longest}), logarithms
 * and powers, byte sizes ({@code human_readable}, {@code human_to_bytes}), {@code rekey_on_member},
 * plus {@code extract}, {@code subelements} and {@code shuffle}.
 */
public final class MathFilters {

    private MathFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("symmetric_difference", (v, a) -> symmetricDifference(v, a.get(0, null))),
                AnsibleFilter.of("product", MathFilters::product),
                AnsibleFilter.of("permutations", (v, a) -> arrangements(v, a, true)),
                AnsibleFilter.of("combinations", (v, a) -> arrangements(v, a, false)),
                AnsibleFilter.of("zip_longest", MathFilters::zipLongest),
                AnsibleFilter.of("log", (v, a) -> Math.log(real("log", v)) / (a.has(0, "base") ? Math.log(real("log", a.get(0, "base"))) : 1)),
                AnsibleFilter.of("pow", (v, a) -> Math.pow(real("pow", v), real("pow", a.get(0, "y")))),
                AnsibleFilter.of("root", (v, a) -> root(real("root", v), a.has(0, "base") ? real("root", a.get(0, "base")) : 2)),
                AnsibleFilter.of("human_readable", ByteSizes::humanReadable),
                AnsibleFilter.of("human_to_bytes", ByteSizes::humanToBytes),
                AnsibleFilter.of("rekey_on_member", MathFilters::rekeyOnMember),
                AnsibleFilter.of("extract", MathFilters::extract),
                AnsibleFilter.of("subelements", MathFilters::subelements),
                AnsibleFilter.of("shuffle", (v, a) -> {
                    Object value = Values.unwrap(v);
                    // Ansible's randomize_list: a value list() cannot take is returned as it is
                    boolean iterable = value instanceof CharSequence || value instanceof java.util.Collection<?>
                            || value instanceof java.util.Map<?, ?> || value instanceof Object[];
                    if (!iterable) return v;
                    List<Object> items = CollectionFilters.iterable(value, "shuffle");
                    Object seed = a.get(0, "seed");
                    if (seed != null && Values.truthy(seed)) return new PyRandom(seed).shuffled(items);
                    Collections.shuffle(items);
                    return items;
                }));
    }

    /** Python's math functions take numbers only, not numeric strings; the message is Ansible's. */
    private static double real(String filter, Object v) {
        Object value = Values.unwrap(v);
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof Boolean b) return b ? 1 : 0;
        throw new FilterException(filter + "() can only be used on numbers: must be real number, not " + TypeFilters.pythonType(value));
    }

    private static double number(Object v) {
        Object value = Values.unwrap(v);
        if (value instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(Values.str(value).strip());
        } catch (NumberFormatException e) {
            throw new FilterException("can only work on numbers, got " + Values.repr(value));
        }
    }

    private static double root(double x, double base) {
        return base == 2 ? Math.sqrt(x) : Math.pow(x, 1.0 / base);
    }

    static List<Object> symmetricDifference(Object a, Object b) {
        List<Object> left = CollectionFilters.iterable(Values.unwrap(a), "symmetric_difference");
        List<Object> right = CollectionFilters.iterable(Values.unwrap(b), "symmetric_difference");
        List<Object> out = new ArrayList<>();
        for (Object x : left) if (!Values.contains(right, x) && !Values.contains(out, x)) out.add(x);
        for (Object x : right) if (!Values.contains(left, x) && !Values.contains(out, x)) out.add(x);
        return out;
    }

    private static List<Object> product(Object v, Args a) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Values.list(Values.unwrap(v), "product"));
        for (Object other : a.positional()) lists.add(Values.list(Values.unwrap(other), "product"));
        int repeat = a.integer(-1, "repeat", 1);
        List<List<Object>> pools = new ArrayList<>();
        for (int r = 0; r < repeat; r++) pools.addAll(lists);
        List<List<Object>> result = new ArrayList<>(List.of(List.of()));
        for (List<Object> pool : pools) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : result) {
                for (Object item : pool) {
                    List<Object> row = new ArrayList<>(prefix);
                    row.add(item);
                    next.add(row);
                }
            }
            result = next;
        }
        return new ArrayList<>(result);
    }

    private static List<Object> arrangements(Object v, Args a, boolean ordered) {
        List<Object> items = Values.list(Values.unwrap(v), ordered ? "permutations" : "combinations");
        Object r = a.get(0, "r");
        int size = r == null ? items.size() : (int) number(r);
        List<Object> out = new ArrayList<>();
        arrange(items, size, ordered, new ArrayList<>(), new boolean[items.size()], 0, out);
        return out;
    }

    private static void arrange(List<Object> items, int size, boolean ordered, List<Object> current, boolean[] used,
                                int from, List<Object> out) {
        if (current.size() == size) {
            out.add(new ArrayList<>(current));
            return;
        }
        for (int i = ordered ? 0 : from; i < items.size(); i++) {
            if (used[i]) continue;
            used[i] = true;
            current.add(items.get(i));
            arrange(items, size, ordered, current, used, i + 1, out);
            current.remove(current.size() - 1);
            used[i] = false;
        }
    }

    private static List<Object> zipLongest(Object v, Args a) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Values.list(Values.unwrap(v), "zip_longest"));
        for (Object other : a.positional()) lists.add(Values.list(Values.unwrap(other), "zip_longest"));
        Object fill = a.get(-1, "fillvalue");
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> list : lists) row.add(i < list.size() ? list.get(i) : fill);
            out.add(row);
        }
        return out;
    }

    /** A list of mappings → a mapping keyed by each one's {@code key} member. */
    private static Map<Object, Object> rekeyOnMember(Object v, Args a) {
        Object data = Values.unwrap(v);
        Object key = a.get(0, "key");
        String duplicates = a.string(1, "duplicates", "error");
        if (!duplicates.equals("error") && !duplicates.equals("overwrite")) {
            throw new FilterException("duplicates parameter to rekey_on_member has unknown value: " + duplicates);
        }
        if (!(data instanceof Map || data instanceof Iterable)) throw new FilterException("Type is not a valid list, set, or dict");
        Map<Object, Object> out = new LinkedHashMap<>();
        Iterable<?> items = data instanceof Map<?, ?> m ? m.values() : (Iterable<?>) data;
        for (Object item : items) {
            if (!(Values.unwrap(item) instanceof Map<?, ?> member)) {
                throw new FilterException("List item is not a valid dict");
            }
            if (!member.containsKey(key)) throw new FilterException("Key " + key + " was not found");
            Object k = member.get(key);
            if (out.containsKey(k) && duplicates.equals("error")) throw new FilterException("Key " + k + " is not unique, cannot correctly turn into dict");
            if (!out.containsKey(k) || duplicates.equals("overwrite")) out.put(k, member);
        }
        return out;
    }

    /** {@code key | extract(container, morekeys)}: {@code container[key]}, then each of morekeys deeper. */
    private static Object extract(Object v, Args a) {
        Object value = index(Values.unwrap(a.get(0, "container")), Values.unwrap(v), a);
        Object more = Values.unwrap(a.get(1, "morekeys"));
        if (more == null) return value;
        for (Object key : more instanceof List<?> l ? l : List.of(more)) {
            if (value instanceof Undefined) return value;
            value = index(value, key, a);
        }
        return value;
    }

    // a missing key gives Jinja's undefined value, as container[key] does: `| default` handles it
    private static Object index(Object container, Object key, Args a) {
        Object c = Values.unwrap(container);
        if (c instanceof Map<?, ?> m) return m.containsKey(key) ? m.get(key) : a.scope().missingKey(m, key);
        if (c instanceof List<?> l && key instanceof Number n && n.intValue() < l.size()) return l.get(n.intValue());
        throw new FilterException("extract: cannot index " + Values.typeName(c) + " with " + Values.repr(key));
    }

    /**
     * Ansible's {@code subelements(obj, subelements, skip_missing=False)}: each item of a list (or
     * value of a mapping) paired with each entry of the list at the dotted key path, as tuples.
     */
    private static List<Object> subelements(Object v, Args a) {
        Object obj = Values.unwrap(v);
        List<Object> items;
        if (obj instanceof Map<?, ?> m) items = new ArrayList<>(m.values());
        else if (obj instanceof List<?> l) items = new ArrayList<>(l);
        else throw new FilterException("obj must be a list of dicts or a nested dict");
        Object keys = Values.unwrap(a.get(0, "subelements"));
        List<Object> path;
        if (keys instanceof List<?> l) path = new ArrayList<>(l);
        else if (keys instanceof CharSequence s) path = new ArrayList<>(List.of((Object[]) s.toString().split("\\.", -1)));
        else throw FilterException.typeError("subelements must be a list or a string");
        boolean skipMissing = a.bool(1, "skip_missing", false);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object values = subelementsOf(item, path, skipMissing);
            if (!(values instanceof List<?> subs)) {
                Object last = path.isEmpty() ? null : path.get(path.size() - 1);
                throw FilterException.typeError("the key " + Values.repr(last) + " should point to a list, got " + Values.repr(Values.toPlain(values)));
            }
            for (Object sub : subs) out.add(new PyTuple(new ArrayList<>(java.util.Arrays.asList(item, sub))));
        }
        return out;
    }

    /** {@code item[k1][k2]...} as Python indexes: a missing key is a KeyError, a value that is no mapping a TypeError. */
    private static Object subelementsOf(Object item, List<Object> path, boolean skipMissing) {
        Object values = Values.unwrap(item);
        for (Object key : path) {
            if (values instanceof List<?> l && key instanceof Integer i && i >= -l.size() && i < l.size()) {
                values = Values.unwrap(l.get(i < 0 ? l.size() + i : i));
                continue;
            }
            if (!(values instanceof Map<?, ?> m)) {
                throw FilterException.typeError("the key " + Values.str(key) + " should point to a dictionary, got '" + Values.str(Values.toPlain(values)) + "'");
            }
            if (!m.containsKey(key)) {
                if (skipMissing) return List.of();
                throw new FilterException("could not find " + Values.repr(key) + " key in iterated item " + Values.repr(Values.toPlain(m)));
            }
            values = Values.unwrap(m.get(key));
        }
        return values;
    }
}
