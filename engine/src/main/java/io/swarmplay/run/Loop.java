package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.playbook.LoopControl;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.template.KnownInPart;
import io.swarmplay.template.Lookups;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unknown;
import io.swarmplay.template.Unsafe;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code loop}/{@code with_items}: the step once per item, with the loop variable, index and
 * {@code ansible_loop} set; {@code when} is evaluated per item, as in Ansible. Every item runs
 * even when one fails; the registered value holds {@code results}.
 */
final class Loop {

    /** Items one task may loop over: every item's result is kept (2 GB and 80 s for a million). */
    static final int MAX_ITEMS = 10_000;

    private final TaskStep step;

    Loop(TaskStep step) {
        this.step = step;
    }

    StepResult run(StepSpec spec, HostState host, Map<String, Object> vars) {
        Object items;
        try {
            items = items(step, spec, vars);
        } catch (TemplateException e) {
            return result(host, loopFailed(spec, vars, e), null, List.of());
        }
        // items from host data (e.g. a registered stdout_lines) are host data too: never rendered
        boolean fromHost = items instanceof Unsafe;
        items = Unsafe.strip(items);
        if (items instanceof Unknown unknown) {
            Outcome outcome = step.unknown("loop " + RunHostSession.describe(unknown));
            return result(host, outcome, unknown, List.of());
        }
        if (!(items instanceof List<?> list)) {
            String type = items == null ? "nothing" : items instanceof Map ? "a mapping" : "'" + items + "'";
            return result(host, Outcome.failed("loop needs a list, got " + type
                    + (items instanceof Map ? " (use '| dict2items' to loop over a mapping)" : "")), null, List.of());
        }
        if (list.isEmpty()) return result(host, Results.emptyLoop(), null, List.of());
        TemplateException tooMany = tooMany(list, spec);
        if (tooMany != null) return result(host, Outcome.failed(TaskStep.templateMessage(tooMany)), null, List.of());
        LoopControl control;
        try {
            control = control(step, spec, vars);
        } catch (TemplateException e) {
            return result(host, Outcome.failed(TaskStep.templateMessage(e)), null, List.of());
        }
        return items(spec, host, vars, list, fromHost, control);
    }

    /**
     * The loop's list as rendered; a {@code with_<lookup>} loop's is wrapped in {@link Unsafe}: as in
     * Ansible's TaskExecutor, a lookup's items are data, never rendered again (a {@code loop:}'s are,
     * unless they came from host data).
     */
    static Object items(TaskStep step, StepSpec spec, Map<String, Object> vars) {
        Object rendered = step.renderData(spec.task().options().loop(), vars, spec);
        return spec.task().options().loopWith() == null ? rendered : Unsafe.wrap(rendered);
    }

    /**
     * The task's {@code loop_control} with its templated options rendered with the task's variables,
     * once before the first item, as Ansible's TaskExecutor does.
     *
     * @throws TemplateException when an option does not render or renders to the wrong type
     */
    static LoopControl control(TaskStep step, StepSpec spec, Map<String, Object> vars) {
        try {
            return spec.task().options().loopControl().resolve(template -> step.render(template, vars, spec));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(e.getMessage(), spec.task().at(), null);
        }
    }

    /**
     * A loop whose items did not render. As Ansible's TaskExecutor, an undefined variable in it fails the
     * task only if the task would run: {@code when}, evaluated without the loop variable, may skip it
     * first (a {@code when} that cannot be evaluated without the item fails with the loop's error).
     */
    private Outcome loopFailed(StepSpec spec, Map<String, Object> vars, TemplateException e) {
        // a with_<lookup> loop fails with the lookup's own message, as Ansible's TaskExecutor gives it
        Outcome failed = TemplateMessages.failed(TemplateMessages.ofLoop(e), e);
        if (!e.undefined()) return failed;
        try {
            Outcome skip = step.when(spec, vars);
            return skip != null && skip.status() == Status.SKIPPED ? skip : failed;
        } catch (TemplateException whenFailed) {
            return failed;
        }
    }

    /** Null when {@code list} is within {@link #MAX_ITEMS}; else why the loop (or looped include) is refused. */
    static TemplateException tooMany(List<?> list, StepSpec spec) {
        if (list.size() <= MAX_ITEMS) return null;
        return new TemplateException("loop has " + list.size() + " items: at most " + MAX_ITEMS + " are run per task",
                spec.task().at(), null);
    }

    private StepResult items(StepSpec spec, HostState host, Map<String, Object> vars, List<?> list, boolean fromHost,
                             LoopControl control) {
        List<ItemFinished> events = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Object> current = vars;
        TaskStep.Attempt last = null;
        for (int i = 0; i < list.size() && (i == 0 || !step.interrupted()); i++) {
            pauseBefore(i, control, step::interrupted);
            Map<String, Object> itemVars = itemVars(current, control, list, i, fromHost);
            last = step.once(spec, host, itemVars);
            if (last.templateError()) return aborted(host, last, events);
            outcomes.add(last.outcome());
            events.add(new ItemFinished(spec.task(), host.name(), label(step, spec, control, itemVars, list.get(i)),
                    last.outcome(), last.args(), spec.inherited().noLog(), loopVars(control, list, i, false), spec.inherited().diff()));
            values.add(itemValue(spec, host, last.outcome(), control, list.get(i)));
            // set_fact in a loop: each item sees the facts of the items before it, as in Ansible
            facts.putAll(last.outcome().facts());
            if (!last.outcome().facts().isEmpty()) current = step.withFacts(vars, facts);
        }
        Outcome combined = withFacts(combine(outcomes), facts);
        Object registered = Results.loop(values, combined, spec.name(), host.name());
        return new StepResult(host, last.delegate(), combined.withData(
                registered instanceof Map<?, ?> m ? castMap(m) : Map.of()), registered, last.args(), events, false);
    }

