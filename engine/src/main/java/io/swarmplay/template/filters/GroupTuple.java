package io.swarmplay.template.filters;

import com.hubspot.jinjava.objects.collections.PyList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One group of Jinja's {@code groupby} filter: a pair {@code (grouper, list)} that unpacks in
 * {@code {% for key, items in ... %}}, indexes as {@code [0]}/{@code [1]}, has the attributes
 * {@code grouper} and {@code list}, and prints as a two-item list, as Ansible shows the tuple.
 */
public final class GroupTuple extends PyList {

    GroupTuple(Object grouper, List<Object> items) {
        super(new ArrayList<>(Arrays.asList(grouper, items)));
    }

    public Object grouper() {
        return get(0);
    }

    public Object list() {
        return get(1);
    }

    /**
     * {@code groupby(attribute, default=None, case_sensitive=False)} (Jinja 3.1): items sorted by the
     * attribute, grouped by equal values; without case sensitivity strings group by lower case and
     * the grouper is the first item's own value.
     */
    static Object groupby(Object value, Args args) {
        String attribute = Values.str(args.get(0, "attribute"));
        Object fallback = args.get(1, "default");
        boolean caseSensitive = args.bool(2, "case_sensitive", false);
        Function<Object, Object> key = item -> keyOf(item, attribute, fallback);
        Function<Object, Object> compared = caseSensitive ? key : item -> lower(key.apply(item));
        List<Object> items = Values.list(value, "groupby");
        Comparator<Object> order = CollectionFilters.order(null);
        items.sort((x, y) -> order.compare(compared.apply(x), compared.apply(y)));
        List<Object> groups = new ArrayList<>();
        List<Object> current = null;
        Object currentKey = null;
        for (Object item : items) {
            Object k = compared.apply(item);
            if (current == null || !Values.same(k, currentKey)) {
                current = new ArrayList<>();
                currentKey = k;
                groups.add(new GroupTuple(key.apply(item), current));
            }
            current.add(item);
        }
        return groups;
    }

    private static Object keyOf(Object item, String attribute, Object fallback) {
        Object k = Values.attribute(item, attribute);
        if (!(k instanceof Undefined)) return k;
        if (fallback != null) return fallback;
        throw new FilterException("groupby: an item has no '" + attribute + "'",
                "give a default: groupby('" + attribute + "', default='...')");
    }

    private static Object lower(Object key) {
        return key instanceof CharSequence s ? s.toString().toLowerCase() : key;
    }
}
