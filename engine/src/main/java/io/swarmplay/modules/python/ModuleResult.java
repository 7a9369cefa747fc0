package io.swarmplay.modules.python;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's result dictionary of a module or action plugin, both ways: parsed from what a module
 * printed (Ansible's {@code _parse_returned_data}: the JSON object among other output, else its
 * {@code MODULE FAILURE}), turned into a step's {@link Outcome}, and made from an outcome of a
 * built-in module for an action plugin.
 */
final class ModuleResult {

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** What AnsibleModule puts in place of a {@code no_log} value. */
    static final String NO_LOG_MASK = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";

    private ModuleResult() {
    }

    /** The result a module printed: its JSON object, or Ansible's MODULE FAILURE with what it printed. */
    static Map<String, Object> parse(String stdout, String stderr, int rc) {
        Map<String, Object> parsed = json(stdout);
        if (parsed != null) return parsed;
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("failed", true);
        failure.put("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error");
        failure.put("module_stdout", stdout);
        failure.put("module_stderr", stderr);
        if (stderr.startsWith("Traceback")) failure.put("exception", stderr);
        else if (stdout.startsWith("Traceback")) failure.put("exception", stdout);
        failure.put("rc", rc);
        return failure;
    }

    /**
     * The result a module printed when Ansible's {@code async_wrapper} ran it ({@code _run_module}):
     * its JSON object (leading and trailing lines dropped, trailing ones named in a warning) with
     * what it printed on stderr as {@code stderr}; else the wrapper's failure, {@code cmd}, the
     * output as {@code data}, {@code stderr}, and the reason as {@code msg}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseAsync(String stdout, String stderr, String cmd) {
        List<String> lines = stdout.lines().toList();
        int first = 0;
        while (first < lines.size() && !lines.get(first).strip().startsWith("{")) first++;
        String problem = first == lines.size() ? "No start of json char found" : null;
        int end = lines.size();
        while (problem == null && end > first && !lines.get(end - 1).strip().endsWith("}")) end--;
        if (problem == null && end == first) problem = "No end of json char found";
        Object value = null;
        if (problem == null) {
            try {
                value = JSON.readValue(String.join("\n", lines.subList(first, end)), Object.class);
            } catch (IOException e) {
                value = null; // not JSON: the wrapper's failure below
            }
        }
        if (!(value instanceof Map<?, ?> map)) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("failed", 1);
            failure.put("cmd", cmd);
            failure.put("data", stdout);
            failure.put("stderr", stderr);
            failure.put("msg", "ValueError: " + (problem == null ? "the module's output is not a JSON object" : problem) + "\n");
            return failure;
        }
        Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) map);
        if (end < lines.size()) {
            List<Object> warnings = new ArrayList<>();
            Object given = result.get("warnings");
            if (given instanceof List<?> list) warnings.addAll(list);
            else if (given != null) warnings.add(given);
            warnings.add("Module invocation had junk after the JSON data: " + String.join("\n", lines.subList(end, lines.size())));
            result.put("warnings", warnings);
        }
        if (!stderr.isEmpty()) result.put("stderr", stderr);
        return result;
    }

    // ansible's _filter_non_json_lines: from the first line that starts with '{' to the last that ends with '}'
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String stdout) {
        String[] lines = stdout.split("\n", -1);
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            if (first < 0 && lines[i].startsWith("{")) first = i;
            if (lines[i].stripTrailing().endsWith("}")) last = i;
        }
        if (first < 0 || last < first) return null;
        try {
            Object value = JSON.readValue(String.join("\n", java.util.Arrays.asList(lines).subList(first, last + 1)), Object.class);
            return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The step's outcome for a result: failed, skipped, changed or ok as it says; its
     * {@code ansible_facts} become facts; {@code _ansible_*} keys are dropped; {@code invocation} is the
     * module's own; every value the module masked as {@code no_log} in {@code invocation} is a secret of the outcome.
     */
    static Outcome outcome(Map<String, Object> result, Map<String, Object> sentArgs, Change change) {
        Map<String, Object> data = new LinkedHashMap<>(result);
        data.keySet().removeIf(k -> k.startsWith("_ansible_"));
        // 'invocation' stays as the module echoed it (its own no_log masks, its own type conversions): what
        // ansible-playbook shows from -vvv and registers; the args swarmplay sent are never shown in its place
        // ansible's TaskExecutor: a result without 'failed' failed when it has a non-zero rc
        boolean failed = data.containsKey("failed") ? truthy(data.get("failed"))
                : data.containsKey("rc") && !List.of("0").contains(String.valueOf(data.get("rc")));
        boolean changed = truthy(data.get("changed"));
        String msg = data.get("msg") == null ? null : String.valueOf(data.get("msg"));
        Outcome outcome;
        if (failed) outcome = Outcome.failed(msg);
        else if (truthy(data.get("skipped"))) outcome = Outcome.skipped(msg == null ? "skipped by the module" : msg);
        else if (changed) outcome = Outcome.changed(change);
        else outcome = Outcome.ok(change == null ? Change.none("ok") : Change.none(change.summary()));
        if (failed || changed) data.put("changed", changed);
        outcome = outcome.withData(data);
        if (data.get("ansible_facts") instanceof Map<?, ?> facts) outcome = outcome.withFacts(ModuleFacts.variables(stringKeys(facts)));
        for (String secret : maskedValues(sentArgs, invocationArgs(result))) outcome = outcome.withSecret(secret);
        return outcome;
    }

