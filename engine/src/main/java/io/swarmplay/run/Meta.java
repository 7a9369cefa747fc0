package io.swarmplay.run;

import io.swarmplay.module.Status;

import java.util.List;

/**
 * {@code meta:} actions that steer the run rather than a host: {@code flush_handlers},
 * {@code end_play}, {@code end_host}, {@code clear_facts}, {@code clear_host_errors}, {@code noop}.
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
        List<HostState> chosen = hosts.stream()
                .filter(h -> step.step(spec, h).outcome().status() != Status.SKIPPED).toList();
        switch (action) {
            case "flush_handlers" -> play.flushHandlers(hosts);
            case "end_play" -> {
                if (!chosen.isEmpty()) play.endPlay();
            }
            case "end_host" -> chosen.forEach(h -> h.endedPlay = true);
            case "clear_facts" -> chosen.forEach(h -> h.facts.clear());
            case "clear_host_errors" -> play.hosts().forEach(h -> h.failed = false);
            default -> {
                // noop, refresh_inventory and the rest change nothing here
            }
        }
    }
}
