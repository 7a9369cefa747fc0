package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The variables an inventory file gives a group ({@code <group>: vars:}) that a {@code group_vars/}
 * file of a group of the same host also sets. Ansible 2.14 ranks every {@code group_vars/} file
 * above the inventory file's group vars of every group, so these values never reach a host.
 */
public final class ShadowedGroupVars {

    private ShadowedGroupVars() {
    }

    /** Each shadowed variable as {@code <group>: vars: <name>}, sorted; empty when none. */
    public static Set<String> of(Path inventoryFile) {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = InventoryLoader.load(List.of(inventoryFile.toString()), diagnostics);
        if (diagnostics.hasErrors()) throw new IllegalArgumentException(inventoryFile + ": " + diagnostics.errors());
        Set<String> shadowed = new TreeSet<>();
        for (Host host : inventory.hosts()) {
            List<Group> groups = host.groups().stream().map(inventory.groups()::get).filter(Objects::nonNull).toList();
            Set<String> fromFiles = groups.stream().flatMap(g -> g.fileVars().keySet().stream()).collect(Collectors.toSet());
            for (Group g : groups) {
                g.inlineVars().keySet().stream().filter(fromFiles::contains).forEach(name -> shadowed.add(g.name() + ": vars: " + name));
            }
        }
        return shadowed;
    }
}