    /** Ansible's result for a built-in module's outcome, as an action plugin's {@code _execute_module} returns it. */
    static Map<String, Object> of(Outcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>(outcome.data());
        result.put("changed", outcome.changedFlag());
        if (outcome.status() == Status.SKIPPED) {
            result.put("skipped", true);
            result.putIfAbsent("msg", outcome.message());
            return result;
        }
        if (outcome.isFailed()) {
            result.put("failed", true);
            result.putIfAbsent("msg", outcome.message());
        }
        for (String stream : List.of("stdout", "stderr")) {
            if (result.get(stream) instanceof String text) result.putIfAbsent(stream + "_lines", text.lines().toList());
        }
        return result;
    }

    /** A failed result with {@code msg}. */
    static Map<String, Object> failed(String msg) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("failed", true);
        result.put("msg", msg);
        return result;
    }

    private static Map<String, Object> invocationArgs(Map<String, Object> result) {
        if (result.get("invocation") instanceof Map<?, ?> inv && inv.get("module_args") instanceof Map<?, ?> args) {
            return stringKeys(args);
        }
        return Map.of();
    }

    /** The values given in {@code sent} where the module's own echo of them holds the no_log mask. */
    static List<String> maskedValues(Object sent, Object echoed) {
        List<String> secrets = new ArrayList<>();
        if (NO_LOG_MASK.equals(echoed)) {
            leaves(sent, secrets);
        } else if (sent instanceof Map<?, ?> s && echoed instanceof Map<?, ?> e) {
            s.forEach((k, v) -> secrets.addAll(maskedValues(v, e.get(k))));
        } else if (sent instanceof List<?> s && echoed instanceof List<?> e) {
            for (int i = 0; i < Math.min(s.size(), e.size()); i++) secrets.addAll(maskedValues(s.get(i), e.get(i)));
        }
        return secrets;
    }

    private static void leaves(Object value, List<String> out) {
        if (value instanceof Map<?, ?> map) map.values().forEach(v -> leaves(v, out));
        else if (value instanceof List<?> list) list.forEach(v -> leaves(v, out));
        else if (value != null && !String.valueOf(value).isEmpty()) out.add(String.valueOf(value));
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) return b;
        if (value instanceof Number n) return n.doubleValue() != 0;
        if (value instanceof String s) return List.of("true", "yes", "on", "1", "y", "t").contains(s.strip().toLowerCase(java.util.Locale.ROOT));
        return false;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** {@code value} as plain JSON data: maps, lists, strings, numbers, booleans and null. */
    static Object plain(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) return value;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Iterable<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return String.valueOf(value);
    }
}
