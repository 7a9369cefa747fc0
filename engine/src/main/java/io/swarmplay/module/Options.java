package io.swarmplay.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The values given for an {@link ArgTable}'s arguments, converted, by their main name; absent ones are missing. */
public final class Options {

    private final Map<String, Object> values;

    public Options(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code name}, or null when not given. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        return (T) values.get(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