    /** An item whose template did not render fails the task as a whole, after the items before it (as Ansible). */
    private static StepResult aborted(HostState host, TaskStep.Attempt attempt, List<ItemFinished> before) {
        Outcome failed = attempt.outcome();
        return new StepResult(host, attempt.delegate(), failed, Results.registered(failed, "loop", host.name()),
                attempt.args(), before, false);
    }

    private static Map<String, Object> itemVars(Map<String, Object> vars, LoopControl control, List<?> list, int i,
                                                boolean fromHost) {
        Map<String, Object> itemVars = new LinkedHashMap<>(vars);
        itemVars.putAll(loopVars(control, list, i, fromHost));
        return itemVars;
    }

    /**
     * The variables of item {@code i}: the loop variable (host data, {@link Unsafe}, when the list
     * came from a host), the index variable and {@code ansible_loop}.
     */
    static Map<String, Object> loopVars(LoopControl control, List<?> list, int i, boolean fromHost) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(control.loopVar(), fromHost ? Unsafe.wrap(list.get(i)) : list.get(i));
        vars.put("ansible_loop_var", control.loopVar());
        if (control.indexVar() != null) {
            vars.put(control.indexVar(), i);
            vars.put("ansible_index_var", control.indexVar());
        }
        if (control.extended()) vars.put("ansible_loop", extended(control, list, i, fromHost));
        return vars;
    }

    /** {@code ansible_loop} of {@code loop_control: {extended: true}}, with Ansible's keys. */
    private static Map<String, Object> extended(LoopControl control, List<?> list, int i, boolean fromHost) {
        Map<String, Object> loop = new LinkedHashMap<>();
        if (control.extendedAllitems()) loop.put("allitems", fromHost ? Unsafe.wrap(list) : list);
        loop.put("index", i + 1);
        loop.put("index0", i);
        loop.put("first", i == 0);
        loop.put("last", i == list.size() - 1);
        loop.put("length", list.size());
        loop.put("revindex", list.size() - i);
        loop.put("revindex0", list.size() - i - 1);
        if (i > 0) loop.put("previtem", fromHost ? Unsafe.wrap(list.get(i - 1)) : list.get(i - 1));
        if (i < list.size() - 1) loop.put("nextitem", fromHost ? Unsafe.wrap(list.get(i + 1)) : list.get(i + 1));
        return loop;
    }

    /** {@code loop_control.pause}: waits between two items (not before the first), stopping early on an interrupt. */
    static void pauseBefore(int i, LoopControl control, java.util.function.BooleanSupplier interrupted) {
        if (i == 0 || control.pauseSeconds() <= 0) return;
        long end = System.nanoTime() + (long) (control.pauseSeconds() * 1e9);
        while (!interrupted.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The item as {@code (item=...)} shows it, as Python's {@code str}: {@code loop_control.label}
     * rendered, else the item ({@code {'a': 1}}, {@code ['x']}).
     */
    static String label(TaskStep step, StepSpec spec, LoopControl control, Map<String, Object> itemVars, Object item) {
        if (control.label() == null) return Values.str(Unsafe.strip(item));
        try {
            return Values.str(Unsafe.strip(step.render(control.label(), itemVars, spec)));
        } catch (TemplateException e) {
            return Values.str(Unsafe.strip(item));
        }
    }

    static Object itemValue(StepSpec spec, HostState host, Outcome outcome, LoopControl control, Object item) {
        Object value = Results.registered(outcome, spec, host.name());
        if (!(value instanceof Map<?, ?> map)) return value;
        Map<String, Object> withItem = new LinkedHashMap<>();
        withItem.put(control.loopVar(), item);
        withItem.put("ansible_loop_var", control.loopVar());
        if (value instanceof KnownInPart part) return part.with(withItem);
        Map<String, Object> all = new LinkedHashMap<>(castMap(map));
        all.putAll(withItem);
        return all;
    }

    // the facts of every item, in order, unless the loop failed (Ansible then sets none)
    private static Outcome withFacts(Outcome combined, Map<String, Object> facts) {
        boolean failed = combined.status() == Status.FAILED || combined.status() == Status.UNREACHABLE;
        return failed || facts.isEmpty() ? combined : combined.withFacts(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts)));
    }

    /**
     * FAILED if any item failed (changed, as Ansible's loop result, when any item changed
     * something), else WOULD_CHANGE or CHANGED if any did, SKIPPED if all skipped, else OK.
     */
    static Outcome combine(List<Outcome> outcomes) {
        boolean anyChanged = outcomes.stream().anyMatch(Outcome::changedFlag);
        for (Status status : List.of(Status.UNREACHABLE, Status.FAILED, Status.WOULD_CHANGE, Status.CHANGED)) {
            for (Outcome o : outcomes) {
                if (o.status() != status) continue;
                Outcome combined = new Outcome(o.status(), o.message(), o.change(), anyChanged ? Map.of("changed", true) : Map.of(),
                        o.facts(), o.secrets(), o.duration());
                return combined.withStatus(status, summary(status, o));
            }
        }
        boolean allSkipped = outcomes.stream().allMatch(o -> o.status() == Status.SKIPPED);
        return allSkipped ? Outcome.skipped("All items skipped") : Outcome.ok("all items ok");
    }

    private static String summary(Status status, Outcome first) {
        return status == Status.FAILED ? "one or more items failed" : first.message();
    }

    private static StepResult result(HostState host, Outcome outcome, Object registered, List<ItemFinished> items) {
        Object value = registered != null ? registered : Results.registered(outcome, "loop", host.name());
        return new StepResult(host, null, outcome, value, Map.of(), items, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
