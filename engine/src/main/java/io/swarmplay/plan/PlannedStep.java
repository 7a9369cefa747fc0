package io.swarmplay.plan;

import io.swarmplay.module.Action;
import io.swarmplay.module.Diff;

import java.util.Map;

/**
 * One task on one host as the plan shows it.
 *
 * @param play     the play's name
 * @param host     inventory name (with {@code -> delegate} when delegated)
 * @param task     the task's name
 * @param module   the module as written
 * @param action   what would happen; null for a skipped step
 * @param summary  the one-line summary or reason
 * @param args     rendered arguments, secrets masked, {@code (known after apply)} where unknown
 * @param diff     the diff, or null
 * @param position where the task is written
 * @param failed   the step could not be planned (e.g. an assertion failed); {@code summary} says why
 * @param hidden   {@code no_log}: censored, the summary is Ansible's notice and there are no arguments or diff
 */
public record PlannedStep(String play, String host, String task, String module, Action action, String summary,
                          Map<String, Object> args, Diff diff, String position, boolean failed, boolean hidden) {

    public boolean skipped() {
        return action == null && !failed;
    }

    /** The arguments that name the object a step manages, in the order tried. */
    private static final java.util.List<String> NAMING = java.util.List.of("name", "dest", "path");

    /**
     * The object the step manages, e.g. {@code host-1 docker_container.sn-1} or
     * {@code host-2 copy./opt/swarm/x.conf}; null when no argument names one. Loop items have
     * their own arguments, so each item is its own object.
     */
    public String address() {
        for (String key : NAMING) {
            Object value = args.get(key);
            if (value instanceof String s && !s.isEmpty()) {
                return host + " " + module.substring(module.lastIndexOf('.') + 1) + "." + s;
            }
        }
        return null;
    }
}
