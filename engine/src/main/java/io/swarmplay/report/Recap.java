package io.swarmplay.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-host counts as in Ansible's {@code PLAY RECAP}, in inventory order. */
public final class Recap {

    /** The counters of one host. */
    public static final class Counts {
        public int ok;
        public int changed;
        public int unreachable;
        public int failed;
        public int skipped;
        public int rescued;
        public int ignored;
    }

    private final Map<String, Counts> hosts = new LinkedHashMap<>();
    /** set_stats' custom statistics: per host, and for the whole run under {@link #RUN}. */
    private final Map<String, Map<String, Object>> custom = new java.util.TreeMap<>();
    public static final String RUN = "_run";

    public synchronized Counts host(String name) {
        return hosts.computeIfAbsent(name, n -> new Counts());
    }

    public synchronized Map<String, Counts> hosts() {
        return new LinkedHashMap<>(hosts);
    }

    public synchronized int total(java.util.function.ToIntFunction<Counts> counter) {
        return hosts.values().stream().mapToInt(counter).sum();
    }

    /**
     * Adds set_stats' {@code data} for {@code host} (or {@link #RUN}) as Ansible's AggregateStats does:
     * with {@code aggregate}, a value of the same type as the one there is merged (mappings) or added
     * (numbers, strings, lists: Python's {@code +}); a value of another type is left out; without
     * {@code aggregate}, or for a new key, the value replaces.
     */
    @SuppressWarnings("unchecked")
    public synchronized void addCustom(String host, Map<String, Object> data, boolean aggregate) {
        Map<String, Object> stats = custom.computeIfAbsent(host, h -> new java.util.TreeMap<>());
        data.forEach((key, value) -> {
            Object before = stats.get(key);
            if (!aggregate || before == null) stats.put(key, value);
            else if (before instanceof Map<?, ?> m && value instanceof Map<?, ?> v) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) m);
                merged.putAll((Map<String, Object>) v);
                stats.put(key, merged);
            } else if (before instanceof java.util.List<?> l && value instanceof java.util.List<?> v) {
                java.util.List<Object> joined = new java.util.ArrayList<>(l);
                joined.addAll(v);
                stats.put(key, joined);
            } else if (before instanceof String b && value instanceof String v) stats.put(key, b + v);
            else if (isInteger(before) && isInteger(value)) stats.put(key, ((Number) before).longValue() + ((Number) value).longValue());
            else if (before instanceof Double b && value instanceof Double v) stats.put(key, b + v);
        });
    }

    private static boolean isInteger(Object o) {
        return o instanceof Integer || o instanceof Long;
    }

    /** The custom statistics by host name ({@link #RUN} for the run's), sorted. */
    public synchronized Map<String, Map<String, Object>> custom() {
        return new java.util.TreeMap<>(custom);
    }

    /** The recap line in Ansible's exact format (without colour). */
    public static String line(String host, Counts c) {
        return String.format("%-26s : ok=%-4s changed=%-4s unreachable=%-4s failed=%-4s skipped=%-4s rescued=%-4s ignored=%-4s",
                host, c.ok, c.changed, c.unreachable, c.failed, c.skipped, c.rescued, c.ignored);
    }
}
