package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.playbook.Handler;
import io.swarmplay.playbook.IncludeRole;
import io.swarmplay.playbook.IncludeTasks;
import io.swarmplay.playbook.LoopControl;
import io.swarmplay.playbook.ModuleDefaults;
import io.swarmplay.playbook.PlaybookLoader;
import io.swarmplay.playbook.Task;
import io.swarmplay.playbook.TaskNode;
import io.swarmplay.report.RunEvent.Included;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unknown;
import io.swarmplay.template.Unsafe;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code include_tasks}, as Ansible runs it: per host, and per item of its {@code loop}, the
 * include's own {@code when} decides, then its file name is rendered; only then is the file
 * loaded. Hosts that include the same file with the same loop variables run its tasks together,
 * in the order the includes were chosen. The included tasks get the include's {@code vars} and
 * loop variables, and what the enclosing blocks pass down; the include's other keywords
 * ({@code when}, {@code tags}, ...) act on the include alone.
 */
final class Includes {

    /**
     * One inclusion: what is included (include_tasks' file, or include_role's {@link RoleTarget}),
     * the loop variables it runs with (empty without a loop), the hosts, the label.
     */
    record Inclusion(Object target, Map<String, Object> loopVars, String label, List<HostState> hosts) {

        Path file() {
            return (Path) target;
        }
    }

    /** The role an include_role names for a host and item, name and files rendered. */
    record RoleTarget(String name, Map<String, String> from) {
    }

    /** Levels of include_tasks within include_tasks; far below the ~950 that overflow the stack. */
    static final int MAX_INCLUDE_DEPTH = 100;

    private final RunState run;
    private final PlayScope scope;
    // the include_tasks files being walked, innermost first: an include of itself recurses until this is full
    private final Deque<Path> including = new ArrayDeque<>();
    private final PlayRun play;
    private final TaskRunner tasks;
    private final TaskStep step;

    Includes(RunState run, PlayScope scope, PlayRun play, TaskRunner tasks, TaskStep step) {
        this.run = run;
        this.scope = scope;
        this.play = play;
        this.tasks = tasks;
        this.step = step;
    }

    /** {@code include_tasks} or {@code include_role}: chooses per host and item, then walks what each included. */
    void run(TaskNode include, List<HostState> hosts, Inherited inherited, TaskKind kind) {
        StepSpec spec = new StepSpec(task(include), inherited.plus(include.options()), kind);
        if (!tasks.selected(spec)) return;
        run.report(new TaskStarted(spec.task(), step.shownName(spec, hosts), kind));
        List<Inclusion> inclusions = new ArrayList<>();
        List<HostState> failedBefore = hosts.stream().filter(h -> h.failed).toList();
        for (HostState host : hosts) choose(include, spec, host, inclusions);
        tasks.hostsFailed(spec, hosts.stream().filter(h -> h.failed && !failedBefore.contains(h)).toList(), hosts);
        if (include instanceof IncludeRole role) {
            // include_role shows no "included" line and counts nothing, as in Ansible
            for (Inclusion inclusion : inclusions) play.roles().include(spec, role, inclusion, this, inherited);
            return;
        }
        for (Inclusion inclusion : inclusions) {
            run.report(new Included(spec.task(), inclusion.file().toString(),
                    inclusion.hosts().stream().map(HostState::name).toList(), inclusion.label()));
            inclusion.hosts().forEach(h -> run.recap.host(h.name()).ok++);
        }
        // the include's vars and loop variables are include params: above set_fact, as in Ansible;
        // its apply keywords wrap the included tasks as a block's
        Inherited passed = inherited.plus(((IncludeTasks) include).apply()).plusIncludeParams(include.options().vars());
        ModuleDefaults defaults = ((IncludeTasks) include).moduleDefaults();
        for (Inclusion inclusion : inclusions) walk(spec, inclusion, passed.plusIncludeParams(inclusion.loopVars()), defaults);
    }

    private static Task task(TaskNode include) {
        String module = include instanceof IncludeRole ? "include_role" : "include_tasks";
        return new Task(include.name(), module, Map.of(), include.options(), include.at(), Map.of());
    }

    /** The host's inclusions (one per item that passed its {@code when}); a skip or failure is recorded. */
    private void choose(TaskNode include, StepSpec unresolved, HostState host, List<Inclusion> inclusions) {
        StepSpec spec = step.forHost(unresolved, host).spec();
        Map<String, Object> vars = scope.stepVars(host, spec);
        if (include.options().loop() == null) {
            Outcome outcome = chooseOne(include, spec, host, vars, Map.of(), null, inclusions);
            if (outcome.status() != Status.OK) tasks.record(spec, result(host, outcome, List.of()));
            registerIncluded(spec, host, outcome, List.of());
            return;
        }
        chooseItems(include, spec, host, vars, inclusions);
    }

