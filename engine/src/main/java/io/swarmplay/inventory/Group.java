package io.swarmplay.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group: the variables the inventory file gives it ({@code inlineVars}) and those of its
 * {@code group_vars/<name>} files ({@code fileVars}), its direct hosts and child groups, and its
 * depth below {@code all} (0 for {@code all}).
 */
public record Group(String name, Map<String, Object> inlineVars, Map<String, Object> fileVars, List<String> hosts,
                    List<String> children, int depth) {

    public Group {
        inlineVars = Collections.unmodifiableMap(new LinkedHashMap<>(inlineVars));
        fileVars = Collections.unmodifiableMap(new LinkedHashMap<>(fileVars));
        hosts = List.copyOf(hosts);
        children = List.copyOf(children);
    }

    /** The group's own variables: the inventory file's, then its {@code group_vars/} files' over them. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>(inlineVars);
        vars.putAll(fileVars);
        return Collections.unmodifiableMap(vars);
    }
}
