package io.swarmplay.run;

import io.swarmplay.playbook.Task;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Omit;
import io.swarmplay.template.Templar;
import io.swarmplay.template.Unknown;
import io.swarmplay.template.Unsafe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's arguments rendered key by key, so that the plan can show every known argument even
 * when one depends on a value known only after apply.
 *
 * @param values  the rendered arguments, {@code omit} dropped (meaningful only when {@code unknown} is null)
 * @param display what the plan shows: values, with {@code (known after apply)} for unknown ones
 * @param unknown the first unknown value met, or null
 * @param fromHost the arguments whose values were computed from host data ({@link Unsafe})
 */
record RenderedArgs(Map<String, Object> values, Map<String, Object> display, Unknown unknown, Set<String> fromHost) {

    /** Argument names whose values are secrets wherever they appear (e.g. {@code registry.password}). */
    private static final java.util.regex.Pattern SENSITIVE = java.util.regex.Pattern.compile(
            "(?i).*(password|passwd|secret|token|passphrase|private_key|api_key|apikey|credential).*|(?i)(.*_)?pass");

    private static final List<String> CONNECTION_KEYS = List.of("ansible_host", "ansible_port", "ansible_user",
            "ansible_connection", "ansible_ssh_private_key_file", "ansible_timeout", "ansible_become", "ansible_become_user",
            "ansible_become_method", "ansible_become_exe", "ansible_become_flags");

