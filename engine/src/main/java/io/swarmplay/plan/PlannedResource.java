package io.swarmplay.plan;

import io.swarmplay.module.Action;

import java.util.Comparator;
import java.util.List;

/**
 * One object or action of a host with every step that acts on it, in run order: a handler
 * that restarts a container created earlier is a second step of the same resource, not a
 * second create.
 *
 * @param host  the host the steps run for (with {@code -> delegate} when delegated)
 * @param name  the address within the host, e.g. {@code docker_container.sn-1}
 * @param steps the steps, at least one
 */
public record PlannedResource(String host, String name, List<PlannedStep> steps) {

    /** Which action a resource shows when its steps differ: what it becomes, then what merely runs. */
    private static final List<Action> WEIGHT = List.of(Action.CREATE, Action.REPLACE, Action.DELETE, Action.UPDATE,
            Action.RUN, Action.UNKNOWN, Action.NONE);

    public PlannedResource {
        steps = List.copyOf(steps);
    }

    public String address() {
        return host + " " + name;
    }

    /** The step that decides what the resource shows: a failing one, else the weightiest action, else the first. */
    public PlannedStep decisive() {
        return steps.stream().filter(PlannedStep::failed).findFirst()
                .or(() -> steps.stream().filter(s -> s.action() != null)
                        .min(Comparator.comparingInt(s -> WEIGHT.indexOf(s.action()))))
                .orElse(steps.get(0));
    }

    /** Null when every step is skipped or one fails. */
    public Action action() {
        return decisive().action();
    }

    public boolean failed() {
        return decisive().failed();
    }

    public boolean skipped() {
        return decisive().skipped();
    }

    /** True when the default view leaves it out: nothing would change (unchanged, skipped or read-only). */
    public boolean quiet() {
        return !failed() && (skipped() || action() == Action.NONE || steps.stream().allMatch(PlannedStep::readOnly));
    }
}
