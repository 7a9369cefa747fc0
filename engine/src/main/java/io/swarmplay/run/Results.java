package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.template.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what {@code register} stores from an {@link Outcome}, with Ansible's keys. */
final class Results {

    private Results() {
    }

    /**
     * The registered value: the module's data plus {@code changed}, {@code failed},
     * {@code skipped}, {@code msg} and {@code stdout_lines}/{@code stderr_lines}; an
     * {@link Unknown} for a step that would change (its result exists only after apply).
     */
    static Object registered(Outcome outcome, String taskName, String host) {
        if (outcome.status() == Status.WOULD_CHANGE || skippedUnpredictable(outcome)) {
            return new Unknown("result of '" + taskName + "' on " + host);
        }
        Map<String, Object> value = new LinkedHashMap<>(outcome.data());
        value.put("changed", outcome.changedFlag());
        value.put("failed", outcome.status() == Status.FAILED);
        if (outcome.status() == Status.SKIPPED) {
            value.put("skipped", true);
            value.put("skip_reason", outcome.message());
        }
        if (outcome.status() == Status.UNREACHABLE) value.put("unreachable", true);
        if (outcome.message() != null && !value.containsKey("msg")
                && outcome.status() != Status.OK && outcome.status() != Status.CHANGED) {
            value.put("msg", outcome.message());
        }
        addLines(value, "stdout");
        addLines(value, "stderr");
        return value;
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
        value.put("changed", combined.changedFlag());
        value.put("failed", combined.status() == Status.FAILED);
        value.put("msg", combined.status() == Status.FAILED
                ? "One or more items failed" : "All items completed");
        if (combined.status() == Status.SKIPPED) value.put("skipped", true);
        return value;
    }
}
