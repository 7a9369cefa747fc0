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

    public synchronized Counts host(String name) {
        return hosts.computeIfAbsent(name, n -> new Counts());
    }

    public synchronized Map<String, Counts> hosts() {
        return new LinkedHashMap<>(hosts);
    }

    public synchronized int total(java.util.function.ToIntFunction<Counts> counter) {
        return hosts.values().stream().mapToInt(counter).sum();
    }

    /** The recap line in Ansible's exact format (without colour). */
    public static String line(String host, Counts c) {
        return String.format("%-26s : ok=%-4s changed=%-4s unreachable=%-4s failed=%-4s skipped=%-4s rescued=%-4s ignored=%-4s",
                host, c.ok, c.changed, c.unreachable, c.failed, c.skipped, c.rescued, c.ignored);
    }
}
