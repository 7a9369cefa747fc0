package io.swarmplay.plan;

import io.swarmplay.module.Action;
import io.swarmplay.module.Diff;

import java.util.List;
import java.util.Map;

/**
 * One task on one host (one loop item) as the plan shows it.
 *
 * @param play     the play's name
 * @param host     inventory name (with {@code -> delegate} when delegated)
 * @param task     the task's name (with {@code (handler)} for a handler)
 * @param item     the loop item's label, or null outside a loop
 * @param module   the module as written
 * @param action   what would happen; null for a skipped step
 * @param summary  the one-line summary or reason
 * @param args     rendered arguments, secrets masked, {@code (known after apply)} where unknown
 * @param diff     the diff, or null
 * @param position where the task is written
 * @param failed   the step could not be planned (e.g. an assertion failed); {@code summary} says why
 * @param hidden   {@code no_log}: censored, the summary is Ansible's notice and there are no arguments or diff
 * @param readOnly the module never changes a host ({@code stat}, {@code assert}, an {@code _info} module ...)
 */
public record PlannedStep(String play, String host, String task, String item, String module, Action action,
                          String summary, Map<String, Object> args, Diff diff, String position, boolean failed,
                          boolean hidden, boolean readOnly) {

    /** The arguments that name the object a step manages, in the order tried. */
    private static final List<String> NAMING = List.of("name", "dest", "path");

    /** How an argument known only after apply reads (a name containing it names no object yet). */
    public static final String KNOWN_AFTER_APPLY = "(known after apply)";

    public boolean skipped() {
        return action == null && !failed;
    }

    /** The task as a line shows it: its name, and the loop item when there is one. */
    public String title() {
        return item == null ? task : task + " (item=" + item + ")";
    }

    /** The module without its collection prefix: {@code docker_container} for {@code community.docker.docker_container}. */
    public String type() {
        return module.substring(module.lastIndexOf('.') + 1);
    }

    /**
     * The object or action within its host: {@code docker_container.sn-1}, {@code file./opt/x}
     * for an object an argument names (loop items have their own arguments, so each is its own
     * object); {@code command[task name]} for an action on no named object, its loop items being
     * steps of that one action.
     */
    public String name() {
        if (!hidden) {
            for (String key : NAMING) {
                if (args.get(key) instanceof String s && !s.isEmpty() && !s.contains(KNOWN_AFTER_APPLY)) {
                    return type() + "." + s;
                }
            }
        }
        return type() + "[" + task + "]";
    }

    /** The stable address, e.g. {@code host-1 docker_container.sn-1}: the host, a space, {@link #name()}. */
    public String address() {
        return host + " " + name();
    }

    /** The marker a line shows: the action's, {@code !} for a failing step, {@code ·} for a skipped one. */
    public String marker() {
        return failed ? "!" : skipped() ? "·" : action.marker();
    }

    /** The state word of the JSON view: the action in lower case, {@code failed} or {@code skipped}. */
    public String state() {
        return failed ? "failed" : skipped() ? "skipped" : action.name().toLowerCase();
    }
}
