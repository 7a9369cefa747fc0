package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Vault;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories whose {@code host_vars/} and {@code group_vars/} apply (beside the inventory sources, then beside
 * the playbooks), kept so that a group {@code group_by} or {@code add_host} makes, and a host {@code add_host} adds,
 * get their files too, as Ansible's vars plugin gives them.
 */
record VarsDirs(List<Path> dirs, Vault vault) {

    static final VarsDirs NONE = new VarsDirs(List.of(), Vault.none());

    /** Reads into {@code builder} the files of {@code groups} and {@code hosts} (new to the inventory), later directories winning. */
    void readNew(InventoryBuilder builder, List<String> groups, List<String> hosts) {
        if (dirs.isEmpty() || groups.isEmpty() && hosts.isEmpty()) return;
        // a file that does not parse gives no variables here (no load step is left to report it at)
        VarsDirReader reader = new VarsDirReader(builder, new Diagnostics(), vault);
        for (Path dir : dirs) {
            groups.forEach(g -> reader.readGroup(dir, g));
            hosts.forEach(h -> reader.readHost(dir, h));
        }
    }
}
