package io.swarmplay.run;

import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;

import java.util.List;
import java.util.Map;

/**
 * What Ansible's strategy does with an {@code add_host} or {@code group_by} result: the in-memory
 * inventory changes (for every mode: {@code --check} and {@code --plan} see the hosts later plays
 * will have), and the result is {@code changed} exactly when the inventory did.
 */
final class InventoryUpdates {

    private InventoryUpdates() {
    }

    static Outcome apply(RunState run, HostState host, Outcome outcome) {
        if (outcome.status() != Status.OK) return outcome;
        Map<String, Object> data = outcome.data();
        boolean changed;
        String what;
        if (data.get("add_host") instanceof Map<?, ?> added && added.get("host_name") instanceof String name) {
            Map<String, Object> vars = strings(added.get("host_vars"));
            List<String> groups = ((List<?>) added.get("groups")).stream().map(String::valueOf).toList();
            changed = run.editInventory(inventory -> inventory.withHost(name, vars, groups));
            what = "added host " + name + " to the inventory";
        } else if (data.get("add_group") instanceof String group && data.get("parent_groups") instanceof List<?> parents) {
            List<String> names = parents.stream().map(String::valueOf).toList();
            changed = run.editInventory(inventory -> inventory.withGroup(host.name(), group, names));
            what = "put " + host.name() + " in group " + group;
        } else {
            return outcome;
        }
        if (!changed) return outcome;
        return outcome.withStatus(Status.CHANGED, what).withChange(Change.update(what));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strings(Object vars) {
        return vars instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
