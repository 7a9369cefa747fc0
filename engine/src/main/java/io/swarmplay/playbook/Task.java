package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.util.Map;

/**
 * A module call. {@code args} is the raw, unrendered argument tree (maps, lists, strings with
 * {@code {{ }}}); the free form {@code command: ls -l} is stored under the module's free-form key
 * and {@code key=value} strings are split into the map. {@code module} is the name as written
 * (e.g. {@code ansible.builtin.copy}); {@code meta} tasks have module {@code meta} and
 * {@code args = {_raw: flush_handlers}}.
 *
 * @param name    the task's name, or {@code module} when the task has none (Ansible's display)
 * @param argsAt  positions of argument keys by key, for messages about a bad argument
 */
public record Task(String name, String module, Map<String, Object> args, TaskOptions options,
                   SourcePosition at, Map<String, SourcePosition> argsAt) implements TaskNode {

    public Task {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        argsAt = Map.copyOf(argsAt);
    }
}
