package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.module.Action;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.template.KnownInPart;
import io.swarmplay.template.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what {@code register} stores from an {@link Outcome}, with Ansible's keys. */
final class Results {

    /** The key of an empty loop's reason, as Ansible spells it. */
    static final String SKIPPED_REASON = "skipped_reason";
    private static final String NO_ITEMS = "No items in the list";

    private Results() {
    }

    /**
     * The registered value: the module's data plus {@code changed}, {@code failed},
     * {@code skipped}, {@code msg} and {@code stdout_lines}/{@code stderr_lines}; an
     * {@link Unknown} for a step that would change (its result exists only after apply).
     */
    static Object registered(Outcome outcome, String taskName, String host) {
        boolean checkResult = outcome.data().containsKey(io.swarmplay.report.ResultView.CHECK_RESULT);
        if (outcome.status() == Status.WOULD_CHANGE && !checkResult || skippedUnpredictable(outcome)) {
            return new Unknown("result of '" + taskName + "' on " + host);
        }
        Map<String, Object> value = new LinkedHashMap<>(outcome.data());
        value.remove(io.swarmplay.report.ResultView.WHERE);
        value.remove(io.swarmplay.report.ResultView.CHECK_RESULT);
        value.put("changed", outcome.changedFlag() || checkResult);
        if (outcome.status() == Status.SKIPPED) {
            // Ansible's skip result: changed, skipped and why (a module's skip may carry failed or no reason at all)
            value.put("skipped", true);
            if (outcome.message() != null && !value.containsKey("msg") && !value.containsKey(SKIPPED_REASON)) {
                value.put("skip_reason", outcome.message());
            }
            return value;
        }
        value.put("failed", outcome.status() == Status.FAILED);
        if (outcome.status() == Status.UNREACHABLE) value.put("unreachable", true);
        if (outcome.message() != null && !value.containsKey("msg") && !checkResult
                && outcome.status() != Status.OK && outcome.status() != Status.CHANGED) {
            value.put("msg", outcome.message());
        }
        addLines(value, "stdout");
        addLines(value, "stderr");
        return value;
    }

    /**
     * As {@link #registered(Outcome, String, String)}, but the result of a step that would create,
     * change or run something is known in part: it will have changed and not failed (if it failed,
     * no later step of the host would read it), unless {@code changed_when}, {@code failed_when},
     * {@code until} or {@code ignore_errors} decide that from the result itself.
     */
    static Object registered(Outcome outcome, StepSpec spec, String host) {
        Object value = registered(outcome, spec.name(), host);
        if (!(value instanceof Unknown unknown) || !knownInPart(outcome, spec)) return value;
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("changed", true);
        known.put("failed", false);
        return new KnownInPart(known, unknown);
    }

    private static boolean knownInPart(Outcome outcome, StepSpec spec) {
        TaskOptions options = spec.task().options();
        return outcome.status() == Status.WOULD_CHANGE && outcome.change() != null && outcome.change().action() != Action.UNKNOWN
                && options.changedWhen().isEmpty() && options.failedWhen().isEmpty() && options.until().isEmpty()
                && !spec.inherited().ignoreErrors();
    }

    // check mode skips what it cannot predict (commands, unknown inputs): its result comes only from apply
    private static boolean skippedUnpredictable(Outcome outcome) {
        return outcome.status() == Status.SKIPPED && outcome.change() != null && !outcome.change().isNone();
    }

    private static void addLines(Map<String, Object> value, String key) {
        if (value.get(key) instanceof String text && !value.containsKey(key + "_lines")) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            value.put(key + "_lines", lines);
        }
    }

    /** A loop's registered value: {@code results} holds each item's value, with {@code item} and the loop var. */
    static Object loop(List<Object> itemValues, Outcome combined, String taskName, String host) {
        boolean anyUnknown = itemValues.stream().anyMatch(v -> v instanceof Unknown);
        if (anyUnknown) return new Unknown("result of '" + taskName + "' on " + host);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("results", itemValues);
        boolean skipped = combined.status() == Status.SKIPPED;
        value.put("skipped", skipped);
        value.put("changed", combined.changedFlag() || itemValues.stream().anyMatch(v -> v instanceof KnownInPart
                || v instanceof Map<?, ?> item && Boolean.TRUE.equals(item.get("changed"))));
        if (combined.status() == Status.FAILED) value.put("failed", true);
        value.put("msg", combined.status() == Status.FAILED ? "One or more items failed"
                : skipped ? "All items skipped" : "All items completed");
        return value;
    }

    /** The result of a loop over no items, as Ansible's (with its {@code skipped_reason}). */
    static Outcome emptyLoop() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SKIPPED_REASON, NO_ITEMS);
        data.put("results", List.of());
        return Outcome.skipped(NO_ITEMS).withData(data);
    }
}
