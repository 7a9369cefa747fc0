package io.swarmplay.run;

import io.swarmplay.playbook.Handler;
import io.swarmplay.playbook.IncludeRole;
import io.swarmplay.playbook.PlaybookLoader;
import io.swarmplay.playbook.Role;
import io.swarmplay.playbook.RoleCall;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.source.Diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs roles in a play as Ansible 2.14 does: a role's dependencies first, then its tasks, with
 * the role's keywords passed down; a host runs each role use (same role, params, {@code when},
 * {@code tags} and {@code vars}) once per play unless duplicates are allowed
 * ({@code meta/main.yml allow_duplicates}; import_role and include_role allow them by default).
 * Role handlers join the play's handlers.
 */
final class Roles {

    private final PlayScope scope;
    private final PlayRun play;
    private final RunState run;
    /** The hosts that completed each role use (by {@link RoleCall#identity()}) in this play. */
    private final Map<String, Set<String>> completed = new HashMap<>();
    /** The hosts on which a task of each role use ran (not skipped, not unreachable): only they complete it. */
    private final Map<String, Set<String>> ran = new HashMap<>();

    Roles(RunState run, PlayScope scope, PlayRun play) {
        this.run = run;
        this.scope = scope;
        this.play = play;
    }

    /** Runs a role use for the hosts that have not completed it yet. */
    void run(RoleCall call, List<HostState> hosts, Inherited inherited) {
        Set<String> done = completed.computeIfAbsent(call.identity(), k -> new HashSet<>());
        List<HostState> todo = call.allowDuplicates() ? hosts : hosts.stream().filter(h -> !done.contains(h.name())).toList();
        if (todo.isEmpty()) return;
        Inherited inner = inherited.plus(keywords(call)).inRole(call);
        play.walk(call.role().dependencies().stream().map(d -> (io.swarmplay.playbook.TaskNode) d).toList(), todo, inner);
        play.walk(call.role().tasks(), todo, inner);
        Set<String> hadTaskRun = ran.getOrDefault(call.identity(), Set.of());
        todo.stream().filter(HostState::active).filter(h -> hadTaskRun.contains(h.name())).forEach(h -> done.add(h.name()));
    }

    /**
     * Notes a task's result in its role: a role use whose tasks were all skipped (by {@code when}
     * or tags) on a host is not completed there, and a later use alike runs again, as in Ansible.
     */
    void taskFinished(StepSpec spec, HostState host, io.swarmplay.module.Status status) {
        RoleCall role = spec.inherited().role();
        if (role == null || status == io.swarmplay.module.Status.SKIPPED || status == io.swarmplay.module.Status.UNREACHABLE) return;
        ran.computeIfAbsent(role.identity(), k -> new HashSet<>()).add(host.name());
    }

    /**
     * The keywords a role use passes down to its tasks: an import_role's are a block's; a
     * {@code roles:} entry's {@code vars} are role vars, not block vars; an include_role passes
     * its {@code apply}.
     */
    static TaskOptions keywords(RoleCall call) {
        return call.kind() == RoleCall.Kind.IMPORT ? call.options() : call.options().withVars(Map.of());
    }

    /**
     * One inclusion of an include_role: the role is loaded now (a failure to load fails the
     * hosts), its handlers (and those of the roles it imports) join the play's, and its tasks run with the include's vars and loop
     * variables as include params.
     */
    void include(StepSpec spec, IncludeRole include, Includes.Inclusion inclusion, Includes includes, Inherited inherited) {
        Includes.RoleTarget target = (Includes.RoleTarget) inclusion.target();
        Diagnostics diagnostics = new Diagnostics();
        Optional<Role> role = PlaybookLoader.loadRole(target.name(), target.from(), include.search(),
                include.moduleDefaults(), run.request.modules(), diagnostics);
        if (diagnostics.hasErrors() || role.isEmpty()) {
            includes.fail(spec, inclusion, "cannot include role '" + target.name() + "': " + Includes.errors(diagnostics));
            return;
        }
        RoleCall call = new RoleCall(role.get(), Map.of(), include.apply().withVars(include.options().vars()),
                RoleCall.Kind.INCLUDE, include.allowDuplicates(), include.at());
        if (include.isPublic()) scope.addPlayRole(call);
        // Ansible loads the role's import_roles first, adding their handlers, then adds the role's own
        List<RoleCall> chain = new java.util.ArrayList<>(inherited.roles());
        chain.add(call);
        RoleVars.playRoles(role.get().tasks()).forEach(imported -> play.addHandlers(handlers(imported, chain)));
        play.addHandlers(handlers(call, inherited.roles()));
        run(call, inclusion.hosts(), inherited.plusIncludeParams(include.options().vars())
                .plusIncludeParams(inclusion.loopVars()));
    }

    /** The handlers of a role use and of its dependencies (theirs first), each knowing its role chain. */
    static List<Handler> handlers(RoleCall call, List<RoleCall> parents) {
        List<RoleCall> chain = new ArrayList<>(parents);
        chain.add(call);
        List<Handler> handlers = new ArrayList<>();
        for (RoleCall dep : call.role().dependencies()) handlers.addAll(handlers(dep, chain));
        for (Handler h : call.role().handlers()) handlers.add(h.inRoles(chain));
        return handlers;
    }
}
