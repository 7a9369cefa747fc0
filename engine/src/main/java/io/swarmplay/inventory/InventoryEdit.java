package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourcePosition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory inventory changes of {@code add_host} and {@code group_by}, as Ansible's
 * {@code add_dynamic_host} and {@code add_dynamic_group} make them: an inventory is rebuilt with
 * the change (groups new to it become children of {@code all}; a host leaves {@code ungrouped}
 * once it is in another group), or left as it is when nothing changes.
 */
final class InventoryEdit {

    private InventoryEdit() {
    }

    /** {@code host} in the inventory with {@code vars} over its own and in {@code groups}; {@code inventory} itself when it already was. */
    static Inventory addHost(Inventory inventory, String host, Map<String, Object> vars, List<String> groups) {
        Host before = inventory.host(host).filter(h -> !h.implicit()).orElse(null);
        Map<String, Object> combined = new LinkedHashMap<>(before == null ? implicitVars(inventory, host) : before.vars());
        combined.putAll(ConnectionVars.normalise(vars));
        boolean changed = before == null || !combined.equals(before.vars());
        for (String group : groups) changed |= !inventory.groups().containsKey(group) || !directMember(inventory, group, host);
        if (!changed) return inventory;
        InventoryBuilder builder = copy(inventory);
        if (before == null) builder.host(Inventory.ALL, host, Map.of(), SourcePosition.UNKNOWN);
        builder.replaceHostVars(host, combined);
        for (String group : groups) builder.host(group, host, Map.of(), SourcePosition.UNKNOWN);
        inventory.varsDirs().readNew(builder, newGroups(inventory, groups), before == null ? List.of(host) : List.of());
        return builder.build(new Diagnostics());
    }

    /** {@code host} in {@code group}, the group a child of each of {@code parents}; {@code inventory} itself when it already was. */
    static Inventory addGroup(Inventory inventory, String host, String group, List<String> parents) {
        boolean changed = !inventory.groups().containsKey(group) || !directMember(inventory, group, host)
                || inventory.host(host).map(Host::implicit).orElse(true);
        for (String parent : parents) {
            changed |= !inventory.groups().containsKey(parent) || !inventory.groups().get(parent).children().contains(group);
        }
        if (!changed) return inventory;
        InventoryBuilder builder = copy(inventory);
        if (!builder.hasHost(host)) {
            builder.host(Inventory.ALL, host, implicitVars(inventory, host), SourcePosition.UNKNOWN);
        }
        builder.group(group);
        for (String parent : parents) {
            if (!parent.equals(group)) builder.child(parent, group, SourcePosition.UNKNOWN);
        }
        builder.host(group, host, Map.of(), SourcePosition.UNKNOWN);
        List<String> made = new java.util.ArrayList<>(parents);
        made.add(group);
        inventory.varsDirs().readNew(builder, newGroups(inventory, made), List.of());
        return builder.build(new Diagnostics());
    }

    private static List<String> newGroups(Inventory inventory, List<String> groups) {
        return groups.stream().distinct().filter(g -> !inventory.groups().containsKey(g)).toList();
    }

    private static boolean directMember(Inventory inventory, String group, String host) {
        Group g = inventory.groups().get(group);
        return g != null && g.hosts().contains(host);
    }

    // the implicit localhost becomes a declared host with the variables it had (ansible_connection: local)
    private static Map<String, Object> implicitVars(Inventory inventory, String host) {
        return inventory.host(host).map(Host::vars).orElse(Map.of());
    }

    /** A builder holding everything {@code inventory} holds; {@code ungrouped} is worked out again at build. */
    private static InventoryBuilder copy(Inventory inventory) {
        InventoryBuilder builder = new InventoryBuilder();
        builder.hashBehaviour(inventory.hashBehaviour());
        builder.varsDirs(inventory.varsDirs());
        inventory.groups().forEach((name, g) -> {
            builder.groupVars(name, g.inlineVars());
            if (!g.fileVars().isEmpty()) builder.groupFileVars(name, g.fileVars());
            for (String child : g.children()) builder.child(name, child, SourcePosition.UNKNOWN);
        });
        for (Host h : inventory.hosts()) {
            List<String> direct = inventory.groups().values().stream()
                    .filter(g -> g.hosts().contains(h.name()) && !g.name().equals(Inventory.UNGROUPED))
                    .map(Group::name).toList();
            builder.host(Inventory.ALL, h.name(), Map.of(), h.at());
            builder.replaceHostVars(h.name(), h.vars());
            for (String group : direct) builder.host(group, h.name(), Map.of(), h.at());
        }
        inventory.host(Inventory.LOCALHOST).filter(Host::implicit)
                .ifPresent(local -> builder.hostFileVars(Inventory.LOCALHOST, without(local.vars(), "ansible_connection")));
        return builder;
    }

    private static Map<String, Object> without(Map<String, Object> vars, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(vars);
        copy.remove(key);
        return copy;
    }
}
