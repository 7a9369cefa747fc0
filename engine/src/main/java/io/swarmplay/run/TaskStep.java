package io.swarmplay.run;

import io.swarmplay.connection.CancelledException;
import io.swarmplay.connection.Causes;
import io.swarmplay.connection.CommandFailedException;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.StateUnknownException;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ArgsException;
import io.swarmplay.module.UnsupportedArgs;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.module.ValueUnknownException;
import io.swarmplay.playbook.Task;
import io.swarmplay.playbook.TemplatedModule;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.report.RunEvent.AsyncPolled;
import io.swarmplay.module.AsyncJobFiles;
import io.swarmplay.report.RunEvent.StepProgress;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unknown;
import io.swarmplay.template.Unsafe;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one per-step code path that plan preview, {@code --check} and real runs share:
 * render the arguments, bind them, {@code plan} against the live host, and only in
 * {@link Mode#APPLY} call {@code apply}. Loops, {@code until} retries, {@code when},
 * {@code changed_when} and {@code failed_when} wrap this path; they never fork it.
 *
 * <p>Thread-safe: steps of one task run for several hosts at once; nothing here mutates
 * shared state except through the (thread-safe) connections and redactor.
 */
final class TaskStep {

    private final RunState run;
    private final PlayScope scope;
    private final Conditions conditions;

    TaskStep(RunState run, PlayScope scope) {
        this.run = run;
        this.scope = scope;
        this.conditions = new Conditions(run, this);
    }

    /** Runs {@code spec} for one host; never throws: every failure is an outcome. */
    StepResult step(StepSpec spec, HostState host) {
        long start = System.nanoTime();
        Map<String, Object> vars = scope.stepVars(host, spec);
        Resolved own = resolve(spec, vars);
        if (own.failure() != null) return failed(spec, host, own.failure());
        spec = own.spec();
        StepResult result = spec.task().options().loop() == null
                ? single(spec, host, vars)
                : new Loop(this).run(spec, host, vars);
        guardSecrets(spec, result);
        return result.withOutcome(result.outcome().withDuration(Duration.ofNanos(System.nanoTime() - start)),
                result.registered());
    }

    /**
     * The name a banner shows: Ansible's strategies template the task's name with the first host's
     * variables ({@code fail_on_undefined=False}), so a name whose template fails (an undefined
     * variable) shows as written. No host: as written.
     */
    String shownName(StepSpec spec, List<HostState> hosts) {
        if (hosts.isEmpty() || !io.swarmplay.template.Templar.isTemplate(spec.task().name())) return spec.name();
        return spec.name(templatedName(spec.task(), scope.stepVars(hosts.get(0), spec)));
    }

    /** The task's own name templated with {@code vars}; as written when that fails. */
    String templatedName(Task task, Map<String, Object> vars) {
        String name = task.name();
        // an unnamed task shows its action (an include_role: `include_role : <role>`), never templated
        if (name.equals(task.module()) || name.startsWith(task.module() + " : ")
                || !io.swarmplay.template.Templar.isTemplate(name)) {
            return name;
        }
        try {
            Object value = Unsafe.strip(run.templar().render(name, vars, task.at()));
            return value == null || value instanceof Unknown ? name : String.valueOf(value);
        } catch (RuntimeException e) {
            return name;
        }
    }

    /**
     * The step as it runs on one host: its templated boolean keywords ({@link Inherited.Flags}) rendered
     * with the host's variables; a value that is not a boolean fails the host (then {@code spec}
     * holds the keywords' defaults).
     */
    record Resolved(StepSpec spec, Outcome failure) {
    }

    Resolved forHost(StepSpec spec, HostState host) {
        boolean templatedModule = TemplatedModule.isTemplated(spec.task());
        if (!spec.inherited().hasTemplatedFlags() && !templatedModule) return new Resolved(spec, null);
        Map<String, Object> vars = scope.stepVars(host, spec);
        Resolved flags = resolve(spec, vars);
        return templatedModule && flags.failure() == null ? resolveModule(flags.spec(), vars) : flags;
    }

    // action: "{{ mod }}": the module this host's variables name, its arguments read for it (Ansible's)
    private Resolved resolveModule(StepSpec spec, Map<String, Object> vars) {
        Task task = spec.task();
        try {
            Object name = Unsafe.strip(run.templar().render(task.module(), vars, task.at()));
            if (name instanceof Unknown) return new Resolved(spec, unknown("module '" + task.module() + "' is resolved at run time"));
            Task resolved = TemplatedModule.resolve(task, String.valueOf(name).strip(), run.request.modules());
            return new Resolved(new StepSpec(resolved, spec.inherited(), spec.kind()), null);
        } catch (IllegalArgumentException e) {
            // Ansible looks the action up only for a task that runs: one its when skips never needs it
            if (skippedByWhen(spec, vars)) return new Resolved(spec, null);
            return new Resolved(spec, Outcome.failed(e.getMessage()));
        } catch (TemplateException e) {
            if (skippedByWhen(spec, vars)) return new Resolved(spec, null);
            return new Resolved(spec, TemplateMessages.failed(TemplateMessages.ofTask(e, task.at()), e));
        }
    }

    /** A task without a loop whose {@code when} is false for these variables (a loop's when is per item). */
    private boolean skippedByWhen(StepSpec spec, Map<String, Object> vars) {
        if (spec.task().options().loop() != null) return false;
        try {
            Outcome skip = conditions.when(spec, vars);
            return skip != null && skip.status() == io.swarmplay.module.Status.SKIPPED;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Resolved resolve(StepSpec spec, Map<String, Object> vars) {
        if (!spec.inherited().hasTemplatedFlags()) return new Resolved(spec, null);
        String failure;
        try {
            return new Resolved(spec.withInherited(spec.inherited().resolved((keyword, flag) -> resolve(keyword, flag, vars, spec))), null);
        } catch (ModuleException e) {
            failure = e.getMessage();
        } catch (TemplateException e) {
            failure = TemplateMessages.ofTask(e, spec.task().at());
        }
        StepSpec defaults = spec.withInherited(spec.inherited().resolved((keyword, flag) -> flag.resolve(t -> null)));
        return new Resolved(defaults, Outcome.failed(failure));
    }

    // Ansible's boolean rules; omit (and, in a plan, a value known only after apply) keeps the keyword's default
    private io.swarmplay.playbook.Flag resolve(String keyword, io.swarmplay.playbook.Flag flag, Map<String, Object> vars,
                                               StepSpec spec) {
        try {
            return flag.resolve(template -> {
                Object value = Unsafe.strip(run.templar().render(template, vars, spec.task().at()));
                return value instanceof io.swarmplay.template.Omit || value instanceof Unknown ? null : value;
            });
        } catch (TemplateException e) {
            throw new ModuleException(TemplateMessages.ofKeyword(keyword, e));
        } catch (IllegalArgumentException e) {
            throw new ModuleException(io.swarmplay.playbook.Flag.notABoolean(keyword, flag.template(), e.getMessage()));
        }
    }

    static StepResult failed(StepSpec spec, HostState host, Outcome failure) {
        return new StepResult(host, null, failure, Results.registered(failure, spec.name(), host.name()), Map.of(),
                List.of(), false);
    }

    private StepResult single(StepSpec spec, HostState host, Map<String, Object> vars) {
        Attempt attempt = once(spec, host, vars);
        Object registered = Results.registered(attempt.outcome(), spec, host.name());
        return new StepResult(host, attempt.delegate(), attempt.outcome(), registered, attempt.args(), List.of(),
                false);
    }

    /** One run of the task with {@code vars}: {@code when}, then attempts until {@code until} holds. */
    Attempt once(StepSpec spec, HostState host, Map<String, Object> vars) {
        try {
            Outcome skip = conditions.when(spec, vars);
            if (skip != null) return new Attempt(skip, skippedArgs(spec, vars, skip), null);
            return new Retries(this, conditions).run(spec, host, vars);
        } catch (TemplateException e) {
            return Attempt.templateError(TemplateMessages.failed(TemplateMessages.ofTask(e, spec.task().at()), e), Map.of(), null);
        }
    }

    // a step whose condition is unknown until apply still shows what it would do with
    private Map<String, Object> skippedArgs(StepSpec spec, Map<String, Object> vars, Outcome skip) {
        if (skip.status() == Status.SKIPPED && skip.change() == null) return Map.of();
        try {
            return RenderedArgs.render(run.templar(), spec.task(), vars).display();
        } catch (TemplateException e) {
            return Map.of();
        }
    }

    // the module's condition arguments (assert's that) as written: Ansible warns about {{ }} in them, as in when
    private void warnTemplatedConditions(Task task) {
        run.request.modules().find(task.module()).ifPresent(module -> {
            for (String key : module.info().conditions()) {
                Object raw = task.args().get(key);
                for (Object c : raw instanceof List<?> l ? l : raw == null ? List.of() : List.of(raw)) {
                    if (c instanceof String s && io.swarmplay.template.Templar.isTemplate(s)) {
                        run.report(new io.swarmplay.report.RunEvent.Warning(io.swarmplay.template.Templar.templatedConditionWarning(s.strip())));
                    }
                }
            }
        });
    }

    /** Render → bind → plan → maybe apply, then the {@code changed_when}/{@code failed_when} overrides. */
    Attempt attempt(StepSpec spec, HostState host, Map<String, Object> hostVars) {
        return attempt(spec, host, hostVars, 0);
    }

    /**
     * As {@link #attempt(StepSpec, HostState, Map)}, attempt number {@code n} of an {@code until} loop
     * (0: none): Ansible puts {@code attempts} in the result before {@code changed_when}/{@code failed_when}.
     */
    Attempt attempt(StepSpec spec, HostState host, Map<String, Object> hostVars, int n) {
        Task task = spec.task();
        warnTemplatedConditions(task);
        HostState target;
        try {
            target = delegateOf(spec, host, hostVars);
        } catch (ValueUnknownException e) {
            return new Attempt(unknown(e.getMessage()), Map.of(), null);
        } catch (TemplateException e) {
            return Attempt.templateError(Outcome.failed(TemplateMessages.ofKeyword("delegate_to", e)), Map.of(), null);
        }
        String delegate = target == host ? null : target.name();
        Map<String, Object> vars = withDelegatedVars(hostVars, delegate);
        RenderedArgs args = RenderedArgs.render(run.templar(), task, vars);
        args.values().forEach((k, v) -> run.request.redactor().addAll(RenderedArgs.secrets(k, v)));
        try {
            if (args.unknown() != null) {
                return new Attempt(withUnknownValues(spec, host, target, args, vars), args.display(), delegate);
            }
            Outcome outcome = markFacts(spec, args, planAndApply(spec, host, target, args.values(), vars, args.fromHost()));
            outcome = InventoryUpdates.apply(run, host, outcome);
            if (n > 0) outcome = outcome.withData(Map.of("attempts", n));
            return new Attempt(conditions.overrides(spec, outcome, vars), args.display(), delegate);
        } catch (ValueUnknownException e) {
            return new Attempt(unknown(e.getMessage()), args.display(), delegate);
        } catch (TemplateException e) {
            return Attempt.templateError(TemplateMessages.failed(TemplateMessages.ofModule(e, task.at()), e), args.display(), delegate);
        }
    }

    /**
     * A step whose arguments depend on values known only after apply. A plan still shows a create
     * as a create, the values {@code (known after apply)}: what does not exist yet is created
     * whatever they turn out to be. Anything else depends on them, and is unknown. The unknown
     * values stand in as their text, or, where a text does not fit (an {@code env} map), are left
     * out; an argument that names the object or its state ({@link #IDENTITY}) never stands in.
     */
    private Outcome withUnknownValues(StepSpec spec, HostState host, HostState target, RenderedArgs args,
                                      Map<String, Object> vars) {
        Outcome unknown = unknown(RunHostSession.describe(args.unknown()));
        boolean named = IDENTITY.stream().anyMatch(k -> RenderedArgs.firstUnknown(args.values().get(k)) != null);
        if (run.mode != Mode.PLAN || named) return unknown;
        Map<String, Object> standIns = new LinkedHashMap<>(args.values());
        standIns.replaceAll((k, v) -> standIn(v));
        Outcome planned = planAndApply(spec, host, target, standIns, vars, args.fromHost());
        if (planned.status() == Status.FAILED) {
            args.values().forEach((k, v) -> { if (v instanceof Unknown) standIns.remove(k); });
            planned = planAndApply(spec, host, target, standIns, vars, args.fromHost());
        }
        boolean create = planned.change() != null && planned.change().action() == io.swarmplay.module.Action.CREATE;
        return create && planned.status() == Status.WOULD_CHANGE ? planned : unknown;
    }

    /** {@code value} with every value known only after apply replaced by its text, {@code (known after apply)}. */
    private static Object standIn(Object value) {
        if (value instanceof Unknown unknown) return unknown.toString();
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, standIn(v)));
            return out;
        }
        if (value instanceof List<?> list) return list.stream().map(TaskStep::standIn).toList();
        return value;
    }

    /** The arguments that name what a module manages: a stand-in for them would plan another object. */
    private static final List<String> IDENTITY = List.of("name", "dest", "path", "container", "src", "state");

    /**
     * Facts are host data ({@link Unsafe}, never rendered again), except what {@code set_fact}
     * computed from templates that read no host data: those stay templates of the playbook's own.
     */
    private static Outcome markFacts(StepSpec spec, RenderedArgs args, Outcome outcome) {
        // variables files are the playbook's own, like vars_files: their templates render on use
        if (outcome.facts().isEmpty() || spec.task().module().endsWith("include_vars")) return outcome;
        boolean setFact = spec.task().module().endsWith("set_fact");
        Map<String, Object> marked = new LinkedHashMap<>();
        outcome.facts().forEach((k, v) -> marked.put(k, !setFact || args.fromHost().contains(k) ? Unsafe.wrap(v) : v));
        return outcome.withFacts(marked);
    }

    private Outcome planAndApply(StepSpec spec, HostState host, HostState target, Map<String, Object> args,
                                 Map<String, Object> vars, Set<String> dataArgs) {
        if (run.mode == Mode.PLAN && target.offline) return unknown(target.offlineReason);
        Module<?> module = run.request.modules().find(spec.task().module())
                .orElseThrow(() -> new IllegalStateException("unknown module " + spec.task().module()));
        return guarded(spec, target, () -> {
            AsyncJob async = async(spec, vars);
            TaskTimeout timeout = TaskTimeout.start(spec.name(), limit(spec.task().options().timeout(), async));
            RunHostSession session = session(spec, host, target, vars, timeout, dataArgs, async != null);
            Applier applier = (change, apply) -> async == null ? apply.get()
                    : async.run(change, session, timeout, () -> guarded(spec, target, apply),
                            (jid, state) -> run.report(new AsyncPolled(spec.task(), host.name(), jid, state)));
            Outcome outcome = planAndApply(module, args, session, spec, applier, () -> lock(spec, host, target, vars, session, timeout));
            if (run.mode == Mode.PLAN && !module.info().readOnly()) rememberWrites(target, module.info().name(), args, outcome);
            return outcome;
        });
    }

    /**
     * Offline plan: the path a step that would change its (fresh) host writes, and the object it
     * names, for the later steps that look at them.
     */
    private void rememberWrites(HostState target, String module, Map<String, Object> args, Outcome outcome) {
        if (!run.request.offline() || outcome.status() != io.swarmplay.module.Status.WOULD_CHANGE) return;
        for (String key : List.of("path", "dest")) {
            if (args.get(key) instanceof String path && !path.isEmpty()) target.pathsWritten.add(path);
        }
        if (args.get("name") instanceof String name && !name.isEmpty()) target.created.add(module + "." + name);
    }

    /** Runs {@code work}, turning every failure it may meet on the host into the step's outcome. */
    private Outcome guarded(StepSpec spec, HostState target, Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (HostLock.LockException e) {
            return Outcome.failed(e.getMessage());
        } catch (ArgsException e) {
            return Outcome.failed(argsMessage(spec, e));
        } catch (ModuleException e) {
            return Outcome.failed(e.getMessage()).withData(e.data());
        } catch (CommandFailedException e) {
            return Outcome.failed(e.getMessage()).withData(commandData(e));
        } catch (UncheckedIOException e) {
            String message = Causes.clean(e.getMessage());
            return Outcome.failed(message.isEmpty() ? Causes.plain(e) : message);
        } catch (ConnectionException e) {
            return unreachable(target, spec, e);
        } catch (CancelledException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** The step's {@code async} job when it applies (a preview never starts one), else null. */
    private AsyncJob async(StepSpec spec, Map<String, Object> vars) {
        TaskOptions.Async async = spec.task().options().async();
        if (!async.isSet() || effectiveMode(spec) != Mode.APPLY) return null;
        long seconds = wholeSeconds(async.seconds(), "async", vars, spec);
        long poll = async.poll() == null ? AsyncJob.DEFAULT_POLL : wholeSeconds(async.poll(), "poll", vars, spec);
        return seconds == 0 ? null : new AsyncJob(seconds, poll, asyncDir(vars, spec));
    }

    /** The {@code ansible_async_dir} variable (the shell's {@code async_dir}), rendered; Ansible's default without it. */
    private String asyncDir(Map<String, Object> vars, StepSpec spec) {
        Object raw = vars.get(AsyncJobFiles.VARIABLE);
        Object dir = raw == null ? null : Unsafe.strip(render(raw, vars, spec));
        return dir == null || String.valueOf(dir).isBlank() ? AsyncJobFiles.DEFAULT_DIR : String.valueOf(dir);
    }

    private long wholeSeconds(Object raw, String keyword, Map<String, Object> vars, StepSpec spec) {
        Object value = raw instanceof String s ? render(s, vars, spec) : raw;
        try {
            long n = Long.parseLong(String.valueOf(value).strip());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TemplateException("'" + keyword + "' must be a whole number of seconds, got '" + value + "' from " + raw,
                spec.task().at(), null);
    }

    /** The shorter of the task's {@code timeout} and its async job's limit. */
    private static Duration limit(Integer timeout, AsyncJob async) {
        Duration task = timeout == null ? null : Duration.ofSeconds(timeout);
        if (async == null) return task;
        Duration job = Duration.ofSeconds(async.seconds());
        return task == null || job.compareTo(task) < 0 ? job : task;
    }

    /** Calls a module's apply: at once, or as an {@code async} job. */
    private interface Applier {
        Outcome apply(Change change, Supplier<Outcome> apply);
    }

    /** The module's arguments; keys it does not have fail as Ansible's message (the load let them through: see TaskReader). */
    private static <A> A bind(Module<A> module, Map<String, Object> rawArgs) {
        try {
            return ArgsBinder.bind(module.argsType(), rawArgs);
        } catch (ArgsException e) {
            String ansible = UnsupportedArgs.message(module, e);
            if (ansible == null) throw e;
            throw new ModuleException(ansible);
        }
    }

    /** {@code lock}: makes sure the run holds the host's lock; true when taken just now. */
    private <A> Outcome planAndApply(Module<A> module, Map<String, Object> rawArgs, RunHostSession session,
                                     StepSpec spec, Applier applier, java.util.function.BooleanSupplier lock) {
        A args = bind(module, rawArgs);
        if (effectiveMode(spec) == Mode.CHECK && module.info().checkMode().skipsInCheckMode()) {
            return checkModeSkip(module.info().checkMode(), spec.task().module());
        }
        Change change;
        try {
            // plan sees the host read-only by type: no write, no command run for effect, no engine change
            change = module.plan(args, session.planView(run.mode == Mode.PLAN && run.request.offline()));
        } catch (ValueUnknownException | StateUnknownException e) {
            return unknown(e.getMessage());
        }
        // an async task that has nothing to change is still a job (Ansible runs the module through its wrapper)
        Change nothing = change;
        if (nothing.isNone()) return applier.apply(nothing, () -> none(nothing));
        Outcome preview = preview(module, change, spec);
        if (preview != null) return preview;
        if (lock.getAsBoolean()) {
            // the first change on this host: plan again, now that no other run can change it under this one
            change = module.plan(args, session.planView(false));
            Change replanned = change;
            if (replanned.isNone()) return applier.apply(replanned, () -> none(replanned));
        }
        Change planned = change;
        return applier.apply(planned, () -> {
            Outcome outcome = module.apply(args, planned, session);
            return withRegisteredDiff(spec, outcome.change() == null ? outcome.withChange(planned) : outcome);
        });
    }

    /**
     * Ansible's result for a module that has no check mode: skipped before it looks at the host,
     * with the message of the mechanism that skips it (none for raw and wait_for_connection).
     */
    private static Outcome checkModeSkip(CheckSupport support, String action) {
        String why = support.skipMessage(action);
        if (why == null) return Outcome.skipped(null).withData(Map.of("changed", false, "failed", false));
        // a module's own skip (exit_json) comes back with failed: false; an action plugin's without
        Map<String, Object> data = support == CheckSupport.SKIP_REMOTE
                ? Map.of("msg", why, "changed", false, "failed", false) : Map.of("msg", why, "changed", false);
        return Outcome.skipped(why).withData(data);
    }

    /** In diff mode Ansible registers a changed file's text diff as {@code diff} (a module's own diff result wins). */
    private Outcome withRegisteredDiff(StepSpec spec, Outcome outcome) {
        Boolean taskDiff = spec.inherited().diff();
        boolean diffMode = taskDiff != null ? taskDiff : run.request.diff();
        io.swarmplay.module.Diff diff = outcome.change() == null ? null : outcome.change().diff();
        if (!diffMode || diff == null || !diff.isText() || outcome.data().containsKey("diff")) return outcome;
        return outcome.withData(Map.of("diff", List.of(diff.registered())));
    }

    /** The outcome when the step stops at its plan: nothing to do, or a preview mode; null when it applies. */
    private Outcome preview(Module<?> module, Change change, StepSpec spec) {
        if (change.isNone()) return none(change);
        Mode mode = effectiveMode(spec);
        io.swarmplay.module.PreviewData data = change.payload() instanceof io.swarmplay.module.PreviewData p ? p : null;
        if (mode == Mode.CHECK && module.info().checkMode() == CheckSupport.NONE && (data == null || !data.predicted())) {
            Outcome skipped = Outcome.skipped("check mode: " + change.summary() + " would run").withChange(change);
            return data == null ? skipped : skipped.withData(data.previewData());
        }
        if (mode == Mode.APPLY) return null;
        Outcome would = Outcome.wouldChange(change);
        if (data == null) return would;
        // check mode registers the module's check-mode result, as Ansible's; a plan only previews it
        Outcome previewed = would.withData(data.previewData());
        return mode == Mode.CHECK ? previewed.withData(Map.of(io.swarmplay.report.ResultView.CHECK_RESULT, true)) : previewed;
    }

    private static Outcome none(Change change) {
        return change.payload() instanceof Outcome info ? info.withChange(change) : Outcome.ok(change);
    }

    /**
     * Takes the run lock of the host the step changes, through its login user's connection (never
     * {@code become}: the lock is the same for every task); see {@link RunLocks}.
     */
    private boolean lock(StepSpec spec, HostState host, HostState target, Map<String, Object> vars,
                         RunHostSession session, TaskTimeout timeout) {
        Map<String, Object> login = new LinkedHashMap<>(targetVars(spec, host, target, vars));
        login.put("ansible_become", false);
        Map<String, Object> rendered = RenderedArgs.connectionVars(run::templar, login, spec.task().at());
        Object dir = rendered.get("swarmplay_lock_dir");
        if (dir instanceof String s && s.contains("{{")) dir = run.templar().render(s, login, spec.task().at());
        // waiting for another run (--wait-lock) is not the task's own time: its timeout moves on by as much
        RunLocks.Waiting waiting = new RunLocks.Waiting(run.interrupted::get, session::progress,
                waited -> { if (timeout != null) timeout.exclude(waited); });
        return run.locks.take(target.name(), run.connections.forHost(target.name(), rendered),
                dir == null ? RunLocks.DEFAULT_DIR : String.valueOf(dir), waiting);
    }

    /**
     * A step whose outcome depends on a value known only after apply: shown as {@code ?} in a
     * plan; skipped in check mode (as Ansible skips what it cannot predict), never a failure.
     */
    Outcome unknown(String why) {
        Change change = Change.unknown(why);
        return run.mode == Mode.CHECK ? Outcome.skipped(why).withChange(change) : Outcome.wouldChange(change);
    }

    /** {@code check_mode: true} previews a task in a real run; {@code false} applies it under --check (never under --plan). */
    private Mode effectiveMode(StepSpec spec) {
        Boolean checkMode = spec.inherited().checkMode();
        if (run.mode == Mode.PLAN || checkMode == null) return run.mode;
        return checkMode ? Mode.CHECK : Mode.APPLY;
    }

    private Outcome unreachable(HostState target, StepSpec spec, ConnectionException e) {
        String message = e.getMessage() + " (during task '" + spec.name() + "')";
        if (run.mode == Mode.PLAN) {
            run.unreachableInPlan(target, e.getMessage());
            return Outcome.wouldChange(Change.unknown(target.offlineReason));
        }
        return Outcome.unreachable(message);
    }

    /** The variables a step connects with: a delegate's own with the play's and the task's (Ansible's delegated vars). */
    private Map<String, Object> targetVars(StepSpec spec, HostState host, HostState target, Map<String, Object> vars) {
        return target == host ? vars : scope.stepVars(target, spec);
    }

    private RunHostSession session(StepSpec spec, HostState host, HostState target, Map<String, Object> vars,
                                   TaskTimeout timeout, Set<String> dataArgs) {
        return session(spec, host, target, vars, timeout, dataArgs, false);
    }

    private RunHostSession session(StepSpec spec, HostState host, HostState target, Map<String, Object> vars,
                                   TaskTimeout timeout, Set<String> dataArgs, boolean asyncJob) {
        Map<String, Object> connectionVars = targetVars(spec, host, target, vars);
        Supplier<Map<String, Object>> rendered = () -> RenderedArgs.connectionVars(run::templar, connectionVars,
                spec.task().at());
        Supplier<Connection> connection = () -> run.connections.forHost(target.name(), rendered.get());
        RunHostSession.Extensions extensions = new RunHostSession.Extensions() {
            @Override
            public <T> java.util.Optional<T> get(Class<T> type) {
                // the vault is the control node's, not a host's: the same for every step
                if (type == io.swarmplay.source.Vault.class) return java.util.Optional.of(type.cast(run.request.vault()));
                return run.connections.extension(type, target.name(), rendered.get());
            }

            @Override
            public <T> java.util.Optional<T> readOnly(Class<T> type) {
                if (type == io.swarmplay.source.Vault.class) return java.util.Optional.of(type.cast(run.request.vault()));
                return run.connections.readOnlyExtension(type, target.name(), rendered.get());
            }

            @Override
            public <T> java.util.Optional<T> fresh(Class<T> type) {
                if (type == io.swarmplay.source.Vault.class) return java.util.Optional.of(type.cast(run.request.vault()));
                return run.connections.freshExtension(type, target::createdEarlier);
            }

            @Override
            public boolean writtenEarlier(String path) {
                return target.pathsWritten.contains(path);
            }

            @Override
            public boolean controlNode() {
                return "local".equals(io.swarmplay.connection.ConnectionSettings.from(target.name(), rendered.get()).type());
            }

            @Override
            public java.util.Optional<RunHostSession> otherHost(String name) {
                HostState other = run.hosts.get(name);
                return java.util.Optional.ofNullable(other == null ? null : session(spec, host, other, vars, timeout, dataArgs));
            }

            @Override
            public boolean isData(String argument) {
                return dataArgs.contains(argument);
            }

            @Override
            public boolean asyncJob() {
                return asyncJob;
            }

            @Override
            public boolean resultRead() {
                io.swarmplay.playbook.TaskOptions o = spec.task().options();
                return run.mode != Mode.APPLY || run.resultsShown() || o.register() != null
                        || !o.changedWhen().isEmpty() || !o.failedWhen().isEmpty() || !o.until().isEmpty();
            }
        };
        Task task = spec.task();
        return new RunHostSession(target.name(), connection, extensions, withDiff(spec.inherited(), vars), run.templar(), task.at(), scope.play().dir(),
                RoleVars.searchPath(spec.inherited().roles(), task.at().file(), scope.play().dir()),
                RenderedArgs.environment(run.templar(), spec.inherited().environment(), vars, task.at()), timeout,
                message -> run.report(new StepProgress(task, host.name(), message, spec.inherited().noLog())),
                line -> {
                    if (run.request.verbosity() >= 3) run.report(execShown(ConnectionSettings.from(target.name(),
                            rendered.get()).address(), line, spec.inherited().noLog()));
                }, run.request.modules().find(task.module()).map(m -> RunHostSession.shownInstead(m.info())).orElse(null),
                run.request.verbosity());
    }

    /**
     * Ansible's {@code -vvv} line {@code <ADDRESS> EXEC ...} for a command a step runs; under
     * {@code no_log} the command is left out (it may carry the task's arguments).
     */
    static io.swarmplay.report.RunEvent.Verbose execShown(String address, String line, boolean noLog) {
        String shown = noLog ? line.substring(0, line.indexOf("EXEC") + 4) + " " + NO_LOG_COMMAND : line;
        return new io.swarmplay.report.RunEvent.Verbose(3, "<" + address + "> " + shown);
    }

    /** What a {@code no_log} task's {@code EXEC} line shows instead of its command. */
    static final String NO_LOG_COMMAND = "(command hidden: no_log)";

    /** A task's {@code diff:} sets {@code ansible_diff_mode} for its modules (community.docker's diff results follow it). */
    private static Map<String, Object> withDiff(Inherited inherited, Map<String, Object> vars) {
        Boolean diff = inherited.diff();
        if (diff == null) return vars;
        Map<String, Object> more = new LinkedHashMap<>(vars);
        more.put("ansible_diff_mode", diff);
        return more;
    }

    /**
     * A delegated task sees Ansible's {@code ansible_delegated_vars}: the delegate's name mapped to
     * its host variables (resolved before the arguments, once per item).
     */
    private static Map<String, Object> withDelegatedVars(Map<String, Object> vars, String delegate) {
        if (delegate == null || !(vars.get("hostvars") instanceof Map<?, ?> hostvars)) return vars;
        Map<String, Object> more = new LinkedHashMap<>(vars);
        Map<String, Object> delegated = new LinkedHashMap<>();
        delegated.put(delegate, hostvars.get(delegate));
        more.put("ansible_delegated_vars", delegated);
        return more;
    }

    private HostState delegateOf(StepSpec spec, HostState host, Map<String, Object> vars) {
        String delegateTo = spec.inherited().delegateTo();
        if (delegateTo == null) return host;
        Object name = run.templar().render(delegateTo, vars, spec.task().at());
        if (name instanceof Unknown unknown) throw new ValueUnknownException(RunHostSession.describe(unknown));
        return run.delegate(String.valueOf(name));
    }

    /** Null when {@code when} holds for these variables; else the skipped (or unknown) outcome. */
    Outcome when(StepSpec spec, Map<String, Object> vars) {
        return conditions.when(spec, vars);
    }

    /** The variables with facts set earlier in the same loop: above task vars, below extra vars, as set_fact. */
    Map<String, Object> withFacts(Map<String, Object> vars, Map<String, Object> facts) {
        Map<String, Object> more = new LinkedHashMap<>(vars);
        facts.forEach((k, v) -> {
            if (!run.request.extraVars().containsKey(k)) more.put(k, v);
        });
        return more;
    }

    /** Whether the run was interrupted: loops and retries start nothing more. */
    boolean interrupted() {
        return run.interrupted.get();
    }

    void report(io.swarmplay.report.RunEvent event) {
        run.report(event);
    }

    Object render(Object raw, Map<String, Object> vars, StepSpec spec) {
        return run.templar().render(raw, vars, spec.task().at());
    }

    /** As {@link #render}, the result wrapped in {@link Unsafe} when it was computed from host data. */
    Object renderData(Object raw, Map<String, Object> vars, StepSpec spec) {
        return run.templar().renderData(raw, vars, spec.task().at());
    }

    private void guardSecrets(StepSpec spec, StepResult result) {
        run.request.redactor().addAll(result.outcome().secrets());
        if (spec.inherited().noLog()) {
            run.request.redactor().addLeaves(result.outcome().data());
            result.outcome().facts().values().forEach(v -> run.request.redactor().addLeaves(Unsafe.strip(v)));
        }
    }

    private static Map<String, Object> commandData(CommandFailedException e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rc", e.result().rc());
        data.put("stdout", e.result().stdout());
        data.put("stderr", e.result().stderr());
        return data;
    }

    private static String argsMessage(StepSpec spec, ArgsException e) {
        // Ansible's action plugins say their own message and nothing else (copy: "dest is required")
        if (e.problems().stream().allMatch(ArgsException.Problem::actionMessage)) {
            return String.join("; ", e.problems().stream().map(ArgsException.Problem::message).toList());
        }
        StringBuilder message = new StringBuilder("bad arguments for module '" + spec.task().module() + "':");
        for (ArgsException.Problem p : e.problems()) {
            message.append(" ").append(p.message());
            if (p.hint() != null) message.append(" (").append(p.hint()).append(")");
            message.append(";");
        }
        message.setLength(message.length() - 1);
        return message.toString();
    }

    static String templateMessage(TemplateException e) {
        String where = e.position().isKnown() ? " at " + e.position() : "";
        return e.getMessage() + where + (e.hint() != null ? " (" + e.hint() + ")" : "");
    }

    /**
     * One attempt's outcome with the rendered arguments shown for it and the host it ran on when delegated;
     * {@code templateError}: it failed because a template did not render, which fails the whole task
     * (Ansible's TaskExecutor: a loop stops there, without a result per item).
     */
    record Attempt(Outcome outcome, Map<String, Object> args, String delegate, boolean templateError) {

        Attempt(Outcome outcome, Map<String, Object> args, String delegate) {
            this(outcome, args, delegate, false);
        }

        static Attempt templateError(Outcome outcome, Map<String, Object> args, String delegate) {
            return new Attempt(outcome, args, delegate, true);
        }

        Attempt withOutcome(Outcome newOutcome) {
            return new Attempt(newOutcome, args, delegate, templateError);
        }
    }
}
