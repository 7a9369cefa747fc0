package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourcePosition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects hosts and groups from every inventory source, then {@link #build()}s the immutable
 * {@link Inventory}. Variables come in two layers per host and group: inventory-file vars (later
 * sources win) and {@code host_vars}/{@code group_vars} files over them.
 */
final class InventoryBuilder {

    private static final class HostDraft {
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> fileVars = new LinkedHashMap<>();
        final SourcePosition at;

        HostDraft(SourcePosition at) {
            this.at = at;
        }
    }

    private static final class GroupDraft {
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> fileVars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
    }

    private final Map<String, HostDraft> hosts = new LinkedHashMap<>();
    private final Map<String, GroupDraft> groups = new LinkedHashMap<>();
    private final Map<String, Object> localhostFileVars = new LinkedHashMap<>();
    private final Map<String, SourcePosition> edges = new HashMap<>(); // "parent\0child" -> where it was written
    private VarsDirs varsDirs = VarsDirs.NONE;
    private io.swarmplay.vars.HashBehaviour hashBehaviour = io.swarmplay.vars.HashBehaviour.REPLACE;

    InventoryBuilder() {
        group(Inventory.ALL);
        group(Inventory.UNGROUPED);
    }

    /** The directories whose {@code host_vars/} and {@code group_vars/} the inventory built keeps for run-time hosts and groups. */
    void varsDirs(VarsDirs dirs) {
        varsDirs = dirs;
    }

    VarsDirs varsDirs() {
        return varsDirs;
    }

    /** How a variable given twice (by two sources or files) combines: ansible.cfg's {@code hash_behaviour}. */
    void hashBehaviour(io.swarmplay.vars.HashBehaviour behaviour) {
        hashBehaviour = behaviour;
    }

    io.swarmplay.vars.HashBehaviour hashBehaviour() {
        return hashBehaviour;
    }

    void group(String name) {
        groups.computeIfAbsent(name, n -> new GroupDraft());
    }

    boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    boolean hasHost(String name) {
        return hosts.containsKey(name);
    }

    void groupVars(String group, Map<String, Object> vars) {
        group(group);
        hashBehaviour.putAll(groups.get(group).vars, ConnectionVars.normalise(vars));
    }

    void groupFileVars(String group, Map<String, Object> vars) {
        hashBehaviour.putAll(groups.get(group).fileVars, ConnectionVars.normalise(vars));
    }

    void child(String parent, String child, SourcePosition at) {
        group(parent);
        group(child);
        groups.get(parent).children.add(child);
        edges.putIfAbsent(parent + "\u0000" + child, at);
    }

    void host(String group, String name, Map<String, Object> vars, SourcePosition at) {
        group(group);
        hashBehaviour.putAll(hosts.computeIfAbsent(name, n -> new HostDraft(at)).vars, ConnectionVars.normalise(vars));
        groups.get(group).hosts.add(name);
    }

    /** The host's variables become {@code vars}, from whichever source (an in-memory edit, see {@link InventoryEdit}). */
    void replaceHostVars(String name, Map<String, Object> vars) {
        HostDraft draft = hosts.get(name);
        draft.vars.clear();
        draft.fileVars.clear();
        draft.vars.putAll(ConnectionVars.normalise(vars));
    }

    void hostFileVars(String name, Map<String, Object> vars) {
        Map<String, Object> target = hosts.containsKey(name) ? hosts.get(name).fileVars : localhostFileVars;
        hashBehaviour.putAll(target, ConnectionVars.normalise(vars));
    }

    /** The inventory; a cycle among groups is reported to {@code diagnostics} (Ansible refuses it too). */
    Inventory build(Diagnostics diagnostics) {
        linkTopLevelGroups();
        reportCycle(diagnostics);
        fillUngrouped();
        Map<String, Integer> depths = GroupDepths.of(Inventory.ALL, name -> groups.get(name).children);
        Map<String, Group> built = new LinkedHashMap<>();
        for (Map.Entry<String, GroupDraft> e : groups.entrySet()) {
            built.put(e.getKey(), buildGroup(e.getKey(), e.getValue(), depths.getOrDefault(e.getKey(), 1)));
        }
        Memberships memberships = new Memberships(built);
        List<Host> builtHosts = new ArrayList<>();
        for (Map.Entry<String, HostDraft> e : hosts.entrySet()) {
            builtHosts.add(buildHost(e.getKey(), e.getValue(), memberships.groupsOf(e.getKey())));
        }
        return new Inventory(builtHosts, built, implicitLocalhost(), varsDirs, hashBehaviour);
    }

    private void reportCycle(Diagnostics diagnostics) {
        GroupDepths.cycle(Inventory.ALL, name -> groups.get(name).children).ifPresent(loop -> {
            String parent = loop.get(loop.size() - 2);
            String child = loop.get(loop.size() - 1);
            SourcePosition at = edges.getOrDefault(parent + "\u0000" + child, SourcePosition.UNKNOWN);
            diagnostics.add(Diagnostic.error("group '" + child + "' contains itself: " + String.join(" -> ", loop), at)
                    .withWidth(child.length())
                    .withHint("remove '" + child + "' from the children of '" + parent + "'"));
        });
    }

    private void linkTopLevelGroups() {
        Set<String> hasParent = new HashSet<>();
        for (GroupDraft g : groups.values()) hasParent.addAll(g.children);
        for (String name : List.copyOf(groups.keySet())) {
            if (!name.equals(Inventory.ALL) && !hasParent.contains(name)) groups.get(Inventory.ALL).children.add(name);
        }
    }

    /** Hosts in no group but {@code all} (or only {@code ungrouped}) belong to {@code ungrouped}. */
    private void fillUngrouped() {
        Set<String> grouped = new HashSet<>();
        groups.forEach((name, g) -> {
            if (!name.equals(Inventory.ALL) && !name.equals(Inventory.UNGROUPED)) grouped.addAll(g.hosts);
        });
        GroupDraft ungrouped = groups.get(Inventory.UNGROUPED);
        for (String host : hosts.keySet()) {
            if (!grouped.contains(host)) ungrouped.hosts.add(host);
        }
    }

    private static Group buildGroup(String name, GroupDraft draft, int depth) {
        return new Group(name, draft.vars, draft.fileVars, List.copyOf(draft.hosts), List.copyOf(draft.children), depth);
    }

    private Host buildHost(String name, HostDraft draft, List<String> groups) {
        Map<String, Object> vars = new LinkedHashMap<>(draft.vars);
        hashBehaviour.putAll(vars, draft.fileVars);
        return new Host(name, vars, groups, false, draft.at);
    }

    /** Which groups hold each host, directly or through children, indexed once. */
    private static final class Memberships {
        private final Map<String, Group> built;
        private final Map<String, List<String>> direct = new HashMap<>();
        private final Map<String, List<String>> parents = new HashMap<>();

        Memberships(Map<String, Group> built) {
            this.built = built;
            for (Group g : built.values()) {
                for (String h : g.hosts()) direct.computeIfAbsent(h, k -> new ArrayList<>()).add(g.name());
                for (String c : g.children()) parents.computeIfAbsent(c, k -> new ArrayList<>()).add(g.name());
            }
        }

        /** Every group holding {@code host}, in variable precedence order. */
        List<String> groupsOf(String host) {
            Set<String> found = new LinkedHashSet<>();
            for (String g : direct.getOrDefault(host, List.of())) addWithAncestors(g, found);
            found.add(Inventory.ALL);
            List<String> ordered = new ArrayList<>(found);
            ordered.sort(precedence(built));
            return ordered;
        }

        // iterative: a chain of thousands of nested groups must not overflow the stack
        private void addWithAncestors(String group, Set<String> found) {
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(group));
            while (!todo.isEmpty()) {
                String g = todo.pop();
                if (found.add(g)) todo.addAll(parents.getOrDefault(g, List.of()));
            }
        }
    }

    /** Ansible's merge order: depth (parents first), then {@code ansible_group_priority}, then name. */
    static Comparator<String> precedence(Map<String, Group> built) {
        return Comparator.<String>comparingInt(n -> built.get(n).depth())
                .thenComparingInt(n -> priority(built.get(n)))
                .thenComparing(n -> n);
    }

    private static int priority(Group group) {
        Object p = group.vars().get("ansible_group_priority");
        if (p instanceof Number n) return n.intValue();
        try {
            return p == null ? 1 : Integer.parseInt(p.toString().trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String controllerPython() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3", "/usr/bin/python")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(candidate))) return candidate;
        }
        return "/usr/bin/python3";
    }

    private Host implicitLocalhost() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("ansible_connection", "local");
        // Ansible gives the implicit localhost the controller's Python (sys.executable)
        vars.put("ansible_python_interpreter", controllerPython());
        hashBehaviour.putAll(vars, localhostFileVars);
        return new Host(Inventory.LOCALHOST, vars, List.of(Inventory.ALL), true, SourcePosition.UNKNOWN);
    }
}
