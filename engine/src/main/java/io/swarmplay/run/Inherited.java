package io.swarmplay.run;

import io.swarmplay.playbook.Flag;
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
 * ({@code include_role}'s vars and loop variables), which rank above {@code set_fact}; and {@code throttle}
 * (raw, the innermost one set wins).
 */
record Inherited(List<String> when, Set<String> tags, List<Map<String, Object>> vars,
                 Map<String, Object> environment, Flags flags, String delegateTo, String becomeUser, String remoteUser,
                 List<String> notifies, List<RoleCall> roles, Map<String, Object> includeParams,
                 Object throttle) {

    /**
     * The boolean keywords, a task's own over its blocks' (as Ansible: a task's {@code ignore_errors: false}
     * wins over its block's {@code true}). Templated ones are resolved per host ({@link #resolved}) before a
     * step reads them.
     */
    record Flags(Flag checkMode, Flag ignoreErrors, Flag noLog, Flag become, Flag diff, Flag runOnce,
                 Flag anyErrorsFatal, Flag ignoreUnreachable, Flag delegateFacts) {

        static final List<String> KEYWORDS = List.of("check_mode", "ignore_errors", "no_log", "become", "diff", "run_once",
                "any_errors_fatal", "ignore_unreachable", "delegate_facts");

        Flags plus(TaskOptions o) {
            return new Flags(o.checkMode().or(checkMode), o.ignoreErrors().or(ignoreErrors), o.noLog().or(noLog),
                    o.become().or(become), o.diff().or(diff), o.runOnce().or(runOnce),
                    o.anyErrorsFatal().or(anyErrorsFatal), o.ignoreUnreachable().or(ignoreUnreachable),
                    o.delegateFacts().or(delegateFacts));
        }

        List<Flag> all() {
            return List.of(checkMode, ignoreErrors, noLog, become, diff, runOnce, anyErrorsFatal, ignoreUnreachable,
                    delegateFacts);
        }

        /** Each flag resolved with {@code resolve} (keyword, flag → literal flag). */
        Flags map(java.util.function.BiFunction<String, Flag, Flag> resolve) {
            List<Flag> all = all();
            Flag[] out = new Flag[all.size()];
            for (int i = 0; i < out.length; i++) out[i] = resolve.apply(KEYWORDS.get(i), all.get(i));
            return new Flags(out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8]);
        }
    }

    static Inherited root(Set<String> playTags, Map<String, Object> playEnvironment, Flag become, String becomeUser) {
        return root(playTags, playEnvironment, become, Map.of(), becomeUser);
    }

    /** {@code playFlags}: the play's task keywords (check_mode, ignore_errors, no_log, diff, run_once, any_errors_fatal, ignore_unreachable). */
    static Inherited root(Set<String> playTags, Map<String, Object> playEnvironment, Flag become,
                          Map<String, Flag> playFlags, String becomeUser) {
        java.util.function.Function<String, Flag> f = k -> playFlags.getOrDefault(k, Flag.UNSET);
        Flags flags = new Flags(f.apply("check_mode"), f.apply("ignore_errors"), f.apply("no_log"), become,
                f.apply("diff"), f.apply("run_once"), f.apply("any_errors_fatal"), f.apply("ignore_unreachable"), Flag.UNSET);
        return new Inherited(List.of(), playTags, List.of(), playEnvironment, flags, null, becomeUser, null,
                List.of(), List.of(), Map.of(), null);
    }

    /** With the play's {@code throttle} (raw, or null), below every block's and task's own. */
    Inherited withThrottle(Object playThrottle) {
        return new Inherited(when, tags, vars, environment, flags, delegateTo, becomeUser, remoteUser, notifies, roles, includeParams,
                playThrottle);
    }

    /** With ansible.cfg's {@code no_log} (ANSIBLE_NO_LOG) true: the default of every task's {@code no_log} the play does not set. */
    Inherited withNoLog(boolean byDefault) {
        if (!byDefault || flags.noLog().isSet()) return this;
        Flags f = new Flags(flags.checkMode(), flags.ignoreErrors(), Flag.of(true), flags.become(), flags.diff(), flags.runOnce(),
                flags.anyErrorsFatal(), flags.ignoreUnreachable(), flags.delegateFacts());
        return new Inherited(when, tags, vars, environment, f, delegateTo, becomeUser, remoteUser, notifies, roles, includeParams, throttle);
    }

    /** With the flags resolved for one host by {@code resolve} (keyword, flag → literal flag). */
    Inherited resolved(java.util.function.BiFunction<String, Flag, Flag> resolve) {
        if (!hasTemplatedFlags()) return this;
        return new Inherited(when, tags, vars, environment, flags.map(resolve), delegateTo, becomeUser, remoteUser, notifies,
                roles, includeParams, throttle);
    }

    boolean hasTemplatedFlags() {
        return flags.all().stream().anyMatch(Flag::isTemplated);
    }

    boolean ignoreErrors() {
        return flags.ignoreErrors().isTrue();
    }

    boolean noLog() {
        return flags.noLog().isTrue();
    }

    boolean runOnce() {
        return flags.runOnce().isTrue();
    }

    boolean ignoreUnreachable() {
        return flags.ignoreUnreachable().isTrue();
    }

    boolean delegateFacts() {
        return flags.delegateFacts().isTrue();
    }

    /** {@code check_mode}: null = follow the run. */
    Boolean checkMode() {
        return flags.checkMode().get();
    }

    /** {@code become}: null = the host's. */
    Boolean become() {
        return flags.become().get();
    }

    /** {@code become} where known: null too while a templated one is not yet rendered for the host. */
    Boolean becomeIfResolved() {
        return flags.become().isTemplated() ? null : flags.become().get();
    }

    /** {@code diff}: null = the run's. */
    Boolean diff() {
        return flags.diff().get();
    }

    /** These keywords with one more layer of variables (an include's vars and loop variables). */
    Inherited plusVars(Map<String, Object> more) {
        if (more.isEmpty()) return this;
        List<Map<String, Object>> allVars = new ArrayList<>(vars);
        allVars.add(more);
        return new Inherited(when, tags, allVars, environment, flags, delegateTo, becomeUser, remoteUser,
                notifies, roles, includeParams, throttle);
    }

    /** Inside one more role use (the innermost last). */
    Inherited inRole(RoleCall call) {
        List<RoleCall> chain = new ArrayList<>(roles);
        chain.add(call);
        return new Inherited(when, tags, vars, environment, flags, delegateTo, becomeUser, remoteUser,
                notifies, List.copyOf(chain), includeParams, throttle);
    }

    /** In the role uses {@code chain} (a role's handler). */
    Inherited inRoles(List<RoleCall> chain) {
        return new Inherited(when, tags, vars, environment, flags, delegateTo, becomeUser, remoteUser,
                notifies, List.copyOf(chain), includeParams, throttle);
    }

    /** With more include params, over the ones passed down. */
    Inherited plusIncludeParams(Map<String, Object> more) {
        if (more.isEmpty()) return this;
        Map<String, Object> all = new LinkedHashMap<>(includeParams);
        all.putAll(more);
        return new Inherited(when, tags, vars, environment, flags, delegateTo, becomeUser, remoteUser,
                notifies, roles, all, throttle);
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
        return new Inherited(allWhen, allTags, allVars, env, flags.plus(o),
                o.delegateTo() != null ? o.delegateTo() : delegateTo,
                o.becomeUser() != null ? o.becomeUser() : becomeUser,
                o.remoteUser() != null ? o.remoteUser() : remoteUser,
                o.notifies().isEmpty() ? notifies : o.notifies(), roles, includeParams,
                o.throttle() != null ? o.throttle() : throttle);
    }

    /** The innermost role use, or null outside roles. */
    RoleCall role() {
        return roles.isEmpty() ? null : roles.get(roles.size() - 1);
    }
}
