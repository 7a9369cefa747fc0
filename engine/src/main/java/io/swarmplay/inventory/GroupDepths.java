package io.swarmplay.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Depth of each group below the root: the longest path from {@code all}, as Ansible counts it. */
final class GroupDepths {

    private GroupDepths() {
    }

    static Map<String, Integer> of(String root, Function<String, Collection<String>> children) {
        Map<String, Integer> depths = new HashMap<>();
        visit(root, 0, children, depths, new HashSet<>());
        return depths;
    }

    private static void visit(String group, int depth, Function<String, Collection<String>> children,
                              Map<String, Integer> depths, Set<String> path) {
        if (!path.add(group)) return; // a cycle; reported by the loader
        if (depths.getOrDefault(group, -1) < depth) depths.put(group, depth);
        for (String child : children.apply(group)) visit(child, depth + 1, children, depths, path);
        path.remove(group);
    }
}
