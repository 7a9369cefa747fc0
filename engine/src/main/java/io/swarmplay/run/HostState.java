package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.module.VarsLayer;
import io.swarmplay.template.Unsafe;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the run knows about one host: its facts and registered results (kept across plays, as
 * in Ansible) and whether it failed, was unreachable or ended its play. Mutated only by the
 * runner's main thread, between tasks.
 */
final class HostState {

    /** The fact cache's mark of a host whose facts {@code gather_facts} gathered (Ansible's key; internal, not a variable). */
    static final String GATHERED = "_ansible_facts_gathered";

    /** The inventory's host; replaced when {@code add_host} or {@code group_by} changes it. */
    volatile Host host;
    /** Facts from {@code gather_facts}, below play vars. */
    final Map<String, Object> gathered = new LinkedHashMap<>();
    /** Whether a play of this run gathered the host's facts (gathering = smart does not gather them again). */
    volatile boolean factsGathered;
    /** Variables from {@code include_vars}, above task vars and below set_fact. */
    final Map<String, Object> included = new LinkedHashMap<>();
    /** Facts from {@code set_fact}, above included variables. */
    final Map<String, Object> facts = new LinkedHashMap<>();
    final Map<String, Object> registered = new LinkedHashMap<>();
    /** The handlers notified on this host and not run yet (Ansible's {@code notified_hosts}, seen from the host). */
    final Set<io.swarmplay.playbook.Handler> notified = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    boolean failed;
    /** How many times {@code meta: clear_host_errors} cleared this host's errors (an always section keeps the clearing). */
    int errorsCleared;
    /** For {@code rescue}: {@code ansible_failed_task} and {@code ansible_failed_result}. */
    Object lastFailedTask;
    Object lastFailedResult;
    boolean unreachable;
    /** PLAN mode: could not be contacted, so every later step is shown as unknown. */
    volatile boolean offline;
    volatile String offlineReason;
    /**
     * Offline PLAN: the paths earlier steps would write on this fresh host (the {@code path} or
     * {@code dest} of a step that would change it), whose state is then known only after apply.
     */
    final Set<String> pathsWritten = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Offline PLAN: the objects earlier steps would create on this fresh host, as {@code module.name} ({@code docker_container.sn-1}). */
    final Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** {@code meta: end_host}, {@code end_batch} or {@code end_play}: no more tasks in this play (batch). */
    boolean endedPlay;
    /** {@code meta: end_host}: also out of {@code ansible_play_hosts} for the rest of the play. */
    boolean endedHost;
    /** Stopped by another host's fatal error ({@code any_errors_fatal}): not failed itself, runs nothing more. */
    boolean stopped;

    /** How {@code include_vars} results combine with earlier ones (ansible.cfg's {@code hash_behaviour}). */
    private final io.swarmplay.vars.HashBehaviour hashBehaviour;

    HostState(Host host) {
        this(host, io.swarmplay.vars.HashBehaviour.REPLACE);
    }

    HostState(Host host, io.swarmplay.vars.HashBehaviour hashBehaviour) {
        this.host = host;
        this.hashBehaviour = hashBehaviour;
    }

    String name() {
        return host.name();
    }

    /** Offline PLAN: whether an earlier step would create the object {@code module} manages under {@code name}. */
    boolean createdEarlier(String module, String name) {
        return created.contains(module + "." + name);
    }

    /**
     * PLAN mode: the host could not be contacted, so its later steps are unknown. True the first
     * time (the caller then reports the cause once); steps of several tasks may find it at once.
     */
    synchronized boolean unreachableInPlan() {
        if (offline) return false;
        offline = true;
        offlineReason = "host unreachable (planned without its state)";
        return true;
    }

    boolean active() {
        return !failed && !unreachable && !endedPlay && !stopped;
    }

    /**
     * Stores a registered result. It is host data, as Ansible marks it unsafe: a {@code {{ }}} in
     * it is never rendered (see {@link Unsafe}).
     */
    void register(String name, Object result) {
        // register and set_fact share one layer in Ansible (its non-persistent facts): the later one wins
        facts.remove(name);
        registered.put(name, Unsafe.wrap(result));
    }

