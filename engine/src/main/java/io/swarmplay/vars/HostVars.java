package io.swarmplay.vars;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@code hostvars} magic variable: every host's variables, computed when a host is looked
 * up, so a task on host-2 can read {@code hostvars['host-1'].bundle} without building every
 * host's scope for every step. A host's variables are computed once per {@code HostVars}, i.e. once
 * per step that reads them (a loop over {@code groups['all']} reading {@code hostvars[h].x} for ten
 * values of each host builds each host's variables once, not ten times).
 */
public final class HostVars extends AbstractMap<String, Object> {

    private final List<String> hostNames;
    private final Function<String, Map<String, Object>> varsOf;
    /** The hosts computed so far; an absent host (null from varsOf) is remembered as {@link Optional#empty()}. */
    private final Map<String, Optional<Map<String, Object>>> computed = new ConcurrentHashMap<>();

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
        return key instanceof String name ? varsOf(name) : null;
    }

    // not computeIfAbsent: computing one host's variables may read hostvars again (a recursive update)
    private Map<String, Object> varsOf(String name) {
        Optional<Map<String, Object>> vars = computed.get(name);
        if (vars == null) {
            vars = Optional.ofNullable(varsOf.apply(name));
            computed.putIfAbsent(name, vars);
        }
        return vars.orElse(null);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && (hostNames.contains(name) || varsOf(name) != null);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : hostNames) all.put(name, varsOf(name));
        return all.entrySet();
    }
}
