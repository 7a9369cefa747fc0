package io.swarmplay.playbook;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task keywords other than the module call. Expressions are raw strings as written
 * ({@code when} conditions without braces). Lists of conditions are and-ed.
 *
 * @param when         conditions, all must hold; empty for none
 * @param loop         {@code loop}/{@code with_items}: a raw list, or a template string; null for none.
 *                     {@code with_items} is flattened one level by the loader: statically for a
 *                     literal list, else as {@code "{{ [..] | flatten(levels=1, skip_nulls=false) }}"};
 *                     {@code with_dict: X} becomes {@code "{{ query('dict', (X)) }}"}
 * @param loopControl  loop options
 * @param register     variable to store the result in, or null
 * @param changedWhen  conditions overriding "changed", or empty
 * @param failedWhen   conditions overriding "failed", or empty
 * @param ignoreErrors continue after a failure (counted as ignored); the boolean keywords are
 *                     {@link Flag}s: unset, a literal, or a template resolved per host at run time
 * @param until        retry until these hold, or empty
 * @param retries      number of retries for {@code until} (raw: int or template), null for default 3
 * @param delay        seconds between retries (raw), null for default 5
 * @param noLog        hide results and diffs
 * @param tags         tags (inherited ones are added by the runner)
 * @param notifies     {@code notify}: handler names or listen topics
 * @param vars         task vars (raw)
 * @param runOnce      run on the first host only, result shared with all
 * @param delegateTo   host to run on instead (raw template), or null
 * @param checkMode    {@code check_mode}: unset = follow the run, true = always check, false = always apply
 * @param environment  environment variables for commands (raw)
 * @param timeout      task timeout in seconds, or null
 * @param become       become root (or {@code becomeUser}); unset = inherit
 * @param becomeUser   user to become, or null
 * @param remoteUser   {@code remote_user}: the user to connect as (below any {@code ansible_user} variable), or null
 * @param diff         {@code diff:} override, or unset
 * @param async        {@code async} (seconds, raw: int or template) with {@code poll}; {@link Async#NONE} for none
 * @param anyErrorsFatal    {@code any_errors_fatal}: a failure on one host ends the play for all
 * @param ignoreUnreachable {@code ignore_unreachable}: an unreachable host is counted ok and ignored, and stays in the play
 * @param delegateFacts     {@code delegate_facts}: with {@code delegate_to}, facts go to the delegated host
 * @param loopWith     the lookup a {@code with_<lookup>} loop names ({@code items} for {@code with_items}), or
 *                     null for {@code loop:}; as in Ansible, a lookup's items are data, never rendered again
 * @param throttle     {@code throttle}: at most this many hosts run the task at once (raw: int or template), null for unset
 */
public record TaskOptions(List<String> when, Object loop, LoopControl loopControl, String register,
                          List<String> changedWhen, List<String> failedWhen, Flag ignoreErrors,
                          List<String> until, Object retries, Object delay, Flag noLog, Set<String> tags,
                          List<String> notifies, Map<String, Object> vars, Flag runOnce, String delegateTo,
                          Flag checkMode, Map<String, Object> environment, Integer timeout,
                          Flag become, String becomeUser, String remoteUser, Flag diff, Async async,
                          Flag anyErrorsFatal, Flag ignoreUnreachable, Flag delegateFacts, String loopWith,
                          Object throttle) {

    /**
     * {@code async: N} runs the step as a background job limited to N seconds; {@code poll: M}
     * checks it every M seconds (Ansible's default 15), {@code poll: 0} leaves it running. Both raw.
     */
    public record Async(Object seconds, Object poll) {
        public static final Async NONE = new Async(null, null);

        public boolean isSet() {
            return seconds != null;
        }
    }

    public static final TaskOptions NONE = new TaskOptions(List.of(), null, LoopControl.DEFAULT, null,
            List.of(), List.of(), Flag.UNSET, List.of(), null, null, Flag.UNSET, Set.of(), List.of(), Map.of(),
            Flag.UNSET, null, Flag.UNSET, Map.of(), null, Flag.UNSET, null, null, Flag.UNSET, Async.NONE,
            Flag.UNSET, Flag.UNSET, Flag.UNSET, null, null);

    /** These options with other {@code vars}. */
    public TaskOptions withVars(Map<String, Object> newVars) {
        return new TaskOptions(when, loop, loopControl, register, changedWhen, failedWhen, ignoreErrors, until, retries,
                delay, noLog, tags, notifies, newVars, runOnce, delegateTo, checkMode, environment, timeout, become,
                becomeUser, remoteUser, diff, async, anyErrorsFatal, ignoreUnreachable, delegateFacts, loopWith, throttle);
    }

    public TaskOptions {
        when = List.copyOf(when);
        changedWhen = List.copyOf(changedWhen);
        failedWhen = List.copyOf(failedWhen);
        until = List.copyOf(until);
        tags = Set.copyOf(tags);
        notifies = List.copyOf(notifies);
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        loopControl = loopControl == null ? LoopControl.DEFAULT : loopControl;
        async = async == null ? Async.NONE : async;
        ignoreErrors = orUnset(ignoreErrors);
        noLog = orUnset(noLog);
        runOnce = orUnset(runOnce);
        checkMode = orUnset(checkMode);
        become = orUnset(become);
        diff = orUnset(diff);
        anyErrorsFatal = orUnset(anyErrorsFatal);
        ignoreUnreachable = orUnset(ignoreUnreachable);
        delegateFacts = orUnset(delegateFacts);
    }

    private static Flag orUnset(Flag flag) {
        return flag == null ? Flag.UNSET : flag;
    }
}