    static RenderedArgs render(Templar templar, Task task, Map<String, Object> vars) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> display = new LinkedHashMap<>();
        Set<String> fromHost = new HashSet<>();
        Unknown first = null;
        for (Map.Entry<String, Object> arg : task.args().entrySet()) {
            SourcePosition at = task.argsAt().getOrDefault(arg.getKey(), task.at());
            // host data is marked by the name the module sees (`set_fact: {"{{ item.key }}": ...}`)
            String key = renderedKey(templar, arg.getKey(), vars, at);
            Object rendered = templar.renderData(arg.getValue(), vars, at);
            if (rendered instanceof Unknown && isTree(arg.getValue())) {
                rendered = byItem(templar, arg.getValue(), vars, at, () -> fromHost.add(key));
            }
            if (rendered instanceof Unsafe u) fromHost.add(key);
            Object value = withoutOmit(Unsafe.strip(rendered));
            if (value == Omit.INSTANCE) continue;
            if (first == null) first = firstUnknown(value);
            values.put(key, value);
            display.put(key, value instanceof Unknown ? value.toString() : masked(key, value));
        }
        return new RenderedArgs(values, display, first, fromHost);
    }

    // Ansible templates the whole argument mapping, keys too: `set_fact: {"{{ name }}": 1}`
    private static String renderedKey(Templar templar, String key, Map<String, Object> vars, SourcePosition at) {
        if (!key.contains("{{")) return key;
        Object rendered = Unsafe.strip(templar.render(key, vars, at));
        return rendered instanceof Unknown ? key : String.valueOf(rendered);
    }

    private static boolean isTree(Object raw) {
        return raw instanceof Map<?, ?> || raw instanceof List<?>;
    }

    /**
     * A map or list written in YAML whose rendering met a value known only after apply, rendered
     * item by item: the unknown stays where it is ({@code copy_in: [{content: (known after apply),
     * dest: /x}]}), so the plan shows the rest and can still plan the step. A key that is unknown
     * makes the whole tree unknown.
     */
    private static Object byItem(Templar templar, Object raw, Map<String, Object> vars, SourcePosition at,
                                 Runnable fromHost) {
        if (raw instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = Unsafe.strip(templar.renderData(e.getKey(), vars, at));
                if (key instanceof Unknown unknown) return unknown;
                out.put(key, byItem(templar, e.getValue(), vars, at, fromHost));
            }
            return out;
        }
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) out.add(byItem(templar, item, vars, at, fromHost));
            return out;
        }
        Object rendered = templar.renderData(raw, vars, at);
        if (rendered instanceof Unsafe) fromHost.run();
        return Unsafe.strip(rendered);
    }

    /** The first value known only after apply in {@code value}, at any depth; null when there is none. */
    static Unknown firstUnknown(Object value) {
        if (value instanceof Unknown unknown) return unknown;
        java.util.Collection<?> children = value instanceof Map<?, ?> map ? map.values()
                : value instanceof List<?> list ? list : List.of();
        for (Object child : children) {
            Unknown found = firstUnknown(child);
            if (found != null) return found;
        }
        return null;
    }

    /** The value as a plan may show it: sensitive keys (at any depth) replaced by a mask. */
    static Object masked(String key, Object value) {
        if (value == null || value instanceof Unknown) return value;
        if (value instanceof String && SENSITIVE.matcher(key).matches()) return io.swarmplay.report.Redactor.MASK;
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, masked(String.valueOf(k), v)));
            return copy;
        }
        if (value instanceof List<?> list) return list.stream().map(v -> masked("", v)).toList();
        return value;
    }

    /** The values of sensitive keys, for the redactor to mask everywhere else too. */
    static List<String> secrets(String key, Object raw) {
        Object value = Unsafe.strip(raw);
        List<String> found = new ArrayList<>();
        if (value instanceof Map<?, ?> map) map.forEach((k, v) -> found.addAll(secrets(String.valueOf(k), v)));
        else if (value instanceof List<?> list) list.forEach(v -> found.addAll(secrets(key, v)));
        else if (value instanceof String s && SENSITIVE.matcher(key).matches()) found.add(s);
        return found;
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
        Map<String, Object> rendered = new LinkedHashMap<>();
        // connections read values directly, without the templar: host data is unwrapped here
        vars.forEach((k, v) -> rendered.put(k, Unsafe.strip(v)));
        for (String key : CONNECTION_KEYS) {
            Object value = vars.get(key);
            if (value instanceof String s && s.contains("{{")) rendered.put(key, templar.get().render(s, vars, at));
        }
        return rendered;
    }

    /**
     * The task's {@code environment}, rendered to strings. As in Ansible, a variable whose value
     * needs the {@code ansible_env} fact before facts are gathered is left out rather than failing
     * (a play's {@code PATH: "{{ ansible_env.PATH }}:/opt/bin"} applies to its tasks, not to the
     * fact gathering that defines it).
     */
    static Map<String, String> environment(Templar templar, Map<String, Object> environment,
                                           Map<String, Object> vars, SourcePosition at) {
        if (environment.isEmpty()) return Map.of();
        Map<String, String> rendered = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            Object value;
            try {
                value = templar.render(v, vars, at);
            } catch (io.swarmplay.template.TemplateException e) {
                if (needsEnvFact(e)) return;
                throw e;
            }
            if (value instanceof Unknown unknown) {
                throw new io.swarmplay.module.ValueUnknownException(RunHostSession.describe(unknown));
            }
            if (!io.swarmplay.playbook.EnvironmentKeyword.isTemplate(k)) {
                if (value != Omit.INSTANCE && value != null) rendered.put(k, String.valueOf(value));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((name, one) -> rendered.put(String.valueOf(name), String.valueOf(one)));
            } else if (value != Omit.INSTANCE && value != null && !"".equals(value)) {
                throw new io.swarmplay.module.ModuleException("environment must be a mapping, but " + v + " rendered to " + value);
            }
        });
        return rendered;
    }

    // Ansible's rule: an undefined-variable error that names ansible_env (or ansible_facts.env)
    private static boolean needsEnvFact(io.swarmplay.template.TemplateException e) {
        String message = String.valueOf(e.getMessage());
        return (message.contains("ansible_env") || message.contains("ansible_facts.env"))
                && (message.contains("undefined") || message.contains("not defined") || message.contains("has no attribute"));
    }
}