    /**
     * Stores {@code set_fact} results. Registered results and these facts are one layer in Ansible:
     * the later of a {@code register} and a {@code set_fact} of the same name wins.
     */
    void setFacts(Map<String, Object> more) {
        registered.keySet().removeAll(more.keySet());
        facts.putAll(more);
    }

    /** Variables a module returned, into the layer its {@link VarsLayer} names. */
    void setVars(VarsLayer layer, Map<String, Object> vars) {
        switch (layer) {
            case FACTS -> addFacts(vars);
            case INCLUDED -> hashBehaviour.putAll(included, vars); // Ansible's set_host_variable: combine_vars
            case SET_FACTS -> setFacts(vars);
        }
    }

    /**
     * Facts a module returned ({@code setup}, {@code getent}, ...): each a variable, and
     * {@code ansible_facts} gains the module's keys instead of being replaced, as Ansible merges them.
     */
    void addFacts(Map<String, Object> vars) {
        Object before = Unsafe.strip(gathered.get("ansible_facts"));
        Object added = vars.get("ansible_facts");
        gathered.putAll(vars);
        if (before instanceof Map<?, ?> old && Unsafe.strip(added) instanceof Map<?, ?> more && before != Unsafe.strip(added)) {
            Map<Object, Object> merged = new LinkedHashMap<>(old);
            merged.putAll(more);
            gathered.put("ansible_facts", added instanceof Unsafe ? Unsafe.wrap(merged) : merged);
        }
    }

    /**
     * Facts an earlier run cached ({@link FactCache}): each a variable, and under {@code ansible_facts}
     * without the {@code ansible_} prefix (Ansible's {@code namespace_facts}); host data, never templates.
     */
    void cachedFacts(Map<String, Object> cached) {
        if (cached.isEmpty()) return;
        Map<String, Object> vars = new LinkedHashMap<>();
        cached.forEach((name, value) -> {
            if (!name.startsWith("_ansible_")) vars.put(name, Unsafe.wrap(value));
        });
        // gathering = smart: a host whose cached facts were gathered is not gathered again
        if (Boolean.TRUE.equals(cached.get(GATHERED))) factsGathered = true;
        vars.put("ansible_facts", Unsafe.wrap(namespaced(cached)));
        addFacts(vars);
    }

    /** {@code set_fact} with {@code cacheable: true}: the facts are also host facts (below play vars), as in Ansible. */
    void cacheableFacts(Map<String, Object> more) {
        Map<String, Object> vars = new LinkedHashMap<>(more);
        vars.put("ansible_facts", namespaced(more));
        addFacts(vars);
    }

    /** Ansible's {@code namespace_facts}: the facts without their {@code ansible_} prefix ({@code ansible_local} keeps it). */
    static Map<String, Object> namespaced(Map<String, Object> facts) {
        Map<String, Object> names = new LinkedHashMap<>();
        facts.forEach((name, value) -> names.put(name.startsWith("ansible_") && !name.equals("ansible_local")
                ? name.substring("ansible_".length()) : name, Unsafe.strip(value)));
        return names;
    }

    /** The host's facts as the fact cache keeps them: every fact variable, without the {@code ansible_facts} namespace. */
    Map<String, Object> factsToCache() {
        Map<String, Object> facts = new LinkedHashMap<>();
        gathered.forEach((name, value) -> {
            if (!name.equals("ansible_facts")) facts.put(name, Unsafe.strip(value));
        });
        if (factsGathered) facts.put(GATHERED, true);
        return facts;
    }

    /** Still one of the play's hosts ({@code ansible_play_hosts}): not failed, unreachable, stopped or ended by end_host. */
    boolean inPlay() {
        return !failed && !unreachable && !stopped && !endedHost;
    }

    /** Facts and registered results, the runtime layer of the variable scope. */
    Map<String, Object> runtimeVars() {
        Map<String, Object> vars = new LinkedHashMap<>(facts);
        vars.putAll(registered);
        return vars;
    }
}
