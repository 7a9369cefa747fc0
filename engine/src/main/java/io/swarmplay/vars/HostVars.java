package io.swarmplay.vars;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code hostvars} magic variable: every host's variables, computed when a host is looked
 * up, so a task on host-2 can read {@code hostvars['host-1'].bundle} without building every
 * host's scope for every step.
 */
public final class HostVars extends AbstractMap<String, Object> {

    private final List<String> hostNames;
    private final Function<String, Map<String, Object>> varsOf;

    /**
     * @param hostNames the hosts listed (iterated, {@code hostvars | list})
     * @param varsOf    the variables of a host by name, or null for a host the inventory cannot find;
     *                  it may find more than {@code hostNames} (the implicit localhost)
     */
    public HostVars(List<String> hostNames, Function<String, Map<String, Object>> varsOf) {
        this.hostNames = List.copyOf(hostNames);
        this.varsOf = varsOf;
    }

    @Override
    public Object get(Object key) {
        return key instanceof String name ? varsOf.apply(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && (hostNames.contains(name) || varsOf.apply(name) != null);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : hostNames) all.put(name, varsOf.apply(name));
        return all.entrySet();
    }
}
