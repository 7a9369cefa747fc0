package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.module.Outcome;
import io.swarmplay.playbook.Flag;
import io.swarmplay.playbook.Block;
import io.swarmplay.playbook.Handler;
import io.swarmplay.playbook.IncludeRole;
import io.swarmplay.playbook.IncludeTasks;
import io.swarmplay.playbook.RoleCall;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Task;
import io.swarmplay.playbook.TaskNode;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.report.RunEvent.NoHostsLeft;
import io.swarmplay.report.RunEvent.PlayStarted;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.report.RunEvent.Warning;
import io.swarmplay.template.TemplateException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One play with the linear strategy: every host finishes a task before any host starts the
 * next; failed and unreachable hosts leave the play; handlers run after each section. With
 * {@code serial}, the hosts run the whole play in batches, one batch after the other.
 */
final class PlayRun {

    private final RunState run;
    private final Play play;
    private final List<HostState> hosts = new ArrayList<>();
    private final PlayScope scope;
    private final TaskRunner tasks;
    private final Roles roles;
    /**
     * The handlers in Ansible's order: those of the play's {@code roles:}, the play's own, those of
     * {@code import_role}s, then those an include_role adds when it runs. A notification reaches the
     * last one of its name, so a role included later overrides the play's handler of that name.
     */
    private final List<Handler> handlers = new ArrayList<>();
    private final Set<String> handlerKeys = new java.util.HashSet<>();
    /** Failed hosts running a handler under {@code force_handlers}: the tasks an include_tasks handler includes run on them too. */
    private Set<HostState> forced = Set.of();
    /** While a handler runs, the tasks it includes are handlers too (shown as RUNNING HANDLER). */
    private boolean inHandler;
    /** The block sections being walked, innermost last (Ansible's iterator states, for any_errors_fatal). */
    private final Deque<Section> sections = new ArrayDeque<>();
    private boolean ended;
    /** {@code meta: end_play}: no later batch runs. */
    private boolean playEnded;
    private List<HostState> batch = List.of();
    /** Hosts of the current batch that failed (for {@code max_fail_percentage}). */
    private final Set<HostState> failedInBatch = new LinkedHashSet<>();

    /**
     * A block section: {@code handles} when a failure in it still has a rescue or always of this
     * block to run; {@code recovering} for the rescue and always sections themselves.
     */
    private record Section(boolean handles, boolean recovering) {
    }

