package io.swarmplay.inventory;

import io.swarmplay.source.SourcePosition;

import java.util.List;
import java.util.Map;

/**
 * A host of the inventory.
 *
 * @param name   the inventory name ({@code inventory_hostname})
 * @param vars   the host's own variables: inventory-file host vars, then {@code host_vars/<name>}
 *               over them (raw, unrendered)
 * @param groups names of every group the host belongs to, directly or through children,
 *               ordered from {@code all} (lowest precedence) to the most specific group
 * @param implicit true for the implicit {@code localhost} that no inventory listed
 * @param at     where the host was first declared
 */
public record Host(String name, Map<String, Object> vars, List<String> groups, boolean implicit, SourcePosition at) {

    public Host {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        groups = List.copyOf(groups);
    }
}
