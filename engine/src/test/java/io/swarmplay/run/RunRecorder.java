package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.report.RunEvent;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records a run's events for assertions ({@code EngineTestKit} style). */
final class RunRecorder implements RunListener {

    final List<RunEvent> events = new ArrayList<>();

    @Override
    public synchronized void report(RunEvent event) {
        events.add(event);
    }

    List<HostFinished> finished() {
        return events.stream().filter(e -> e instanceof HostFinished).map(e -> (HostFinished) e).toList();
    }

    /** Host → status for the task with this name (tasks and handlers). */
    Map<String, Status> statuses(String task) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (HostFinished e : finished()) if (e.name().equals(task)) statuses.put(e.host(), e.outcome().status());
        return statuses;
    }

    Outcome outcome(String task, String host) {
        return finished().stream().filter(e -> e.name().equals(task) && e.host().equals(host))
                .map(HostFinished::outcome).findFirst()
                .orElseThrow(() -> new AssertionError("no result for task '" + task + "' on " + host + "; tasks: " + taskNames()));
    }

    List<String> hostsWith(String task, Status status) {
        return statuses(task).entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }

    /** Names of tasks that reported, in order, without repeats. */
    List<String> taskNames() {
        List<String> names = new ArrayList<>();
        for (HostFinished e : finished()) if (e.kind() != TaskKind.FACTS && !names.contains(e.name())) names.add(e.name());
        return names;
    }

    /** (host, task) pairs that changed or would change, as "host:task". */
    List<String> changes() {
        return finished().stream().filter(e -> e.outcome().isChanged()).map(e -> e.host() + ":" + e.name()).toList();
    }
}
