package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.RoleCall;
import io.swarmplay.playbook.VarsFileLoader;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Unknown;
import io.swarmplay.template.Unsafe;
import io.swarmplay.template.python.PythonInterpreter;
import io.swarmplay.vars.HostVars;
import io.swarmplay.vars.VariableScope;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables of one play: for a host at a task it layers inventory, facts, play vars,
 * vars files, block and task vars, runtime results, extra vars and the magic variables.
 */
final class PlayScope {

    private final RunState run;
    private final Play play;
    private final List<String> playHosts;
    private final Map<String, Map<String, Object>> varsFiles = new ConcurrentHashMap<>();
    /** The hosts of the batch running now ({@code serial}); set between batches, before any step starts. */
    private volatile List<String> batch = List.of();
    private Map<String, Object> playVars;
    private final List<RoleCall> playRoles = new java.util.concurrent.CopyOnWriteArrayList<>();

    PlayScope(RunState run, Play play, List<String> playHosts) {
        this.run = run;
        this.play = play;
        this.playHosts = List.copyOf(playHosts);
        for (List<io.swarmplay.playbook.TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            RoleVars.playRoles(section).forEach(this::addPlayRole);
        }
    }

    Play play() {
        return play;
    }

    /** The host's variables at play level (what {@code hostvars[host]} shows). */
    VariableScope hostScope(HostState host) {
        return scope(host, null);
    }

    /**
     * The variables of a step, in Ansible 2.14's order: role defaults, inventory, facts, play vars,
     * vars files, role vars, block and task vars, runtime results, role and include params, extra
     * vars, magic variables.
     */
    Map<String, Object> stepVars(HostState host, StepSpec spec) {
        Map<String, Object> all = scope(host, spec).toMap();
        // Ansible's 'vars': the step's whole view as it was before the step (a copy: never itself, nor a loop's item)
        all.put("vars", java.util.Collections.unmodifiableMap(new LinkedHashMap<>(all)));
        return all;
    }

    /** The roles the play names, and the ones a public include_role added, for their defaults and vars. */
    void addPlayRole(RoleCall call) {
        if (!playRoles.contains(call)) playRoles.add(call);
    }

    /** As in Ansible, {@code ansible_facts} is an empty mapping before anything gathers or sets facts. */
    private static final Map<String, Object> NO_FACTS = Map.of("ansible_facts", Map.of());

    private VariableScope scope(HostState host, StepSpec spec) {
        Inventory inventory = run.inventory();
        List<RoleCall> chain = spec == null ? List.of() : spec.inherited().roles();
        VariableScope scope = VariableScope.empty(run.request.hashBehaviour())
                .with("no facts yet", NO_FACTS)
                // PlayContext.update_vars: the address connected to, where no variable names one
                .with("connection", Map.of("ansible_host", host.host.name()))
                .with("command line", run.request.commandLine())
                .with("remote_user", remoteUser(spec))
                .with("become keywords", becomeKeywords(spec));
        for (RoleCall role : playRoles) scope = scope.with("role '" + role.name() + "' defaults", RoleVars.defaults(List.of(role), run.request.hashBehaviour()));
        if (!chain.isEmpty()) scope = scope.with("role '" + chain.get(chain.size() - 1).name() + "' defaults", RoleVars.defaults(chain, run.request.hashBehaviour()));
        scope = scope
                .with("group vars", inventory.groupVarsFor(host.host))
                .with("host vars", host.host.vars())
                .with("facts", host.gathered)
                .with("play vars", play.vars())
                .with("vars files", varsFilesOf(host));
        for (RoleCall role : playRoles) scope = scope.with("role '" + role.name() + "' vars", RoleVars.vars(List.of(role), run.request.hashBehaviour()));
        if (!chain.isEmpty()) scope = scope.with("role '" + chain.get(chain.size() - 1).name() + "' vars", RoleVars.vars(chain, run.request.hashBehaviour()));
        if (spec != null) {
            for (Map<String, Object> vars : spec.inherited().vars()) scope = scope.with("block or task vars", vars);
        }
        scope = scope.with("include_vars", host.included).with("set_fact and registered", host.runtimeVars());
        if (!chain.isEmpty()) scope = scope.with("role params", RoleVars.params(chain, run.request.hashBehaviour()));
        if (spec != null) scope = scope.with("include params", spec.inherited().includeParams());
        return scope.with("extra vars", run.request.extraVars())
                .with("magic", magic(host.host))
                .with("role magic", spec == null ? Map.of() : roleMagic(spec));
    }

