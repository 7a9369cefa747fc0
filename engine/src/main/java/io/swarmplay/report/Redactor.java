package io.swarmplay.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks secrets in everything reporters print: values modules mark secret (join tokens, keys)
 * and the string values of {@code no_log} results. Thread-safe.
 */
public final class Redactor {

    public static final String MASK = "********";
    /** Shorter strings are too common to mask without hiding ordinary words. */
    private static final int MIN_LENGTH = 6;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public void add(String secret) {
        if (secret == null) return;
        String s = secret.strip();
        if (s.length() >= MIN_LENGTH && !secrets.contains(s)) {
            secrets.add(s);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    public void addAll(Collection<String> values) {
        values.forEach(this::add);
    }

    /** Adds every string leaf of a value tree (for no_log results), one line at a time too. */
    public void addLeaves(Object value) {
        if (value instanceof Map<?, ?> map) map.values().forEach(this::addLeaves);
        else if (value instanceof Collection<?> list) list.forEach(this::addLeaves);
        else if (value instanceof String s) {
            add(s);
            for (String line : s.split("\n")) add(line);
        }
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) return text;
        String result = text;
        for (String secret : secrets) result = result.replace(secret, MASK);
        return result;
    }

    /** A copy of a value tree with every string masked. */
    public Object maskTree(Object value) {
        if (secrets.isEmpty()) return value;
        if (value instanceof String s) return mask(s);
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, maskTree(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) return list.stream().map(this::maskTree).toList();
        return value;
    }
}
