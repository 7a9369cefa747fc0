package io.swarmplay.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Depth of each group below the root (the longest path from {@code all}, as Ansible counts it) and
 * the first cycle among groups. Both walk each group and edge once, without recursion: a chain of
 * thousands of groups, or a lattice with exponentially many paths, costs no more than its size.
 */
final class GroupDepths {

    private GroupDepths() {
    }

    static Map<String, Integer> of(String root, Function<String, Collection<String>> children) {
        Walk walk = new Walk(children);
        walk.from(root);
        List<String> order = new ArrayList<>(walk.postorder);
        Collections.reverse(order); // a topological order once back edges (cycles, reported elsewhere) are ignored
        Map<String, Integer> depths = new HashMap<>();
        depths.put(root, 0);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
        for (String group : order) {
            Integer depth = depths.get(group);
            if (depth == null) continue;
            for (String child : children.apply(group)) {
                if (position.getOrDefault(child, -1) <= position.get(group)) continue; // a back edge
                depths.merge(child, depth + 1, Math::max);
            }
        }
        return depths;
    }

    /** Every group, each after all its children (edges closing a cycle are ignored). */
    static List<String> childrenFirst(Collection<String> groups, Function<String, Collection<String>> children) {
        Walk walk = new Walk(children);
        for (String g : groups) if (!walk.done.contains(g)) walk.from(g);
        return walk.postorder;
    }

    /** The first cycle reachable from {@code root}, as the groups along it with the first one repeated at the end. */
    static Optional<List<String>> cycle(String root, Function<String, Collection<String>> children) {
        Walk walk = new Walk(children);
        walk.from(root);
        return Optional.ofNullable(walk.cycle);
    }

    /** An iterative depth-first walk recording postorder and the first back edge's cycle. */
    private static final class Walk {
        private final Function<String, Collection<String>> children;
        private final Set<String> done = new HashSet<>();
        private final List<String> postorder = new ArrayList<>();
        private List<String> cycle;

        Walk(Function<String, Collection<String>> children) {
            this.children = children;
        }

        void from(String root) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            Set<String> onPath = new HashSet<>();
            path.push(root);
            onPath.add(root);
            pending.push(children.apply(root).iterator());
            while (!pending.isEmpty()) {
                Iterator<String> next = pending.peek();
                if (!next.hasNext()) {
                    String group = path.pop();
                    pending.pop();
                    onPath.remove(group);
                    done.add(group);
                    postorder.add(group);
                    continue;
                }
                String child = next.next();
                if (onPath.contains(child)) {
                    if (cycle == null) cycle = cycleTo(child, path);
                } else if (!done.contains(child)) {
                    path.push(child);
                    onPath.add(child);
                    pending.push(children.apply(child).iterator());
                }
            }
        }

        private static List<String> cycleTo(String child, Deque<String> path) {
            List<String> loop = new ArrayList<>();
            for (Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
                String g = it.next();
                if (g.equals(child) || !loop.isEmpty()) loop.add(g);
            }
            loop.add(child);
            return loop;
        }
    }
}
