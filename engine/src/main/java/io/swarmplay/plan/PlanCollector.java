package io.swarmplay.plan;

import io.swarmplay.module.Action;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.report.RunEvent;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.PlayStarted;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Builds the {@link Plan} from the run's events: one step per task and host, facts left out. */
public final class PlanCollector implements RunListener {

    private final List<PlannedStep> steps = new ArrayList<>();
    private final List<ItemFinished> items = new ArrayList<>();
    private final Map<String, String> unreachable = new LinkedHashMap<>();
    private final boolean offline;
    private final Predicate<String> readOnly;
    private String play = "";

    /** A collector of a plan made against live hosts, no module known to be read-only. */
    public PlanCollector() {
        this(false, module -> false);
    }

    /**
     * {@code offline}: the plan is made with {@code --offline}, hosts planned as fresh;
     * {@code readOnly}: whether a module (as written) never changes a host.
     */
    public PlanCollector(boolean offline, Predicate<String> readOnly) {
        this.offline = offline;
        this.readOnly = readOnly;
    }

    /** Loop items come before their host's result: each item becomes a step of its own. */
    @Override
    public void report(RunEvent event) {
        if (event instanceof PlayStarted e) play = e.name();
        if (event instanceof RunEvent.HostUnreachable e) unreachable.putIfAbsent(e.host(), e.cause());
        if (event instanceof ItemFinished e) items.add(e);
        if (event instanceof HostFinished e && e.kind() != TaskKind.FACTS) finished(e);
    }

    private void finished(HostFinished e) {
        if (items.isEmpty()) {
            steps.add(step(e, null));
            return;
        }
        for (ItemFinished item : items) {
            steps.add(step(new HostFinished(e.task(), e.name(), e.kind(), e.host(), e.delegate(), item.outcome(),
                    item.args(), e.ignored(), e.noLog()), item.label()));
        }
        items.clear();
    }

    private PlannedStep step(HostFinished e, String item) {
        Outcome o = e.outcome();
        String host = e.host() + (e.delegate() != null ? " -> " + e.delegate() : "");
        boolean failed = o.status() == Status.FAILED || o.status() == Status.UNREACHABLE;
        Action action = o.status() == Status.SKIPPED && o.change() == null ? null
                : failed ? null
                : o.change() != null ? o.change().action() : Action.NONE;
        String name = e.kind() == TaskKind.HANDLER ? e.name() + " (handler)" : e.name();
        // a no_log step arrives censored (no arguments, no diff, Ansible's notice as its summary)
        // a step may end without a reason (a module's own result with no msg): it shows none, never fails the plan
        String summary = o.message() == null ? "" : o.message();
        return new PlannedStep(play, host, name, item, e.task().module(), action, summary, e.args(),
                o.change() == null ? null : o.change().diff(),
                e.task().at().isKnown() ? e.task().at().toString() : null, failed, e.noLog(),
                readOnly.test(e.task().module()));
    }

    public Plan plan() {
        return new Plan(SwopContainers.added(steps), unreachable, offline);
    }
}
