package io.swarmplay.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts and groups of a run, immutable. Hosts keep declaration order ("inventory order"),
 * which is the order every list here uses. The implicit {@code localhost}
 * ({@code ansible_connection: local}) exists even when no source lists it: {@link #host} and the
 * pattern {@code localhost} find it, but it is not in {@link #hosts()}, {@code all} or any group.
 */
public final class Inventory {

    public static final String ALL = "all";
    public static final String UNGROUPED = "ungrouped";
    public static final String LOCALHOST = "localhost";
    /** The names that mean the implicit localhost when no inventory host has them (Ansible's C.LOCALHOST). */
    public static final java.util.Set<String> LOCALHOST_NAMES = java.util.Set.of("localhost", "127.0.0.1", "::1");

    private final List<Host> hosts;
    private final Map<String, Host> byName = new LinkedHashMap<>();
    private final Map<String, Integer> indexOf = new java.util.HashMap<>();
    private final Map<String, Group> groups;
    private final Map<String, List<String>> groupsVar;
    private final Host implicitLocalhost;
    /** {@link #groupVarsFor} by the host's group list: the groups never change, every step of a run asks again. */
    private final Map<List<String>, Map<String, Object>> groupVars = new java.util.concurrent.ConcurrentHashMap<>();

    private final VarsDirs varsDirs;

    private final io.swarmplay.vars.HashBehaviour hashBehaviour;

    Inventory(List<Host> hosts, Map<String, Group> groups, Host implicitLocalhost, VarsDirs varsDirs,
              io.swarmplay.vars.HashBehaviour hashBehaviour) {
        this.varsDirs = varsDirs;
        this.hashBehaviour = hashBehaviour;
        this.hosts = List.copyOf(hosts);
        for (Host h : this.hosts) {
            indexOf.put(h.name(), indexOf.size());
            byName.put(h.name(), h);
        }
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.implicitLocalhost = implicitLocalhost;
        this.groupsVar = computeGroupsVar();
    }

    /** An inventory with no hosts but the implicit {@code localhost}. */
    public static Inventory empty() {
        return new InventoryBuilder().build(new io.swarmplay.source.Diagnostics());
    }

    /**
     * This inventory with {@code host} added ({@code add_host}): its variables updated with
     * {@code vars}, a member of {@code groups} (created as children of {@code all} when new).
     * Returns this same inventory when nothing changes, which is how Ansible decides {@code changed}.
     */
    public Inventory withHost(String host, Map<String, Object> vars, List<String> groups) {
        return InventoryEdit.addHost(this, host, vars, groups);
    }

    /**
     * This inventory with {@code host} in {@code group} ({@code group_by}), the group a child of
     * each of {@code parents} (all created when new); this same inventory when nothing changes.
     */
    public Inventory withGroup(String host, String group, List<String> parents) {
        return InventoryEdit.addGroup(this, host, group, parents);
    }

    /** Where the {@code host_vars/} and {@code group_vars/} of hosts and groups made at run time are read. */
    VarsDirs varsDirs() {
        return varsDirs;
    }

    /** Every host the sources declared, in inventory order (not the implicit localhost). */
    public List<Host> hosts() {
        return hosts;
    }

    /** A declared host by name, or the implicit {@code localhost} (also as 127.0.0.1 or ::1, as Ansible's get_host). */
    public Optional<Host> host(String name) {
        Host h = byName.get(name);
        if (h == null && LOCALHOST_NAMES.contains(name)) h = implicitLocalhost;
        return Optional.ofNullable(h);
    }

    /** Every group by name, including {@code all} and {@code ungrouped}. */
    public Map<String, Group> groups() {
        return groups;
    }

    /** The {@code groups} magic variable: each group to the names of all its hosts (children's too), in inventory order. */
    public Map<String, List<String>> groupsVar() {
        return groupsVar;
    }

    /**
     * The group variables that apply to {@code host}, merged in Ansible's order: the inventory
     * file's vars of every group, then every group's {@code group_vars/} files over them; within
     * each, {@code all} first, then parents before children, then {@code ansible_group_priority},
     * then by name; later wins.
     * The host's own variables are in {@link Host#vars()}, which take precedence over these.
     * Unmodifiable; merged once per distinct list of groups.
     */
    /** How variables given by two sources combine (ansible.cfg's {@code hash_behaviour}). */
    public io.swarmplay.vars.HashBehaviour hashBehaviour() {
        return hashBehaviour;
    }

    public Map<String, Object> groupVarsFor(Host host) {
        return groupVars.computeIfAbsent(host.groups(), this::mergeGroupVars);
    }

    /**
     * Ansible 2.14's order: the inventory file's group vars of every group (shallow groups first),
     * then the {@code group_vars/} files of every group over them, whatever the groups' depth.
     */
    private Map<String, Object> mergeGroupVars(List<String> groupNames) {
        Map<String, Object> merged = new LinkedHashMap<>();
        List<Group> ordered = groupNames.stream().map(groups::get).filter(java.util.Objects::nonNull).toList();
        ordered.forEach(g -> hashBehaviour.putAll(merged, g.inlineVars()));
        ordered.forEach(g -> hashBehaviour.putAll(merged, g.fileVars()));
        return Collections.unmodifiableMap(merged);
    }

    /**
     * The hosts matching {@code pattern}, in inventory order.
     *
     * @throws IllegalArgumentException for a bad pattern (see {@link HostPattern#parse})
     */
    public List<Host> select(String pattern) {
        return select(HostPattern.parse(pattern));
    }

    /** The hosts matching {@code pattern}, in inventory order (the implicit localhost last). */
    public List<Host> select(HostPattern pattern) {
        return pattern.select(this);
    }

    /** The declared hosts of {@code group} and its descendants, in inventory order. */
    List<Host> hostsOf(String group) {
        List<Host> out = new ArrayList<>();
        for (String name : groupsVar.getOrDefault(group, List.of())) out.add(byName.get(name));
        return out;
    }

    /** Position of a host in inventory order; the implicit localhost sorts last. */
    int order(Host host) {
        return host.implicit() ? hosts.size() : indexOf.getOrDefault(host.name(), hosts.size());
    }

    // children before parents, each group's members once: linear in groups and edges, without recursion
    private Map<String, List<String>> computeGroupsVar() {
        Map<String, Set<String>> members = new java.util.HashMap<>();
        for (String name : GroupDepths.childrenFirst(groups.keySet(), g -> groups.containsKey(g) ? groups.get(g).children() : List.of())) {
            Set<String> m = new java.util.HashSet<>(groups.get(name).hosts());
            for (String child : groups.get(name).children()) m.addAll(members.getOrDefault(child, Set.of()));
            members.put(name, m);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : groups.keySet()) {
            List<String> ordered = new ArrayList<>(members.getOrDefault(name, Set.of()));
            ordered.removeIf(h -> !indexOf.containsKey(h));
            ordered.sort(java.util.Comparator.comparingInt(indexOf::get));
            out.put(name, List.copyOf(ordered));
        }
        if (out.containsKey(ALL)) out.put(ALL, hosts.stream().map(Host::name).toList());
        return Collections.unmodifiableMap(out);
    }
}
