package io.swarmplay.run;

import io.swarmplay.playbook.RoleCall;
import io.swarmplay.playbook.TaskOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords a block (or an import) passes down to every task inside it: conditions, tags, vars,
 * environment, the flags Ansible inherits, and {@code notify} (a task's own wins, as in Ansible);
 * inside roles, the chain of role uses (outermost first) and the include params
 * ({@code include_role}'s vars and loop variables), which rank above {@code set_fact}.
 */
record Inherited(List<String> when, Set<String> tags, List<Map<String, Object>> vars,
                 Map<String, Object> environment, Boolean checkMode, boolean ignoreErrors, boolean noLog,
                 String delegateTo, Boolean become, String becomeUser, List<String> notifies,
                 List<RoleCall> roles, Map<String, Object> includeParams) {

    static Inherited root(Set<String> playTags, Map<String, Object> playEnvironment, Boolean become, String becomeUser) {
        return new Inherited(List.of(), playTags, List.of(), playEnvironment, null, false, false, null, become, becomeUser,
                List.of(), List.of(), Map.of());
    }

    /** These keywords with one more layer of variables (an include's vars and loop variables). */
    Inherited plusVars(Map<String, Object> more) {
        if (more.isEmpty()) return this;
        List<Map<String, Object>> allVars = new ArrayList<>(vars);
        allVars.add(more);
        return new Inherited(when, tags, allVars, environment, checkMode, ignoreErrors, noLog, delegateTo, become, becomeUser,
                notifies, roles, includeParams);
    }

    /** Inside one more role use (the innermost last). */
    Inherited inRole(RoleCall call) {
        List<RoleCall> chain = new ArrayList<>(roles);
        chain.add(call);
        return new Inherited(when, tags, vars, environment, checkMode, ignoreErrors, noLog, delegateTo, become, becomeUser,
                notifies, List.copyOf(chain), includeParams);
    }

    /** In the role uses {@code chain} (a role's handler). */
    Inherited inRoles(List<RoleCall> chain) {
        return new Inherited(when, tags, vars, environment, checkMode, ignoreErrors, noLog, delegateTo, become, becomeUser,
                notifies, List.copyOf(chain), includeParams);
    }

    /** With more include params, over the ones passed down. */
    Inherited plusIncludeParams(Map<String, Object> more) {
        if (more.isEmpty()) return this;
        Map<String, Object> all = new LinkedHashMap<>(includeParams);
        all.putAll(more);
        return new Inherited(when, tags, vars, environment, checkMode, ignoreErrors, noLog, delegateTo, become, becomeUser,
                notifies, roles, all);
    }

    /** These keywords plus a block's own options. */
    Inherited plus(TaskOptions o) {
        List<String> allWhen = new ArrayList<>(when);
        allWhen.addAll(o.when());
        Set<String> allTags = new HashSet<>(tags);
        allTags.addAll(o.tags());
        List<Map<String, Object>> allVars = new ArrayList<>(vars);
        if (!o.vars().isEmpty()) allVars.add(o.vars());
        Map<String, Object> env = new LinkedHashMap<>(environment);
        env.putAll(o.environment());
        return new Inherited(allWhen, allTags, allVars, env,
                o.checkMode() != null ? o.checkMode() : checkMode,
                ignoreErrors || o.ignoreErrors(), noLog || o.noLog(),
                o.delegateTo() != null ? o.delegateTo() : delegateTo,
                o.become() != null ? o.become() : become,
                o.becomeUser() != null ? o.becomeUser() : becomeUser,
                o.notifies().isEmpty() ? notifies : o.notifies(), roles, includeParams);
    }

    /** The innermost role use, or null outside roles. */
    RoleCall role() {
        return roles.isEmpty() ? null : roles.get(roles.size() - 1);
    }
}
