package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.Verbose;

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
            case "flush_handlers" -> flush(spec, hosts, step);
            case "end_play" -> {
                if (!chosen(spec, first(hosts), step, "continuing play").isEmpty()) {
                    said("ending play");
                    play.endPlay();
                }
            }
            case "end_batch" -> {
                if (!chosen(spec, first(hosts), step, "continuing current batch").isEmpty()) {
                    said("ending batch");
                    play.endBatch();
                }
            }
            case "end_host" -> chosen(spec, hosts, step, "continuing execution for %s").forEach(h -> {
                said("ending play for " + h.name());
                h.endedPlay = true;
                h.endedHost = true;
            });
            case "clear_facts" -> chosen(spec, hosts, step, "not clearing facts and fact cache for %s").forEach(h -> {
                said("facts cleared");
                h.facts.clear();
                h.gathered.clear();
                // gathering = smart gathers a host again once its cached facts are gone
                h.factsGathered = false;
                run.clearCachedFacts(h);
            });
            case "clear_host_errors" -> {
                said("cleared host errors");
                play.hosts().forEach(h -> {
                    h.failed = false;
                    h.unreachable = false;
                    h.errorsCleared++;
                });
            }
            case "noop" -> said("noop");
            default -> {
                // refresh_inventory and the rest change nothing here
            }
        }
    }

    // the hosts whose `when` holds run their notified handlers now; a handler cannot flush (Ansible's error)
    private void flush(StepSpec spec, List<HostState> hosts, TaskStep step) {
        List<HostState> chosen = chosen(spec, hosts, step, "not running handlers for %s");
        if (chosen.isEmpty()) return;
        if (spec.kind() == TaskKind.HANDLER) throw new RunAborted("flush_handlers cannot be used as a handler");
        play.flushHandlers(chosen);
    }

    // Ansible's META line, shown from -vv
    private void said(String message) {
        run.report(new Verbose(2, "META: " + message));
    }

    // Ansible runs end_play and end_batch once, for the first host: its `when` decides
    private static List<HostState> first(List<HostState> hosts) {
        return hosts.subList(0, 1);
    }

    /**
     * The hosts whose {@code when} holds; a skipped one is shown (as Ansible does), not counted, with
     * Ansible's reason: "ACTION conditional evaluated to False, {@code otherwise}" (%s: the host).
     */
    private List<HostState> chosen(StepSpec spec, List<HostState> hosts, TaskStep step, String otherwise) {
        String action = String.valueOf(spec.task().args().get("_raw")).trim();
        List<HostState> chosen = new ArrayList<>();
        for (HostState host : hosts) {
            Outcome outcome = step.step(spec, host).outcome();
            if (outcome.status() != Status.SKIPPED) {
                chosen.add(host);
                continue;
            }
            if (outcome.change() == null) {
                String reason = action + " conditional evaluated to False, " + otherwise.formatted(host.name());
                said(reason);
                outcome = Outcome.skipped(reason);
            }
            run.report(new HostFinished(spec.task(), spec.name(), spec.kind(), host.name(), null, outcome, Map.of(),
                    false, step.forHost(spec, host).spec().inherited().noLog()));
        }
        return chosen;
    }
}
