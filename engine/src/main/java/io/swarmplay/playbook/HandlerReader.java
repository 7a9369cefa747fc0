package io.swarmplay.playbook;

import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a play's {@code handlers:}: module tasks with optional {@code listen} topics.
 * {@code import_tasks} inside handlers splices the file's tasks as handlers.
 */
final class HandlerReader {

    private final LoadSession session;
    private final Path file;

    HandlerReader(LoadSession session, Path file) {
        this.session = session;
        this.file = file;
    }

    List<Handler> read(YamlNode node) {
        List<Handler> handlers = new ArrayList<>();
        if (node == null) return handlers;
        Nodes.sequence(node, "'handlers'", session.diagnostics).ifPresent(seq -> {
            for (YamlNode item : seq.items()) handlers.addAll(readOne(item));
        });
        return handlers;
    }

    private List<Handler> readOne(YamlNode item) {
        YamlNode.Mapping m = Nodes.mapping(item, "a handler", session.diagnostics).orElse(null);
        if (m == null) return List.of();
        if (m.has("import_tasks")) return imported(item);
        for (String key : List.of("block", "include_tasks")) {
            if (m.has(key)) {
                YamlNode.Entry e = m.entry(key).orElseThrow();
                session.error("'" + key + "' is not supported in handlers yet", e.key().at(), key.length(),
                        "write the handler's module call directly, or use import_tasks");
                return List.of();
            }
        }
        Task task = new TaskReader(session, file).readTask(m, true);
        if (task == null) return List.of();
        YamlNode listen = m.get("listen");
        List<String> topics = listen == null ? List.of() : Nodes.strings(listen, "'listen'", session.diagnostics);
        return List.of(new Handler(task, topics));
    }

    private List<Handler> imported(YamlNode item) {
        List<Handler> out = new ArrayList<>();
        for (TaskNode node : new TaskReader(session, file).readEntry(item)) {
            if (node instanceof Task t) out.add(new Handler(t, List.of()));
            else if (node instanceof Block b) b.block().forEach(n -> { if (n instanceof Task t) out.add(new Handler(t, List.of())); });
        }
        return out;
    }
}
