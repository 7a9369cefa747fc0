package io.swarmplay.inventory;

import java.util.List;
import java.util.Map;

/**
 * A group: its own variables (inventory-file group vars, then {@code group_vars/<name>} over them),
 * its direct hosts and child groups, and its depth below {@code all} (0 for {@code all}).
 */
public record Group(String name, Map<String, Object> vars, List<String> hosts, List<String> children, int depth) {

    public Group {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        hosts = List.copyOf(hosts);
        children = List.copyOf(children);
    }
}