    /**
     * The task's, block's or play's {@code remote_user} (the innermost one set): above {@code -u} and
     * ansible.cfg, below any {@code ansible_user} variable (Ansible 2.14).
     */
    private Map<String, Object> remoteUser(StepSpec spec) {
        String own = spec == null ? null : spec.inherited().remoteUser();
        String user = own != null ? own : play.hostOptions().remoteUser();
        return user == null ? Map.of() : Map.of("ansible_user", user);
    }

    /**
     * The play's, block's and task's {@code become}/{@code become_user}: above {@code -b} and ansible.cfg,
     * below any {@code ansible_become*} variable (Ansible 2.14's PlayContext: variables override keywords).
     */
    private static Map<String, Object> becomeKeywords(StepSpec spec) {
        if (spec == null) return Map.of();
        Map<String, Object> keywords = new LinkedHashMap<>();
        Boolean become = spec.inherited().becomeIfResolved();
        if (become != null) keywords.put("ansible_become", become);
        if (spec.inherited().becomeUser() != null) keywords.put("ansible_become_user", spec.inherited().becomeUser());
        return keywords;
    }

    private Map<String, Object> roleMagic(StepSpec spec) {
        List<RoleCall> chain = spec.inherited().roles();
        Map<String, Object> magic = new LinkedHashMap<>(chain.isEmpty() ? Map.of() : RoleVars.magic(chain));
        magic.put("ansible_search_path", RoleVars.searchPath(chain, spec.task().at().file(), play.dir()).stream()
                .map(Path::toString).toList());
        return magic;
    }

    private Map<String, Object> varsFilesOf(HostState host) {
        if (play.varsFiles().isEmpty()) return Map.of();
        return varsFiles.computeIfAbsent(host.name(), h -> loadVarsFiles(host));
    }

    private Map<String, Object> loadVarsFiles(HostState host) {
        Map<String, Object> base = VariableScope.empty(run.request.hashBehaviour())
                .with("group vars", run.inventory().groupVarsFor(host.host))
                .with("host vars", host.host.vars()).with("play vars", play.vars())
                .with("extra vars", run.request.extraVars()).with("magic", magic(host.host)).toMap();
        Map<String, Object> loaded = new LinkedHashMap<>();
        for (String file : play.varsFiles()) {
            Object name = run.templar().render(file, base, play.at());
            if (name instanceof Unknown) continue;
            run.request.hashBehaviour().putAll(loaded, VarsFileLoader.load(play.dir().resolve(String.valueOf(name)), run.request.vault()));
        }
        return loaded;
    }

    /** Every magic variable of {@code host} in this play: the host's own, then the play's. */
    private Map<String, Object> magic(Host host) {
        Map<String, Object> magic = hostMagic(host);
        magic.put("hostvars", hostVars());
        List<String> active = playHosts.stream().filter(h -> run.hosts.containsKey(h) && run.hosts.get(h).inPlay()).toList();
        magic.put("ansible_play_hosts", active);
        magic.put("ansible_play_batch", batch.isEmpty() ? active : active.stream().filter(batch::contains).toList());
        magic.put("ansible_play_hosts_all", playHosts);
        magic.putAll(RoleVars.playMagic(playRoles));
        return magic;
    }

    /** {@code ansible_playbook_python}: the Python Ansible would run, found as the plugin bridge finds it. */
    private static final String PLAYBOOK_PYTHON = PythonInterpreter.find(System.getenv())
            .map(java.nio.file.Path::toString).orElse("/usr/bin/python3");