    private void chooseItems(TaskNode include, StepSpec spec, HostState host, Map<String, Object> vars,
                             List<Inclusion> inclusions) {
        Object rendered = loopItemsOrRecord(spec, host, vars);
        if (rendered == null) return;
        boolean fromHost = rendered instanceof Unsafe;
        List<?> items = (List<?>) Unsafe.strip(rendered);
        LoopControl control;
        try {
            control = Loop.control(step, spec, vars);
        } catch (TemplateException e) {
            tasks.record(spec, result(host, Outcome.failed(TaskStep.templateMessage(e)), List.of()));
            return;
        }
        List<ItemFinished> events = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Loop.pauseBefore(i, control, step::interrupted);
            Map<String, Object> loopVars = Loop.loopVars(control, items, i, fromHost);
            Map<String, Object> itemVars = new LinkedHashMap<>(vars);
            itemVars.putAll(loopVars);
            String label = Loop.label(step, spec, control, itemVars, items.get(i));
            Outcome outcome = chooseOne(include, spec, host, itemVars, loopVars, label, inclusions);
            outcomes.add(outcome);
            if (outcome.status() != Status.OK) {
                events.add(new ItemFinished(spec.task(), host.name(), label, outcome, Map.of(), spec.inherited().noLog()));
            }
        }
        finishItems(spec, host, control, items, outcomes, events);
    }

    // the loop's list, or null when it could not be rendered (the host's failure is then recorded)
    private Object loopItemsOrRecord(StepSpec spec, HostState host, Map<String, Object> vars) {
        try {
            return loopItems(spec, vars);
        } catch (TemplateException e) {
            tasks.record(spec, result(host, Outcome.failed(TaskStep.templateMessage(e)), List.of()));
        } catch (UnknownInclude e) {
            tasks.record(spec, result(host, step.unknown(e.getMessage()), List.of()));
        }
        return null;
    }

    // a host that included nothing gets one line (skipped, failed, unknown); register holds every item
    private void finishItems(StepSpec spec, HostState host, LoopControl control, List<?> items, List<Outcome> outcomes,
                             List<ItemFinished> events) {
        Outcome combined = items.isEmpty() ? Results.emptyLoop() : Loop.combine(outcomes);
        if (combined.status() != Status.OK) tasks.record(spec, result(host, combined, events));
        else events.forEach(run::report);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) values.add(Loop.itemValue(spec, host, outcomes.get(i), control, items.get(i)));
        registerIncluded(spec, host, combined, values);
    }

    /** The loop's list, wrapped in {@link Unsafe} when it came from host data. */
    private Object loopItems(StepSpec spec, Map<String, Object> vars) {
        Object rendered = Loop.items(step, spec, vars);
        Object items = Unsafe.strip(rendered);
        if (items instanceof Unknown unknown) throw new UnknownInclude(RunHostSession.describe(unknown));
        if (items instanceof List<?> list) {
            TemplateException tooMany = Loop.tooMany(list, spec);
            if (tooMany != null) throw tooMany;
            return rendered;
        }
        throw new TemplateException("loop needs a list, got " + (items == null ? "nothing" : "'" + items + "'"),
                spec.task().at(), null);
    }

    /** OK (and added to {@code inclusions}) when the host includes the file for these loop variables. */
    private Outcome chooseOne(TaskNode include, StepSpec spec, HostState host, Map<String, Object> vars,
                              Map<String, Object> loopVars, String label, List<Inclusion> inclusions) {
        try {
            Outcome skip = step.when(spec, vars);
            if (skip != null) return skip;
            Object target = include instanceof IncludeRole role ? roleTarget(role, vars, spec)
                    : file((IncludeTasks) include, vars, spec);
            if (target instanceof Unknown unknown) {
                return step.unknown(spec.task().module() + " " + RunHostSession.describe(unknown));
            }
            // a missing file or role fails this host's include, as Ansible's does (not a load error)
            if (target instanceof Path file && !java.nio.file.Files.isRegularFile(file)) {
                return Outcome.failed("Could not find or access '" + file + "' on the Ansible Controller.");
            }
            if (target instanceof RoleTarget r && include instanceof IncludeRole role && role.search().find(r.name()).isEmpty()) {
                return Outcome.failed("the role '" + r.name() + "' was not found in " + role.search().describe());
            }
            add(inclusions, target, loopVars, label, host);
            return Outcome.ok("included " + target);
        } catch (TemplateException e) {
            return Outcome.failed(TaskStep.templateMessage(e));
        }
    }

    private Object file(IncludeTasks include, Map<String, Object> vars, StepSpec spec) {
        Object file = step.render(include.file(), vars, spec);
        if (file instanceof Unknown) return file;
        return include.baseDir().resolve(String.valueOf(file)).toAbsolutePath().normalize();
    }

    // the role's name and files rendered for this host and item; an unknown one makes the whole target unknown
    private Object roleTarget(IncludeRole include, Map<String, Object> vars, StepSpec spec) {
        Object name = step.render(include.role(), vars, spec);
        if (name instanceof Unknown) return name;
        Map<String, String> from = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : include.from().entrySet()) {
            Object file = step.render(e.getValue(), vars, spec);
            if (file instanceof Unknown) return file;
            from.put(e.getKey(), String.valueOf(file));
        }
        return new RoleTarget(String.valueOf(name), from);
    }

    private static void add(List<Inclusion> inclusions, Object file, Map<String, Object> loopVars, String label,
                            HostState host) {
        for (Inclusion i : inclusions) {
            if (i.target().equals(file) && i.loopVars().equals(loopVars)) {
                i.hosts().add(host);
                return;
            }
        }
        List<HostState> hosts = new ArrayList<>();
        hosts.add(host);
        inclusions.add(new Inclusion(file, loopVars, label, hosts));
    }

    private void registerIncluded(StepSpec spec, HostState host, Outcome outcome, List<Object> itemValues) {
        String register = spec.task().options().register();
        if (register == null || outcome.status() == Status.FAILED) return;
        host.register(register, spec.task().options().loop() == null
                ? Results.registered(outcome, spec.name(), host.name())
                : Results.loop(itemValues, outcome, spec.name(), host.name()));
    }

    private static StepResult result(HostState host, Outcome outcome, List<ItemFinished> items) {
        return new StepResult(host, null, outcome, Results.registered(outcome, "include_tasks", host.name()), Map.of(),
                items, false);
    }

    // a file that cannot be loaded fails the hosts that include it, with the load errors as the message
    private void walk(StepSpec spec, Inclusion inclusion, Inherited inherited, ModuleDefaults defaults) {
        if (including.size() >= MAX_INCLUDE_DEPTH) {
            fail(spec, inclusion, "include_tasks nests more than " + MAX_INCLUDE_DEPTH + " levels deep ("
                    + includeChain(inclusion.file()) + ") at " + spec.task().at());
            return;
        }
        Diagnostics diagnostics = new Diagnostics();
        io.swarmplay.playbook.RoleCall role = inherited.role();
        List<TaskNode> nodes = PlaybookLoader.loadTasksFile(inclusion.file(), scope.play().roleSearch(),
                role == null ? null : role.role().path(), defaults, importVars(inherited), run.request.modules(), diagnostics);
        if (diagnostics.hasErrors()) {
            fail(spec, inclusion, "cannot include " + inclusion.file() + ": " + errors(diagnostics));
            return;
        }
        io.swarmplay.source.SourcePosition nested = spec.kind() == TaskKind.HANDLER ? Handler.nestedBlock(nodes) : null;
        if (nested != null) throw new RunAborted(Handler.NESTED_BLOCK + " (" + nested + ")");
        including.push(inclusion.file());
        try {
            play.walk(nodes, inclusion.hosts(), inherited);
        } finally {
            including.pop();
        }
    }

    // what the included file's static imports may name their files with: no host's variables (Ansible's get_vars(play, task))
    private Map<String, Object> importVars(Inherited inherited) {
        Map<String, Object> vars = new java.util.HashMap<>(scope.play().vars());
        vars.putAll(inherited.includeParams());
        vars.putAll(run.request.extraVars());
        return vars;
    }

    /** The load errors, for a message: {@code summary at file:line:col; ...}. */
    static String errors(Diagnostics diagnostics) {
        return diagnostics.all().stream().filter(d -> d.severity() == io.swarmplay.source.Diagnostic.Severity.ERROR)
                .map(d -> d.summary() + (d.position().isKnown() ? " at " + d.position() : ""))
                .collect(Collectors.joining("; "));
    }

    /** Fails the hosts of an inclusion that could not be loaded. */
    void fail(StepSpec spec, Inclusion inclusion, String message) {
        run.report(new TaskStarted(spec.task(), spec.name(), TaskKind.TASK));
        for (HostState host : inclusion.hosts()) tasks.record(spec, result(host, Outcome.failed(message), List.of()));
    }

    /** {@code self.yml includes itself}, or the last files of the chain. */
    private String includeChain(Path next) {
        if (next.equals(including.peek())) return next.getFileName() + " includes itself";
        List<String> last = new ArrayList<>();
        including.stream().limit(3).forEach(p -> last.add(0, String.valueOf(p.getFileName())));
        return "..." + String.join(" -> ", last) + " -> " + next.getFileName();
    }

    /** A loop of an include whose items are known only after apply. */
    private static final class UnknownInclude extends RuntimeException {
        UnknownInclude(String message) {
            super(message, null, false, false);
        }
    }
}
