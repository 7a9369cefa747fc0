package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.module.VarsLayer;
import io.swarmplay.playbook.Flag;
import io.swarmplay.playbook.TaskNode;
import io.swarmplay.report.Recap;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.report.RunEvent.Warning;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unknown;
import io.swarmplay.template.Unsafe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task for the active hosts of a play: the steps in parallel (up to {@code forks}),
 * then, in inventory order on this thread, the events, the recap, {@code register},
 * {@code notify} and the host's failed or unreachable state.
 */
final class TaskRunner {

    /** How long running steps may take to end after an interrupt. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);
    private static final long POLL_MS = 100;

    private final RunState run;
    private final PlayScope scope;
    private final PlayRun play;
    private final TaskStep step;
    private final Meta meta;
    private final Includes includes;

    TaskRunner(RunState run, PlayScope scope, PlayRun play) {
        this.run = run;
        this.scope = scope;
        this.play = play;
        this.step = new TaskStep(run, scope);
        this.meta = new Meta(run, play);
        this.includes = new Includes(run, scope, play, this, step);
    }

    void run(StepSpec spec, List<HostState> hosts) {
        if (!selected(spec)) return;
        if (spec.task().module().endsWith("meta")) {
            run.report(new TaskStarted(spec.task(), spec.name(), spec.kind()));
            meta.run(spec, hosts, step);
            return;
        }
        run.report(new TaskStarted(spec.task(), step.shownName(spec, hosts), spec.kind()));
        if (hosts.isEmpty()) return;
        // run_once, like Ansible, as the first host renders it
        TaskStep.Resolved first = step.forHost(spec, hosts.get(0));
        boolean runOnce = first.spec().inherited().runOnce();
        List<HostState> targets = runOnce || bypassesHostLoop(spec) ? hosts.subList(0, 1) : hosts;
        List<TaskStep.Resolved> own = new ArrayList<>(List.of(first));
        for (HostState host : targets.subList(1, targets.size())) own.add(step.forHost(spec, host));
        List<StepResult> results = stepAll(own, targets, throttle(first.spec(), hosts.get(0)));
        for (int i = 0; i < results.size(); i++) record(own.get(i).spec(), results.get(i));
        if (runOnce) shareRunOnce(first.spec(), results.get(0), hosts);
        List<HostState> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (unhandledFailure(own.get(i).spec(), results.get(i))) failed.add(results.get(i).host());
        }
        if (!failed.isEmpty()) play.hostsFailed(failed, fatal(spec, first.spec()), hosts);
    }

    /** An include that failed {@code failed} (a missing file or role): any_errors_fatal stops the play as for a task. */
    void hostsFailed(StepSpec include, List<HostState> failed, List<HostState> hosts) {
        if (failed.isEmpty() || play.failureHandled()) return;
        play.hostsFailed(failed, fatal(include, include), hosts);
    }

    // add_host: once for the play, on its first host, registered for that host only
    private boolean bypassesHostLoop(StepSpec spec) {
        return run.request.modules().find(spec.task().module()).map(m -> m.info().bypassHostLoop()).orElse(false);
    }

    /**
     * Ansible: a task with any_errors_fatal (its own, else its blocks', else the play's), or run_once, fails every
     * host when it fails one, unless it ignores errors. Ansible 2.14's linear strategy reads any_errors_fatal and
     * ignore_errors before rendering them (they are rendered on a copy of the task): a template counts as true.
     */
    private static boolean fatal(StepSpec unresolved, StepSpec resolved) {
        Flag anyErrorsFatal = unresolved.inherited().flags().anyErrorsFatal();
        boolean ignoresErrors = unresolved.inherited().flags().ignoreErrors().isTemplated() || resolved.inherited().ignoreErrors();
        return (anyErrorsFatal.isTemplated() || anyErrorsFatal.isTrue() || resolved.inherited().runOnce()) && !ignoresErrors;
    }

    // a failure that a rescue or always of an enclosing block will see is not yet a host failure
    private boolean unhandledFailure(StepSpec spec, StepResult result) {
        if (result.outcome().status() == Status.UNREACHABLE) return !ignored(spec, result.outcome());
        return result.host().failed && !play.failureHandled();
    }

    boolean selected(StepSpec spec) {
        if (spec.kind() == TaskKind.HANDLER) return true;
        if (!run.tags.selects(tags(spec))) return false;
        if (run.startAt == null) return true;
        if (!Targets.startsAt(run.startAt, spec.name())) return false;
        run.startAt = null;
        return true;
    }

    // templated tags are rendered with the play's variables; one that cannot be is used as written, with a warning
    private Set<String> tags(StepSpec spec) {
        try {
            return run.tags.render(spec.inherited().tags(), scope.playVars(), spec.task().at());
        } catch (TemplateException e) {
            run.report(new Warning("the tags of task '" + spec.name() + "' are used as written: " + TaskStep.templateMessage(e)));
            return spec.inherited().tags();
        }
    }

