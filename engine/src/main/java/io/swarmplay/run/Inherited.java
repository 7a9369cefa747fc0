package io.swarmplay.run;

import io.swarmplay.playbook.TaskOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords a block (or an import) passes down to every task inside it: conditions, tags, vars,
 * environment, the flags Ansible inherits, and {@code notify} (a task's own wins, as in Ansible).
 */
record Inherited(List<String> when, Set<String> tags, List<Map<String, Object>> vars,
                 Map<String, Object> environment, Boolean checkMode, boolean ignoreErrors, boolean noLog,
                 String delegateTo, Boolean become, String becomeUser, List<String> notifies) {

    static Inherited root(Set<String> playTags, Map<String, Object> playEnvironment, Boolean become, String becomeUser) {
        return new Inherited(List.of(), playTags, List.of(), playEnvironment, null, false, false, null, become, becomeUser,
                List.of());
    }

    /** These keywords with one more layer of variables (an include's vars and loop variables). */
    Inherited plusVars(Map<String, Object> more) {
        if (more.isEmpty()) return this;
        List<Map<String, Object>> allVars = new ArrayList<>(vars);
        allVars.add(more);
        return new Inherited(when, tags, allVars, environment, checkMode, ignoreErrors, noLog, delegateTo, become, becomeUser,
                notifies);
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
                o.notifies().isEmpty() ? notifies : o.notifies());
    }
}