    PlayRun(RunState run, Play play) {
        this.run = run;
        this.play = play;
        for (Host host : selectHosts(run, play)) hosts.add(run.host(host));
        this.scope = new PlayScope(run, play, hosts.stream().map(HostState::name).toList());
        this.tasks = new TaskRunner(run, scope, this);
        this.roles = new Roles(run, scope, this);
        List<RoleCall> uses = new ArrayList<>();
        for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            uses.addAll(RoleVars.playRoles(section));
        }
        uses.stream().filter(call -> call.kind() == RoleCall.Kind.PLAY).forEach(call -> addHandlers(Roles.handlers(call, List.of())));
        addHandlers(play.handlers());
        uses.stream().filter(call -> call.kind() != RoleCall.Kind.PLAY).forEach(call -> addHandlers(Roles.handlers(call, List.of())));
    }

    /** Adds handlers after the play's; a role's handler is added once however often the role is used alike. */
    void addHandlers(List<Handler> more) {
        for (Handler h : more) {
            String key = (h.roles().isEmpty() ? "" : h.roles().get(h.roles().size() - 1).identity()) + "|" + h.task().at()
                    + "|" + h.task().name();
            if (handlerKeys.add(key)) handlers.add(named(h));
        }
    }

    /**
     * The handler under its rendered name: Ansible renders a handler's name with the play's
     * variables; one that cannot be rendered answers only to its listen topics (with a warning).
     */
    private Handler named(Handler h) {
        String name = h.task().name();
        if (!name.contains("{{") || hosts.isEmpty()) return h;
        try {
            Object rendered = io.swarmplay.template.Unsafe.strip(
                    run.templar().render(name, scope.hostScope(hosts.get(0)).toMap(), h.task().at()));
            if (rendered instanceof io.swarmplay.template.Unknown) return h;
            return h.named(String.valueOf(rendered));
        } catch (io.swarmplay.template.TemplateException e) {
            if (h.listen().isEmpty()) {
                run.report(new Warning("Handler '" + name + "' is unusable because it has no listen topics and the name "
                        + "could not be templated (host-specific variables are not supported in handler names). "
                        + "The error: " + e.getMessage()));
            }
            return h;
        }
    }

    /**
     * The handlers {@code notify: topics} reaches now, as Ansible looks them up when the task's result
     * comes in: per topic the last handler of that name (or role-qualified name) and every handler
     * listening to it. A topic no handler answers is Ansible's error, a warning when
     * {@code error_on_missing_handler} is off.
     */
    List<Handler> notified(List<String> topics) {
        List<Handler> reached = new ArrayList<>();
        for (String topic : topics) {
            List<Handler> answering = answering(topic);
            reached.addAll(answering);
            if (!answering.isEmpty()) continue;
            String message = "The requested handler '" + topic
                    + "' was not found in either the main handlers list nor in the listening handlers list";
            if (run.request.handlers().errorOnMissing()) throw new RunAborted(message);
            run.report(new Warning(message));
        }
        return reached;
    }

    // the handler named so, then every one listening to it
    private List<Handler> answering(String topic) {
        List<Handler> answering = new ArrayList<>();
        Handler named = byName(topic);
        if (named != null) answering.add(named);
        handlers.stream().filter(h -> h.listensTo(topic)).forEach(answering::add);
        return answering;
    }

    // Ansible searches the blocks of handlers backwards, each block forwards: the first of the last block with one
    private Handler byName(String topic) {
        Handler found = null;
        for (int i = handlers.size() - 1; i >= 0; i--) {
            Handler h = handlers.get(i);
            if (found != null && !h.sameGroup(found)) break;
            if (h.namedAs(topic)) found = h;
        }
        return found;
    }

    Roles roles() {
        return roles;
    }

    /** The hosts of {@code play}: its pattern, within {@code --limit}, in the play's {@code order}. */
    static List<Host> selectHosts(RunState run, Play play) {
        return ordered(matchingHosts(run, play), order(run, play));
    }

    /** The hosts of {@code play}: its pattern, within {@code --limit}, in inventory order. */
    static List<Host> matchingHosts(RunState run, Play play) {
        List<Host> selected = run.inventory().select(pattern(run, play));
        if (run.request.limit() != null) {
            Set<String> limited = Set.copyOf(run.inventory().select(run.request.limit()).stream()
                    .map(Host::name).toList());
            selected = selected.stream().filter(h -> limited.contains(h.name())).toList();
        }
        return selected;
    }

    // a templated order is rendered with the play's vars and extra vars, then checked as Ansible does
    private static String order(RunState run, Play play) {
        String order = play.hostOptions().order();
        if (!isTemplated(order)) return order;
        String rendered = String.valueOf(renderPlayField(run, play, order, "order"));
        if (!Play.Hosts.ORDERS.contains(rendered)) {
            throw new RunAborted("Invalid 'order' specified for inventory hosts: " + rendered);
        }
        return rendered;
    }

    private static boolean isTemplated(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    // a boolean play keyword (gather_facts, force_handlers): a template rendered as Ansible's post-validated play
    static boolean playFlag(RunState run, Play play, Flag flag, String field) {
        try {
            return flag.resolve(t -> renderPlayField(run, play, t, field)).isTrue();
        } catch (IllegalArgumentException e) {
            throw new RunAborted("the field '" + field + "' has an invalid value (" + flag.template()
                    + "), and could not be converted to an bool.The error was: The value '" + e.getMessage()
                    + "' is not a valid boolean.  Valid booleans include: 0, 1, 'y', 'no', 'on', 'n', 'true', 't', 'false', 'off', 'f', '1', '0', 'yes'");
        }
    }

    // a play keyword's template, rendered with the play's vars and extra vars
    private static Object renderPlayField(RunState run, Play play, String text, String field) {
        try {
            return io.swarmplay.template.Unsafe.strip(
                    run.templar().render(text, TagSelection.playVars(play, run.request.extraVars()), play.at()));
        } catch (TemplateException e) {
            throw new RunAborted("The field '" + field + "' has an invalid value, which includes an undefined variable. "
                    + TaskStep.templateMessage(e));
        }
    }

    /**
     * The play's host pattern; a templated one is rendered with the play's vars and extra vars, as
     * Ansible does (a list renders as its names joined with commas).
     */
    static String pattern(RunState run, Play play) {
        String hosts = play.hosts();
        if (!isTemplated(hosts)) return hosts;
        Object value = renderPlayField(run, play, hosts, "hosts");
        if (value instanceof List<?> list) return String.join(",", list.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }

    // a templated strategy, rendered as Ansible does: linear runs, another shipped one is warned, else an error
    private void checkStrategy() {
        String strategy = play.hostOptions().strategy();
        if (strategy == null || !isTemplated(strategy)) return;
        String rendered = String.valueOf(renderPlayField(run, play, strategy, "strategy"));
        if (rendered.equals("linear")) return;
        if (!Play.Hosts.STRATEGIES.contains(rendered)) throw new RunAborted("Invalid play strategy specified: " + rendered);
        run.report(new Warning("strategy '" + rendered + "' is not supported yet; the play runs with 'linear'"));
    }

    /** Ansible's {@code order}: inventory, reverse_inventory, sorted, reverse_sorted (by name) or shuffle. */
    static List<Host> ordered(List<Host> hosts, String order) {
        List<Host> out = new java.util.ArrayList<>(hosts);
        switch (order) {
            case "reverse_inventory" -> java.util.Collections.reverse(out);
            case "sorted" -> out.sort(java.util.Comparator.comparing(Host::name));
            case "reverse_sorted" -> out.sort(java.util.Comparator.comparing(Host::name).reversed());
            case "shuffle" -> java.util.Collections.shuffle(out);
            default -> { }
        }
        return out;
    }

    /**
     * Runs the play batch by batch ({@code serial}); returns false when a whole batch failed (the
     * run then stops, as Ansible does).
     */
    boolean run() {
        checkStrategy();
        ReservedNames.warnings(scope.playVars().keySet()).forEach(w -> run.report(new Warning(w)));
        if (hosts.stream().noneMatch(h -> !h.failed && !h.unreachable)) {
            run.report(new PlayStarted(play, scope.playName(), List.of()));
            run.report(new Warning("no hosts matched pattern '" + pattern(run, play) + "' for play '" + scope.playName() + "'"));
            return true;
        }
        hosts.forEach(h -> h.endedHost = false);
        // values of variables named like secrets (registry.password, join_token) are masked in all output
        hosts.stream().filter(h -> !h.failed && !h.unreachable).forEach(this::maskSecretVars);
        List<List<HostState>> batches = batches();
        if (batches.isEmpty()) return false;
        for (List<HostState> batch : batches) {
            if (!runBatch(batch)) return false;
            if (playEnded || run.breakPlay || run.interrupted.get()) return true;
        }
        return true;
    }

    // a serial that renders to something else than sizes fails the play's hosts, naming the play
    private List<List<HostState>> batches() {
        try {
            return Batches.of(scope.serial(), hosts);
        } catch (TemplateException | IllegalArgumentException e) {
            String message = "serial of play '" + play.name() + "': "
                    + (e instanceof TemplateException t ? TaskStep.templateMessage(t) : e.getMessage() + " at " + play.at());
            Task task = new Task("serial", "serial", Map.of(), TaskOptions.NONE, play.at(), Map.of());
            StepSpec spec = new StepSpec(task, Inherited.root(Set.of(), Map.of(), io.swarmplay.playbook.Flag.UNSET, null), TaskKind.TASK);
            run.report(new PlayStarted(play, scope.playName(), List.of()));
            run.report(new TaskStarted(task, task.name(), TaskKind.TASK));
            for (HostState host : hosts) {
                tasks.record(spec, new StepResult(host, null, Outcome.failed(message), null, Map.of(), List.of(), false));
            }
            return List.of();
        }
    }

    /** The whole play for one batch of hosts; false when every host of the batch failed in it. */
    private boolean runBatch(List<HostState> batch) {
        List<HostState> active = batch.stream().filter(h -> !h.failed && !h.unreachable).toList();
        active.forEach(h -> h.endedPlay = false);
        ended = false;
        this.batch = batch;
        failedInBatch.clear();
        scope.batch(batch.stream().map(HostState::name).toList());
        run.report(new PlayStarted(play, scope.playName(), active.stream().map(HostState::name).toList()));
        if (active.isEmpty()) return true;
        Inherited root = root();
        if (playFlag(run, play, play.gatherFacts(), "gather_facts")) gatherFacts(active);
        for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            walk(section, active, root);
            flushHandlers(active);
        }
        active.forEach(h -> h.notified.clear());
        boolean allFailed = active.stream().allMatch(h -> h.failed || h.unreachable);
        return !(allFailed && active.size() == batch.size());
    }

    // gathering = smart: hosts whose facts an earlier play gathered are not gathered again
    private void gatherFacts(List<HostState> active) {
        List<HostState> hosts = active.stream().filter(h -> !(play.hostOptions().gatherOnce() && h.factsGathered)).toList();
        if (hosts.isEmpty()) return;
        new FactGatherer(run, scope).gather(hosts);
        hosts.forEach(h -> h.factsGathered = true);
    }

    private void maskSecretVars(HostState host) {
        scope.hostScope(host).layers().stream().filter(layer -> !layer.name().equals("magic"))
                .forEach(layer -> layer.vars().forEach((k, v) ->
                        run.request.redactor().addAll(RenderedArgs.secrets(k, v))));
    }

    /** Walks a task list for the hosts still active, in order. */
    void walk(List<TaskNode> nodes, List<HostState> hosts, Inherited inherited) {
        for (TaskNode node : nodes) {
            List<HostState> active = hosts.stream().filter(h -> h.active() || forced.contains(h) && !h.unreachable).toList();
            if (active.isEmpty() || ended || run.interrupted.get()) return;
            TaskKind kind = inHandler ? TaskKind.HANDLER : TaskKind.TASK;
            if (node instanceof Task task) {
                tasks.run(new StepSpec(task, inherited.plus(task.options()), kind), active);
            } else if (node instanceof Block block) {
                runBlock(block, active, inherited.plus(block.options()));
            } else if (node instanceof IncludeTasks || node instanceof IncludeRole) {
                tasks.include(node, active, inherited, kind);
            } else if (node instanceof RoleCall call) {
                roles.run(call, active, inherited);
            }
        }
    }

    private void runBlock(Block block, List<HostState> entered, Inherited inherited) {
        walkSection(new Section(!block.rescue().isEmpty() || !block.always().isEmpty(), false), block.block(), entered,
                inherited);
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
            host.register("ansible_failed_result", host.lastFailedResult);
        }
        walkSection(new Section(!block.always().isEmpty(), true), block.rescue(), failed, inherited);
    }

    private void walkSection(Section section, List<TaskNode> nodes, List<HostState> hosts, Inherited inherited) {
        sections.addLast(section);
        try {
            walk(nodes, hosts, inherited);
        } finally {
            sections.removeLast();
        }
    }

    /** Whether a failure of the task being run still has a rescue or always to run (then it is not yet fatal). */
    boolean failureHandled() {
        return sections.stream().anyMatch(Section::handles);
    }

    /**
     * {@code any_errors_fatal} (or a failed {@code run_once} task): every host of the play stops,
     * except those running the task just failed inside a rescue or always section, which finish
     * it, as Ansible 2.14's linear strategy does; the run ends after this play.
     */
    private void stopForFatalError(List<HostState> running) {
        boolean recovering = !sections.isEmpty() && sections.getLast().recovering();
        for (HostState host : hosts) {
            if (host.active() && !(recovering && running.contains(host))) host.stopped = true;
        }
        run.breakPlay = true;
        if (hosts.stream().noneMatch(HostState::active)) run.report(new NoHostsLeft());
    }

    private void always(Block block, List<HostState> entered, Inherited inherited) {
        List<HostState> eligible = entered.stream().filter(h -> !h.unreachable && !h.endedPlay && !h.stopped).toList();
        Map<HostState, Integer> wereFailed = new java.util.HashMap<>();
        eligible.stream().filter(h -> h.failed).forEach(h -> wereFailed.put(h, h.errorsCleared));
        wereFailed.keySet().forEach(h -> h.failed = false);
        walkSection(new Section(false, true), block.always(), eligible, inherited);
        // still failed after the always section, unless a meta: clear_host_errors in it cleared the error
        wereFailed.forEach((h, cleared) -> h.failed |= h.errorsCleared == cleared);
    }

    /**
     * Runs notified handlers in definition order, once per notified host; with {@code force_handlers}
     * (the play's, else {@code --force-handlers} or ANSIBLE_FORCE_HANDLERS) also on hosts that failed.
     * As in Ansible, a host stays notified while its handler runs (a handler notifying itself is a
     * no-op); a handler notified by one before it in the list runs in this flush, one after it in the next.
     */
    void flushHandlers(List<HostState> hosts) {
        if (run.interrupted.get()) return;
        boolean force = play.forceHandlers().isSet() ? playFlag(run, play, play.forceHandlers(), "force_handlers")
                : run.request.handlers().force();
        for (int i = 0; i < handlers.size(); i++) {
            Handler handler = handlers.get(i);
            List<HostState> notified = hosts.stream().filter(h -> h.active() || force && h.failed && !h.unreachable)
                    .filter(h -> h.notified.contains(handler)).toList();
            if (notified.isEmpty()) continue;
            forced = force ? notified.stream().filter(h -> h.failed).collect(java.util.stream.Collectors.toSet()) : Set.of();
            inHandler = true;
            try {
                runHandler(handler, notified);
            } finally {
                forced = Set.of();
                inHandler = false;
            }
            notified.forEach(h -> h.notified.remove(handler));
        }
    }

    /** The keywords the play passes down to its tasks and handlers. */
    private Inherited root() {
        return Inherited.root(play.tags(), play.environment(), play.become(), play.taskFlags(), play.becomeUser())
                .withNoLog(run.request.noLog()).withThrottle(play.hostOptions().throttle());
    }

    /** One handler for the hosts notified, with its role's variables and keywords. */
    private void runHandler(Handler handler, List<HostState> notified) {
        Inherited root = root();
        for (RoleCall call : handler.roles()) root = root.plus(Roles.keywords(call));
        Inherited inherited = root.inRoles(handler.roles());
        for (TaskOptions block : handler.blocks()) inherited = inherited.plus(block);
        if (handler.include() != null) {
            tasks.include(handler.include(), notified, inherited, TaskKind.HANDLER);
        } else {
            Task task = handler.task();
            tasks.run(new StepSpec(task, inherited.plus(task.options()), TaskKind.HANDLER), notified);
        }
    }

    /** {@code meta: end_play}: this batch and every later one. */
    void endPlay() {
        ended = true;
        playEnded = true;
        hosts.forEach(h -> h.endedPlay = true);
    }

    /** {@code meta: end_batch}: the hosts of this batch run nothing more; the next batch starts. */
    void endBatch() {
        ended = true;
        batch.forEach(h -> h.endedPlay = true);
    }

    /**
     * Hosts whose failure no rescue or always will see, after a task: {@code any_errors_fatal}
     * ({@code fatal}) stops every host, and so does {@code max_fail_percentage} once more than that
     * share of the batch has failed, as Ansible 2.14 does.
     */
    void hostsFailed(List<HostState> failed, boolean fatal, List<HostState> running) {
        failed.stream().filter(h -> !h.unreachable).forEach(failedInBatch::add);
        if (fatal) {
            stopForFatalError(running);
        } else if (play.maxFailPercentage() != null
                && failedInBatch.size() / (double) batch.size() > play.maxFailPercentage() / 100.0) {
            stopForFatalError(List.of());
        }
    }

    List<HostState> hosts() {
        return hosts;
    }
}
