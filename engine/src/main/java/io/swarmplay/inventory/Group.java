package io.swarmplay.inventory;

import java.util.List;
import java.util.Map;

/**
 * A group: its variables (inventory-file group vars, then {@code group_vars/<name>} over them), of
 * which {@code fileVars} came from {@code group_vars/} files, its direct hosts and child groups,
 * and its depth below {@code all} (0 for {@code all}).
 */
public record Group(String name, Map<String, Object> vars, List<String> hosts, List<String> children, int depth,
                    Map<String, Object> fileVars) {

    public Group {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        hosts = List.copyOf(hosts);
        children = List.copyOf(children);
        fileVars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fileVars));
    }

    public Group(String name, Map<String, Object> vars, List<String> hosts, List<String> children, int depth) {
        this(name, vars, hosts, children, depth, Map.of());
    }

    /** The variables written in the inventory file itself (not in a {@code group_vars/} file). */
    public Map<String, Object> inlineVars() {
        Map<String, Object> inline = new java.util.LinkedHashMap<>(vars);
        inline.keySet().removeAll(fileVars.keySet());
        return inline;
    }
}
