package io.swarmplay.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value with the position it was written at, as read by {@link YamlReader}. Loaders walk
 * this tree so every message can point at a key or a value; {@link #value()} gives the plain Java
 * value (LinkedHashMap with String keys, ArrayList, String, Integer/Long, Double, Boolean, null).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** Where the node starts. */
    SourcePosition at();

    /** The plain Java value of this node and everything below it (a fresh copy on each call). */
    Object value();

    /** "a string", "a list", "a mapping", ... for messages. */
    String kind();

    /**
     * A scalar.
     *
     * @param value  the typed value (String, Integer, Long, Double, Boolean or null)
     * @param text   the scalar's text as written, without quotes
     * @param quoted true when written in quotes or as a block scalar (then it is always a string)
     * @param width  length of the scalar on its first line, for carets
     */
    record Scalar(Object value, String text, boolean quoted, SourcePosition at, int width) implements YamlNode {

        @Override
        public String kind() {
            if (value == null) return "null";
            if (value instanceof Boolean) return "a boolean";
            if (value instanceof Number) return "a number";
            return "a string";
        }

        /** The value as a string: the text for strings, {@code String.valueOf} otherwise, null for null. */
        public String string() {
            return value == null ? null : value instanceof String s ? s : text;
        }
    }

    /** A sequence (YAML list). */
    record Sequence(List<YamlNode> items, SourcePosition at) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public Object value() {
            List<Object> list = new ArrayList<>(items.size());
            for (YamlNode item : items) list.add(item.value());
            return list;
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** One {@code key: value} pair of a mapping; {@code name} is the key's text. */
    record Entry(String name, YamlNode key, YamlNode value) {
    }

    /** A mapping, in the order written; merge keys ({@code <<}) are already resolved. */
    record Mapping(List<Entry> entries, SourcePosition at) implements YamlNode {

        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The entry for {@code name} (the last one when the key was written twice). */
        public Optional<Entry> entry(String name) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).name().equals(name)) return Optional.of(entries.get(i));
            }
            return Optional.empty();
        }

        /** The value node for {@code name}, or null when absent. */
        public YamlNode get(String name) {
            return entry(name).map(Entry::value).orElse(null);
        }

        public boolean has(String name) {
            return entry(name).isPresent();
        }

        @Override
        public Map<String, Object> value() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Entry e : entries) map.put(e.name(), e.value().value());
            return map;
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }
}
