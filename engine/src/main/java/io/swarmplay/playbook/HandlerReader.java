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
    /** The role whose handlers these are, or null. */
    private final Path roleDir;

    HandlerReader(LoadSession session, Path file) {
        this(session, file, null);
    }

    HandlerReader(LoadSession session, Path file, Path roleDir) {
        this.session = session;
        this.file = file;
        this.roleDir = roleDir;
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
        if (TaskReader.LEGACY_INCLUDE.stream().anyMatch(m::has)) return legacyInclude(m);
        if (m.has("block")) {
            YamlNode.Entry e = m.entry("block").orElseThrow();
            session.error("'block' is not supported in handlers yet", e.key().at(), "block".length(),
                    "write the handler's module call directly, or use import_tasks or include_tasks");
            return List.of();
        }
        YamlNode listen = m.get("listen");
        List<String> topics = listen == null ? List.of() : Nodes.strings(listen, "'listen'", session.diagnostics);
        if (m.has("include_tasks")) return included(m, topics);
        Task task = new TaskReader(session, file, roleDir).readTask(m, true);
        if (task == null) return List.of();
        return List.of(new Handler(task, topics));
    }

    // an include_tasks handler: read as a task (without its listen), run as an include when notified
    private List<Handler> included(YamlNode.Mapping m, List<String> topics) {
        List<YamlNode.Entry> rest = m.entries().stream().filter(e -> !e.name().equals("listen")).toList();
        List<TaskNode> nodes = new TaskReader(session, file, roleDir).readEntry(new YamlNode.Mapping(rest, m.at()));
        if (nodes.isEmpty() || !(nodes.get(0) instanceof IncludeTasks include)) return List.of();
        return List.of(includeHandler(include, topics));
    }

    private static Handler includeHandler(IncludeTasks include, List<String> topics) {
        Task standIn = new Task(include.name(), "include_tasks", java.util.Map.of(), include.options(), include.at(),
                java.util.Map.of());
        return new Handler(standIn, topics, List.of(), include);
    }

    // the deprecated include: static (its tasks are handlers) or dynamic (an include_tasks handler)
    private List<Handler> legacyInclude(YamlNode.Mapping m) {
        List<TaskNode> nodes = new TaskReader(session, file, roleDir).readEntry(m);
        if (nodes.size() == 1 && nodes.get(0) instanceof IncludeTasks include) return List.of(includeHandler(include, List.of()));
        return handlers(nodes);
    }

    private List<Handler> imported(YamlNode item) {
        return handlers(new TaskReader(session, file, roleDir).readEntry(item));
    }

    // an imported file's tasks (a block's when the import had keywords) as handlers
    private static List<Handler> handlers(List<TaskNode> nodes) {
        List<Handler> out = new ArrayList<>();
        for (TaskNode node : nodes) {
            if (node instanceof Task t) out.add(new Handler(t, List.of()));
            else if (node instanceof Block b) b.block().forEach(n -> { if (n instanceof Task t) out.add(new Handler(t, List.of())); });
        }
        return out;
    }
}
