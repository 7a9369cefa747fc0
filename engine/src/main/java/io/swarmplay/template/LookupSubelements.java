package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible 2.14's {@code subelements} lookup: terms {@code [list-or-dict, 'key.path', {skip_missing: bool}]}
 * give {@code [item, sub]} for each element of the list the path names in each item; the item
 * given is a copy without that list, as Ansible's plugin pops it. Items marked {@code skipped}
 * (a skipped registered result) are left out; the error messages are Ansible's.
 */
final class LookupSubelements {

    private static final String TERMS_ERROR = "subelements lookup expects a list of two or three items, ";
    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t", "1.0");

    private LookupSubelements() {
    }

    static List<Object> subelements(List<Object> terms, Map<String, Object> options, Context context) {
        if (terms.size() < 2 || terms.size() > 3) throw new LookupError(TERMS_ERROR, null);
        Object source = listify(terms.get(0));
        if (!(source instanceof List<?> || source instanceof Map<?, ?>) || !(terms.get(1) instanceof String path)) {
            throw new LookupError(TERMS_ERROR + "first a dict or a list, second a string pointing to the subkey", null);
        }
        if (source instanceof Map<?, ?> m && isSkipped(m)) return new ArrayList<>();
        List<?> items = source instanceof Map<?, ?> m ? new ArrayList<>(m.values()) : (List<?>) source;
        boolean skipMissing = skipMissing(terms.size() == 3 ? terms.get(2) : Map.of());
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) throw new LookupError("subelements lookup expects a dictionary, got '" + Values.str(item) + "'", null);
            if (isSkipped(map)) continue;
            Map<String, Object> copy = copyOf(map);
            for (Object sub : popList(copy, path.split("\\.", -1), skipMissing)) out.add(new ArrayList<>(List.of(copy, sub)));
        }
        return out;
    }

    /** Ansible makes a list of a first term that is neither a list nor a mapping, so its item is refused as not a dictionary. */
    private static Object listify(Object first) {
        return first instanceof List<?> || first instanceof Map<?, ?> ? first : List.of(first);
    }

    /** Follows the path in {@code item} and removes the list at its end; skipped parts leave none. */
    @SuppressWarnings("unchecked")
    private static List<?> popList(Map<String, Object> item, String[] path, boolean skipMissing) {
        Map<String, Object> value = item;
        boolean last = false;
        for (String key : path) {
            last = last || key.equals(path[path.length - 1]);
            if (!value.containsKey(key)) {
                if (skipMissing) continue;
                throw new LookupError("could not find '" + key + "' key in iterated item '" + Values.str(value) + "'", null);
            }
            Object next = value.get(key);
            if (last) {
                if (!(next instanceof List<?> list)) throw new LookupError("the key " + key + " should point to a list, got '" + Values.str(next) + "'", null);
                value.remove(key);
                return list;
            }
            if (next instanceof Map<?, ?>) value = (Map<String, Object>) next;
            else if (!skipMissing) throw new LookupError("the key " + key + " should point to a dictionary, got '" + Values.str(next) + "'", null);
        }
        return List.of();
    }

    private static boolean skipMissing(Object flags) {
        if (!(flags instanceof Map<?, ?> map)) {
            throw new LookupError(TERMS_ERROR + "the optional third item must be a dict with flags skip_missing", null);
        }
        Object value = map.get("skip_missing");
        return value != null && TRUE_WORDS.contains(Values.str(value).toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isSkipped(Map<?, ?> map) {
        Object skipped = map.get("skipped");
        return skipped != null && !Boolean.FALSE.equals(skipped);
    }

    /** A copy deep enough that removing the list leaves the caller's value as it was. */
    private static Map<String, Object> copyOf(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v instanceof Map<?, ?> m ? copyOf(m) : v));
        return copy;
    }
}
