package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.playbook.LoopControl;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unknown;

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

    private final TaskStep step;

    Loop(TaskStep step) {
        this.step = step;
    }

    StepResult run(StepSpec spec, HostState host, Map<String, Object> vars) {
        Object items;
        try {
            items = step.render(spec.task().options().loop(), vars, spec);
        } catch (TemplateException e) {
            return result(host, Outcome.failed(TaskStep.templateMessage(e)), null, List.of());
        }
        if (items instanceof Unknown unknown) {
            Outcome outcome = step.unknown("loop " + RunHostSession.describe(unknown));
            return result(host, outcome, unknown, List.of());
        }
        if (!(items instanceof List<?> list)) {
            String type = items == null ? "nothing" : items instanceof Map ? "a mapping" : "'" + items + "'";
            return result(host, Outcome.failed("loop needs a list, got " + type
                    + (items instanceof Map ? " (use '| dict2items' to loop over a mapping)" : "")), null, List.of());
        }
        if (list.isEmpty()) return result(host, Outcome.skipped("no items in the loop"), null, List.of());
        return items(spec, host, vars, list);
    }

    private StepResult items(StepSpec spec, HostState host, Map<String, Object> vars, List<?> list) {
        LoopControl control = spec.task().options().loopControl();
        List<ItemFinished> events = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        TaskStep.Attempt last = null;
        for (int i = 0; i < list.size() && (i == 0 || !step.interrupted()); i++) {
            Map<String, Object> itemVars = itemVars(vars, control, list, i);
            last = step.once(spec, host, itemVars);
            outcomes.add(last.outcome());
            events.add(new ItemFinished(spec.task(), host.name(), label(spec, control, itemVars, list.get(i)),
                    last.outcome(), last.args(), spec.inherited().noLog()));
            values.add(itemValue(spec, host, last.outcome(), control, list.get(i)));
        }
        Outcome combined = combine(outcomes);
        Object registered = Results.loop(values, combined, spec.name(), host.name());
        return new StepResult(host, last.delegate(), combined.withData(
                registered instanceof Map<?, ?> m ? castMap(m) : Map.of()), registered, last.args(), events, false);
    }

    private static Map<String, Object> itemVars(Map<String, Object> vars, LoopControl control, List<?> list, int i) {
        Map<String, Object> itemVars = new LinkedHashMap<>(vars);
        itemVars.put(control.loopVar(), list.get(i));
        if (control.indexVar() != null) itemVars.put(control.indexVar(), i);
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("index", i + 1);
        loop.put("index0", i);
        loop.put("first", i == 0);
        loop.put("last", i == list.size() - 1);
        loop.put("length", list.size());
        itemVars.put("ansible_loop", loop);
        return itemVars;
    }

    private String label(StepSpec spec, LoopControl control, Map<String, Object> itemVars, Object item) {
        if (control.label() == null) return String.valueOf(item);
        try {
            return String.valueOf(step.render(control.label(), itemVars, spec));
        } catch (TemplateException e) {
            return String.valueOf(item);
        }
    }

    private static Object itemValue(StepSpec spec, HostState host, Outcome outcome, LoopControl control, Object item) {
        Object value = Results.registered(outcome, spec.name(), host.name());
        if (!(value instanceof Map<?, ?> map)) return value;
        Map<String, Object> withItem = new LinkedHashMap<>(castMap(map));
        withItem.put(control.loopVar(), item);
        withItem.put("ansible_loop_var", control.loopVar());
        return withItem;
    }

    /** FAILED if any item failed, else WOULD_CHANGE or CHANGED if any did, SKIPPED if all skipped, else OK. */
    static Outcome combine(List<Outcome> outcomes) {
        for (Status status : List.of(Status.UNREACHABLE, Status.FAILED, Status.WOULD_CHANGE, Status.CHANGED)) {
            for (Outcome o : outcomes) {
                if (o.status() == status) return o.withData(Map.of()).withStatus(status, summary(status, o));
            }
        }
        boolean allSkipped = outcomes.stream().allMatch(o -> o.status() == Status.SKIPPED);
        return allSkipped ? Outcome.skipped("all items skipped") : Outcome.ok("all items ok");
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
