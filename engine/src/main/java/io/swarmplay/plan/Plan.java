package io.swarmplay.plan;

import io.swarmplay.module.Action;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered steps of a preview, grouped by play and host when rendered.
 *
 * @param steps       every step of every host, in run order
 * @param unreachable the hosts that could not be contacted, in the order found, with the cause in
 *                    plain words; their steps are planned without their state
 * @param offline     {@code --offline}: every host but the control node planned as fresh (empty)
 */
public record Plan(List<PlannedStep> steps, Map<String, String> unreachable, boolean offline) {

    /** The header line of an offline plan. */
    public static final String OFFLINE = "offline: hosts planned as fresh (empty)";

    public Plan {
        steps = List.copyOf(steps);
        unreachable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unreachable));
    }

    public Plan(List<PlannedStep> steps) {
        this(steps, Map.of(), false);
    }

    /** True when no step would change anything. */
    public boolean isEmpty() {
        return steps.stream().allMatch(s -> s.skipped() || s.action() == Action.NONE);
    }

    public boolean hasUnknowns() {
        return steps.stream().anyMatch(s -> s.action() == Action.UNKNOWN);
    }

    public long failures() {
        return steps.stream().filter(PlannedStep::failed).count();
    }

    /**
     * The steps grouped by host (in the order hosts first appear) and, within a host, by the
     * object or action they act on (in the order first acted on).
     */
    public List<PlannedResource> resources() {
        Map<String, Map<String, List<PlannedStep>>> byHost = new LinkedHashMap<>();
        for (PlannedStep s : steps) {
            byHost.computeIfAbsent(s.host(), h -> new LinkedHashMap<>())
                    .computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        }
        List<PlannedResource> resources = new ArrayList<>();
        byHost.forEach((host, names) -> names.forEach((name, acting) -> resources.add(new PlannedResource(host, name, acting))));
        return resources;
    }

    /** The hosts in the order they first appear, each once. */
    public List<String> hosts() {
        return steps.stream().map(PlannedStep::host).distinct().toList();
    }

    /**
     * How many resources of each action: a resource counts once, with the action it shows
     * (a later step, e.g. a handler, acting on an object already counted is not another one).
     */
    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) counts.put(a, 0);
        for (PlannedResource r : resources()) {
            if (r.action() != null && !r.failed()) counts.merge(r.action(), 1, Integer::sum);
        }
        return counts;
    }

    /** {@code Plan: 3 to create, 1 to change, 0 to delete, 2 to run, 5 unchanged} (+ replace/unknown when any). */
    public String summary() {
        Map<Action, Integer> c = counts();
        StringBuilder s = new StringBuilder("Plan: ")
                .append(c.get(Action.CREATE)).append(" to create, ")
                .append(c.get(Action.UPDATE)).append(" to change, ")
                .append(c.get(Action.DELETE)).append(" to delete, ")
                .append(c.get(Action.RUN)).append(" to run, ")
                .append(c.get(Action.NONE)).append(" unchanged");
        if (c.get(Action.REPLACE) > 0) s.append(", ").append(c.get(Action.REPLACE)).append(" to replace");
        if (c.get(Action.UNKNOWN) > 0) s.append(", ").append(c.get(Action.UNKNOWN)).append(" unknown until apply");
        if (failures() > 0) s.append(", ").append(failures()).append(" failing");
        return s.toString();
    }
}
