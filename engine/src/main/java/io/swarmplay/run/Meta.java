package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.report.RunEvent.HostFinished;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code meta:} actions that steer the run rather than a host: {@code flush_handlers},
 * {@code end_play}, {@code end_batch}, {@code end_host}, {@code clear_facts},
 * {@code clear_host_errors}, {@code noop}.
 * The step still runs (through the {@code meta} module) so {@code when} decides per host.
 */
final class Meta {

    private final RunState run;
    private final PlayRun play;

    Meta(RunState run, PlayRun play) {
        this.run = run;
        this.play = play;
    }

    void run(StepSpec spec, List<HostState> hosts, TaskStep step) {
        String action = String.valueOf(spec.task().args().get("_raw")).trim();
        switch (action) {
            case "flush_handlers" -> play.flushHandlers(hosts);
            case "end_play" -> {
                if (!chosen(spec, first(hosts), step).isEmpty()) play.endPlay();
            }
            case "end_batch" -> {
                if (!chosen(spec, first(hosts), step).isEmpty()) play.endBatch();
            }
            case "end_host" -> chosen(spec, hosts, step).forEach(h -> {
                h.endedPlay = true;
                h.endedHost = true;
            });
            case "clear_facts" -> chosen(spec, hosts, step).forEach(h -> h.facts.clear());
            case "clear_host_errors" -> play.hosts().forEach(h -> {
                h.failed = false;
                h.unreachable = false;
                h.errorsCleared++;
            });
            default -> {
                // noop, refresh_inventory and the rest change nothing here
            }
        }
    }

    // Ansible runs end_play and end_batch once, for the first host: its `when` decides
    private static List<HostState> first(List<HostState> hosts) {
        return hosts.subList(0, 1);
    }

    // the hosts whose `when` holds; a skipped one is shown (as Ansible does), not counted
    private List<HostState> chosen(StepSpec spec, List<HostState> hosts, TaskStep step) {
        List<HostState> chosen = new ArrayList<>();
        for (HostState host : hosts) {
            Outcome outcome = step.step(spec, host).outcome();
            if (outcome.status() != Status.SKIPPED) {
                chosen.add(host);
            } else {
                run.report(new HostFinished(spec.task(), spec.name(), spec.kind(), host.name(), null, outcome, Map.of(),
                        false, step.forHost(spec, host).spec().inherited().noLog()));
            }
        }
        return chosen;
    }
}