    /**
     * The magic variables that belong to the host, not the play: what {@code hostvars[h]} holds in
     * Ansible 2.14 (no {@code hostvars}, {@code ansible_play_*} or role names).
     */
    private Map<String, Object> hostMagic(Host host) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host.name());
        magic.put("inventory_hostname_short", host.name().split("\\.")[0]);
        magic.put("group_names", host.groups().stream().filter(g -> !g.equals("all") && !g.equals("ungrouped")).sorted().toList());
        magic.put("groups", run.inventory().groupsVar());
        magic.put("playbook_dir", play.dir().toAbsolutePath().toString());
        Path inventoryDir = run.request.inventoryDir();
        if (inventoryDir != null) magic.put("inventory_dir", inventoryDir.toAbsolutePath().toString());
        magic.put("ansible_check_mode", run.mode != Mode.APPLY);
        magic.put("ansible_diff_mode", run.request.diff());
        magic.put("ansible_run_tags", List.copyOf(run.request.tags().isEmpty() ? List.of("all") : run.request.tags()));
        magic.put("ansible_skip_tags", List.copyOf(run.request.skipTags()));
        magic.put("ansible_version", Map.of("full", "2.14.0", "major", 2, "minor", 14, "string", "2.14.0 (swarmplay)"));
        magic.put("ansible_playbook_python", PLAYBOOK_PYTHON);
        return magic;
    }

    /**
     * {@code hostvars}: every inventory host, and the implicit localhost once a play used it (any
     * host name Ansible's inventory can find is readable, so {@code hostvars['localhost']} always is).
     */
    private HostVars hostVars() {
        Inventory inventory = run.inventory();
        List<String> names = new java.util.ArrayList<>(inventory.hosts().stream().map(Host::name).toList());
        if (!names.contains(Inventory.LOCALHOST) && run.hosts.containsKey(Inventory.LOCALHOST)) names.add(Inventory.LOCALHOST);
        return new HostVars(names, name -> inventory.host(name)
                .map(h -> (Map<String, Object>) new RenderedVars(hostvarsScope(stateOf(h)).toMap(), run::templar))
                .orElse(null));
    }

    // a host no play has run on yet has no state; reading its hostvars must not make it one of the run's
    private HostState stateOf(Host h) {
        HostState state = run.hosts.get(h.name());
        return state != null ? state : run.fresh(h);
    }

    /**
     * What {@code hostvars[host]} holds in Ansible 2.14: the host's inventory variables, facts,
     * set_fact and registered results, extra vars and magic variables; not the play's vars,
     * vars files or roles' variables (those belong to the play, not the host).
     */
    private VariableScope hostvarsScope(HostState host) {
        return VariableScope.empty(run.request.hashBehaviour())
                .with("no facts yet", NO_FACTS)
                .with("command line", run.request.commandLine())
                .with("group vars", run.inventory().groupVarsFor(host.host))
                .with("host vars", host.host.vars())
                .with("facts", host.gathered)
                .with("include_vars", host.included)
                .with("set_fact and registered", host.runtimeVars())
                .with("extra vars", run.request.extraVars())
                .with("magic", hostMagic(host.host));
    }

    void batch(List<String> hosts) {
        batch = List.copyOf(hosts);
    }

    /** The play's {@code serial} sizes, templates rendered with the play-level variables, as Ansible does. */
    List<Object> serial() {
        Map<String, Object> vars = playVars();
        // a size rendering to omit is not there: all hosts in one batch, as Ansible
        return play.serial().stream().map(size -> run.templar().render(size, vars, play.at()))
                .filter(size -> size != io.swarmplay.template.Omit.INSTANCE).toList();
    }

    /** The play-level variables (no host's), for the values Ansible renders once per play: tags, serial. */
    Map<String, Object> playVars() {
        Map<String, Object> vars = playVars;
        if (vars == null) playVars = vars = TagSelection.playVars(play, run.request.extraVars());
        return vars;
    }

    /**
     * The play's name as Ansible shows it: templated with the play's vars and extra vars (no host's);
     * a name that cannot be rendered (an undefined variable) is shown as written.
     */
    String playName() {
        if (!play.name().contains("{{") && !play.name().contains("{%")) return play.name();
        try {
            return String.valueOf(Unsafe.strip(run.templar().render(play.name(), playVars(), play.at())));
        } catch (io.swarmplay.template.TemplateException e) {
            return play.name();
        }
    }

    SourcePosition at() {
        return play.at();
    }
}
