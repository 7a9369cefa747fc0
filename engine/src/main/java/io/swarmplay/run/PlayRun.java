package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.playbook.Block;
import io.swarmplay.playbook.Handler;
import io.swarmplay.playbook.IncludeTasks;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Task;
import io.swarmplay.playbook.TaskNode;
import io.swarmplay.report.RunEvent.PlayStarted;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One play with the linear strategy: every host finishes a task before any host starts the
 * next; failed and unreachable hosts leave the play; handlers run after each section.
 */
final class PlayRun {

    private final RunState run;
    private final Play play;
    private final List<HostState> hosts = new ArrayList<>();
    private final PlayScope scope;
    private final TaskRunner tasks;
    private boolean ended;

    PlayRun(RunState run, Play play) {
        this.run = run;
        this.play = play;
        for (Host host : selectHosts()) hosts.add(run.host(host));
        this.scope = new PlayScope(run, play, hosts.stream().map(HostState::name).toList());
        this.tasks = new TaskRunner(run, scope, this);
    }

    private List<Host> selectHosts() {
        List<Host> selected = run.request.inventory().select(play.hosts());
        if (run.request.limit() != null) {
            Set<String> limited = Set.copyOf(run.request.inventory().select(run.request.limit()).stream()
                    .map(Host::name).toList());
            selected = selected.stream().filter(h -> limited.contains(h.name())).toList();
        }
        return selected;
    }

    /** Runs the play; returns false when every host of the play failed (the run then stops, as Ansible does). */
    boolean run() {
        List<HostState> active = hosts.stream().filter(h -> !h.failed && !h.unreachable).toList();
        active.forEach(h -> h.endedPlay = false);
        run.report(new PlayStarted(play, play.name(), active.stream().map(HostState::name).toList()));
        if (active.isEmpty()) {
            run.report(new Warning("no hosts matched pattern '" + play.hosts() + "' for play '" + play.name() + "'"));
            return true;
        }
        // values of variables named like secrets (registry.password, join_token) are masked in all output
        for (HostState host : active) maskSecretVars(host);
        Inherited root = Inherited.root(play.tags(), play.environment(), play.become(), play.becomeUser());
        if (play.gatherFacts()) new FactGatherer(run, scope).gather(active);
        for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            walk(section, active, root);
            flushHandlers(active);
        }
        active.forEach(h -> h.notified.clear());
        return active.stream().anyMatch(h -> !h.failed && !h.unreachable);
    }

    private void maskSecretVars(HostState host) {
        scope.hostScope(host).layers().stream().filter(layer -> !layer.name().equals("magic"))
                .forEach(layer -> layer.vars().forEach((k, v) ->
                        run.request.redactor().addAll(RenderedArgs.secrets(k, v))));
    }

    /** Walks a task list for the hosts still active, in order. */
    void walk(List<TaskNode> nodes, List<HostState> hosts, Inherited inherited) {
        for (TaskNode node : nodes) {
            List<HostState> active = hosts.stream().filter(HostState::active).toList();
            if (active.isEmpty() || ended || run.interrupted.get()) return;
            if (node instanceof Task task) {
                tasks.run(new StepSpec(task, inherited.plus(task.options()), TaskKind.TASK), active);
            } else if (node instanceof Block block) {
                runBlock(block, active, inherited.plus(block.options()));
            } else if (node instanceof IncludeTasks include) {
                tasks.include(include, active, inherited.plus(include.options()));
            }
        }
    }

    private void runBlock(Block block, List<HostState> entered, Inherited inherited) {
        walk(block.block(), entered, inherited);
        List<HostState> failed = entered.stream().filter(h -> h.failed && !h.unreachable).toList();
        if (!block.rescue().isEmpty() && !failed.isEmpty()) rescue(block, failed, inherited);
        if (!block.always().isEmpty()) always(block, entered, inherited);
    }

    private void rescue(Block block, List<HostState> failed, Inherited inherited) {
        for (HostState host : failed) {
            host.failed = false;
            run.recap.host(host.name()).failed--;
            run.recap.host(host.name()).rescued++;
            host.registered.put("ansible_failed_task", host.lastFailedTask);
            host.registered.put("ansible_failed_result", host.lastFailedResult);
        }
        walk(block.rescue(), failed, inherited);
    }

    private void always(Block block, List<HostState> entered, Inherited inherited) {
        List<HostState> eligible = entered.stream().filter(h -> !h.unreachable && !h.endedPlay).toList();
        List<HostState> wereFailed = eligible.stream().filter(h -> h.failed).toList();
        wereFailed.forEach(h -> h.failed = false);
        walk(block.always(), eligible, inherited);
        wereFailed.forEach(h -> h.failed = true);
    }

    /** Runs notified handlers in definition order, once per notified host. */
    void flushHandlers(List<HostState> hosts) {
        if (run.interrupted.get()) return;
        for (Handler handler : play.handlers()) {
            List<HostState> notified = hosts.stream().filter(HostState::active)
                    .filter(h -> h.notified.stream().anyMatch(handler::answersTo)).toList();
            if (notified.isEmpty()) continue;
            notified.forEach(h -> h.notified.removeIf(handler::answersTo));
            Task task = handler.task();
            Inherited root = Inherited.root(play.tags(), play.environment(), play.become(), play.becomeUser());
            tasks.run(new StepSpec(task, root.plus(task.options()), TaskKind.HANDLER), notified);
        }
    }

    /** {@code meta: end_play}. */
    void endPlay() {
        ended = true;
        hosts.forEach(h -> h.endedPlay = true);
    }

    List<HostState> hosts() {
        return hosts;
    }
}