    /**
     * {@code throttle} (the task's own, else its innermost block's, role's or play's), as the first host renders
     * it: at most that many hosts run the task at once, within forks; 0 or less (or unset) is no limit. Like
     * ansible-playbook, a value that is not a whole number ends the run.
     */
    private int throttle(StepSpec spec, HostState first) {
        Object raw = spec.inherited().throttle();
        if (raw == null) return 0;
        Object value;
        try {
            value = Unsafe.strip(step.renderData(raw, scope.stepVars(first, spec), spec));
        } catch (TemplateException e) {
            throw new RunAborted("Failed to convert the throttle value to an integer: " + TaskStep.templateMessage(e));
        }
        if (value instanceof Unknown) return 0; // a plan runs it unthrottled
        if (value instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new RunAborted("Failed to convert the throttle value to an integer: invalid literal for int() with base 10: '"
                    + value + "'");
        }
    }

    // every step runs on a worker, even for one host, so an interrupt never waits on a step that does not stop;
    // a host whose keywords did not render fails without running; with a throttle, a step waits for a free slot
    private List<StepResult> stepAll(List<TaskStep.Resolved> specs, List<HostState> hosts, int throttle) {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(throttle > 0 ? throttle : hosts.size());
        List<Future<StepResult>> futures = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostState host = hosts.get(i);
            TaskStep.Resolved own = specs.get(i);
            futures.add(own.failure() != null
                    ? java.util.concurrent.CompletableFuture.completedFuture(TaskStep.failed(own.spec(), host, own.failure()))
                    : run.executor().submit(() -> throttled(slots, () -> step.step(own.spec(), host))));
        }
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) results.add(await(futures.get(i), specs.get(i).spec(), hosts.get(i)));
        return results;
    }

    private static StepResult throttled(java.util.concurrent.Semaphore slots, java.util.function.Supplier<StepResult> work)
            throws InterruptedException {
        slots.acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /**
     * The step's result; once the run is interrupted, a step still running {@link #INTERRUPT_GRACE}
     * after the interrupt is abandoned (its thread interrupted) and recorded as failed.
     */
    private StepResult await(Future<StepResult> future, StepSpec spec, HostState host) {
        try {
            while (true) {
                try {
                    return future.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (run.interruptedFor(INTERRUPT_GRACE)) return abandoned(future, spec, host);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step failed unexpectedly", e.getCause());
        }
    }

    private StepResult abandoned(Future<StepResult> future, StepSpec spec, HostState host) {
        future.cancel(true);
        String message = "interrupted: the step on " + host.name() + " did not stop within "
                + INTERRUPT_GRACE.toSeconds() + "s and was abandoned";
        return new StepResult(host, null, Outcome.failed(message), Map.of("failed", true, "msg", message), Map.of(),
                List.of(), false);
    }

    /** Publishes a host's result and updates its state and the recap. */
    void record(StepSpec unresolved, StepResult result) {
        HostState host = result.host();
        StepSpec spec = step.forHost(unresolved, host).spec();
        Outcome outcome = result.outcome();
        boolean ignored = ignored(spec, outcome);
        result.items().forEach(run::report);
        run.report(new HostFinished(spec.task(), spec.name(), spec.kind(), host.name(), result.delegate(), outcome,
                result.args(), ignored, spec.inherited().noLog(), spec.inherited().diff()));
        count(run.recap.host(host.name()), outcome, ignored);
        addCustomStats(host, outcome);
        play.roles().taskFinished(spec, host, outcome.status());
        remember(spec, host, result, ignored);
    }

    /** A set_stats result adds to the run's custom statistics (its host's with {@code per_host}). */
    @SuppressWarnings("unchecked")
    private void addCustomStats(HostState host, Outcome outcome) {
        if (outcome.status() == Status.FAILED || !(outcome.data().get("ansible_stats") instanceof Map<?, ?> stats)
                || !(stats.get("data") instanceof Map<?, ?> data)) return;
        String owner = Boolean.TRUE.equals(stats.get("per_host")) ? host.name() : Recap.RUN;
        run.recap.addCustom(owner, (Map<String, Object>) data, !Boolean.FALSE.equals(stats.get("aggregate")));
    }

    // ignore_errors covers failures, ignore_unreachable an unreachable host: either is counted ok and ignored
    private static boolean ignored(StepSpec spec, Outcome outcome) {
        return switch (outcome.status()) {
            case FAILED -> spec.inherited().ignoreErrors();
            case UNREACHABLE -> spec.inherited().ignoreUnreachable();
            default -> false;
        };
    }

    private void remember(StepSpec spec, HostState host, StepResult result, boolean ignored) {
        Outcome outcome = result.outcome();
        // a plan shows every step: one that cannot be planned is counted (the plan exits 2), and the
        // host's later steps are still planned, with its result known only after apply
        boolean planGoesOn = run.mode == Mode.PLAN && outcome.status() == Status.FAILED;
        // facts first, then the registered result: of one name, Ansible keeps the registered one
        setVars(factsHost(spec, result), spec, outcome);
        String register = spec.task().options().register();
        if (register != null) {
            host.register(register, planGoesOn ? new Unknown("result of '" + spec.name() + "' on " + host.name()
                    + ", which cannot be planned") : result.registered());
        }
        if (outcome.isChanged()) {
            host.notified.addAll(play.notified(notifyTopics(spec, host)));
        }
        if (outcome.isFailed() && !ignored && !planGoesOn) {
            host.failed = true;
            // the task as Ansible serialises it: its own name, without the role's prefix
            host.lastFailedTask = Map.of("name", spec.task().name() == null ? "" : spec.task().name(), "action", spec.task().module());
            host.lastFailedResult = result.registered() instanceof Unknown ? Map.of() : result.registered();
        }
        if (outcome.status() == Status.UNREACHABLE && !ignored) host.unreachable = true;
    }

    // notify names are templates, rendered with the step's variables; one that gives a list names several handlers
    private List<String> notifyTopics(StepSpec spec, HostState host) {
        List<String> written = spec.inherited().notifies();
        if (written.stream().noneMatch(t -> t.contains("{{"))) return written;
        Map<String, Object> vars = scope.stepVars(host, spec);
        List<String> topics = new ArrayList<>();
        for (String topic : written) {
            Object value = topic.contains("{{") ? renderedTopic(topic, vars, spec) : topic;
            if (value instanceof List<?> names) names.forEach(n -> topics.add(String.valueOf(n)));
            else topics.add(String.valueOf(value));
        }
        return topics;
    }

    // a topic naming an undefined variable is looked for as written (and so not found)
    private Object renderedTopic(String topic, Map<String, Object> vars, StepSpec spec) {
        try {
            return Unsafe.strip(step.renderData(topic, vars, spec));
        } catch (TemplateException e) {
            return topic;
        }
    }

    /**
     * The variables a step set, into their layer; facts (and set_fact's cacheable ones, which are
     * both set facts and facts in Ansible) are written to the fact cache.
     */
    private void setVars(HostState host, StepSpec spec, Outcome outcome) {
        VarsLayer layer = varsLayer(spec);
        host.setVars(layer, outcome.facts());
        boolean cacheable = layer == VarsLayer.SET_FACTS && Boolean.TRUE.equals(outcome.data().get(Outcome.FACTS_CACHEABLE));
        if (cacheable) host.cacheableFacts(outcome.facts());
        if (cacheable || layer == VarsLayer.FACTS && !outcome.facts().isEmpty()) run.cacheFacts(host);
    }

    private VarsLayer varsLayer(StepSpec spec) {
        return run.request.modules().find(spec.task().module()).map(m -> m.info().setsVars()).orElse(VarsLayer.FACTS);
    }

    // delegate_facts: the facts a delegated task sets belong to the host it ran on
    private HostState factsHost(StepSpec spec, StepResult result) {
        if (result.delegate() == null || !spec.inherited().delegateFacts()) return result.host();
        return run.hosts.getOrDefault(result.delegate(), result.host());
    }

    private static void count(Recap.Counts counts, Outcome outcome, boolean ignored) {
        switch (outcome.status()) {
            case OK -> counts.ok++;
            case CHANGED, WOULD_CHANGE -> {
                counts.ok++;
                counts.changed++;
            }
            case SKIPPED -> counts.skipped++;
            // ignore_errors and ignore_unreachable count alike: ok and ignored
            case FAILED, UNREACHABLE -> {
                if (ignored) {
                    counts.ok++;
                    counts.ignored++;
                    if (outcome.changedFlag()) counts.changed++;
                } else if (outcome.status() == Status.FAILED) {
                    counts.failed++;
                } else {
                    counts.unreachable++;
                }
            }
        }
    }

    // run_once: the one result is every host's result, as Ansible shares it
    private void shareRunOnce(StepSpec spec, StepResult first, List<HostState> hosts) {
        String register = spec.task().options().register();
        boolean factsDelegated = factsHost(spec, first) != first.host();
        for (HostState host : hosts.subList(1, hosts.size())) {
            if (!factsDelegated) setVars(host, spec, first.outcome());
            if (register != null) host.register(register, first.registered());
        }
    }

    /** {@code include_tasks} and {@code include_role}, run as a task or as a handler: see {@link Includes}. */
    void include(TaskNode include, List<HostState> hosts, Inherited inherited, TaskKind kind) {
        includes.run(include, hosts, inherited, kind);
    }
}
