package io.swarmplay.run;

import io.swarmplay.playbook.Task;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Omit;
import io.swarmplay.template.Templar;
import io.swarmplay.template.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's arguments rendered key by key, so that the plan can show every known argument even
 * when one depends on a value known only after apply.
 *
 * @param values  the rendered arguments, {@code omit} dropped (meaningful only when {@code unknown} is null)
 * @param display what the plan shows: values, with {@code (known after apply)} for unknown ones
 * @param unknown the first unknown value met, or null
 */
record RenderedArgs(Map<String, Object> values, Map<String, Object> display, Unknown unknown) {

    private static final List<String> CONNECTION_KEYS = List.of("ansible_host", "ansible_port", "ansible_user",
            "ansible_connection", "ansible_ssh_private_key_file", "ansible_timeout");

    static RenderedArgs render(Templar templar, Task task, Map<String, Object> vars) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> display = new LinkedHashMap<>();
        Unknown first = null;
        for (Map.Entry<String, Object> arg : task.args().entrySet()) {
            SourcePosition at = task.argsAt().getOrDefault(arg.getKey(), task.at());
            Object value = withoutOmit(templar.render(arg.getValue(), vars, at));
            if (value == Omit.INSTANCE) continue;
            if (value instanceof Unknown unknown && first == null) first = unknown;
            values.put(arg.getKey(), value);
            display.put(arg.getKey(), value instanceof Unknown ? value.toString() : value);
        }
        return new RenderedArgs(values, display, first);
    }

    /** Drops {@code omit} entries inside maps and lists, as Ansible does for nested options. */
    private static Object withoutOmit(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> kept = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object inner = withoutOmit(v);
                if (inner != Omit.INSTANCE) kept.put(k, inner);
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>();
            for (Object v : list) {
                Object inner = withoutOmit(v);
                if (inner != Omit.INSTANCE) kept.add(inner);
            }
            return kept;
        }
        return value;
    }

    /** The host variables with the connection settings rendered (they may be templated in inventory). */
    static Map<String, Object> connectionVars(java.util.function.Supplier<Templar> templar, Map<String, Object> vars,
                                              SourcePosition at) {
        Map<String, Object> rendered = new LinkedHashMap<>(vars);
        for (String key : CONNECTION_KEYS) {
            Object value = vars.get(key);
            if (value instanceof String s && s.contains("{{")) rendered.put(key, templar.get().render(s, vars, at));
        }
        return rendered;
    }

    /** The task's {@code environment}, rendered to strings. */
    static Map<String, String> environment(Templar templar, Map<String, Object> environment,
                                           Map<String, Object> vars, SourcePosition at) {
        if (environment.isEmpty()) return Map.of();
        Map<String, String> rendered = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            Object value = templar.render(v, vars, at);
            if (value instanceof Unknown unknown) {
                throw new io.swarmplay.module.ValueUnknownException(RunHostSession.describe(unknown));
            }
            if (value != Omit.INSTANCE && value != null) rendered.put(k, String.valueOf(value));
        });
        return rendered;
    }
}
