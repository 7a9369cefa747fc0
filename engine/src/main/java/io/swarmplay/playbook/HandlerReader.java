package io.swarmplay.playbook;

import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a play's {@code handlers:}: module tasks with optional {@code listen} topics.
 * {@code import_tasks} inside handlers splices the file's tasks as handlers; the tasks of a
 * {@code block} are handlers with the block's keywords.
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

    /** A role's handlers file. */
    List<Handler> read(YamlNode node) {
        return node == null ? new ArrayList<>() : read(Nodes.sequence(node, "'handlers'", session.diagnostics));
    }

    /** A play's {@code handlers:}; not a list is Ansible's {@link MalformedSection} error. */
    List<Handler> readSection(YamlNode node) {
        return node == null ? new ArrayList<>()
                : read(Nodes.sequenceOr(node, MalformedSection.message("handlers", node), session.diagnostics));
    }

    private List<Handler> read(Optional<YamlNode.Sequence> list) {
        List<Handler> handlers = new ArrayList<>();
        list.ifPresent(seq -> {
            int group = 0;
            boolean afterBlock = false;
            for (YamlNode item : seq.items()) {
                boolean block = item instanceof YamlNode.Mapping m && m.has("block");
                if (block || afterBlock) group++;
                for (Handler h : readOne(item)) handlers.add(h.inGroup(group));
                afterBlock = block;
            }
        });
        return handlers;
    }

    private List<Handler> readOne(YamlNode item) {
        YamlNode.Mapping m = Nodes.mapping(item, "a handler", session.diagnostics).orElse(null);
        if (m == null) return List.of();
        if (m.has("import_tasks")) return imported(item);
        if (TaskReader.LEGACY_INCLUDE.stream().anyMatch(m::has)) return legacyInclude(m);
        String roleKeyword = RoleTaskReader.keyword(m);
        if (roleKeyword != null) {
            session.error("Using '" + roleKeyword + "' as a handler is not supported.", m.at(), 1,
                    "notify a handler that is a module call, or include a tasks file with include_tasks");
            return List.of();
        }
        if (m.has("block")) return handlers(new TaskReader(session, file, roleDir).readEntry(item), List.of());
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
        return spliced(nodes, m.at());
    }

    private List<Handler> imported(YamlNode item) {
        return spliced(new TaskReader(session, file, roleDir).readEntry(item), item.at());
    }

    // an import's tasks are handlers; an import with keywords gives one block at the import's own position
    private List<Handler> spliced(List<TaskNode> nodes, io.swarmplay.source.SourcePosition importAt) {
        if (nodes.size() == 1 && nodes.get(0) instanceof Block wrapper && wrapper.at().equals(importAt)) {
            return handlers(wrapper.block(), List.of(wrapper.options()));
        }
        return handlers(nodes, List.of());
    }

    /**
     * Entries of a handlers list as handlers, under the keywords of {@code enclosing} blocks: a
     * block's tasks are handlers that inherit its keywords (Ansible reads each handler entry as a
     * block); a block inside that block is Ansible's parse error.
     */
    private List<Handler> handlers(List<TaskNode> nodes, List<TaskOptions> enclosing) {
        List<Handler> out = new ArrayList<>();
        for (TaskNode node : nodes) {
            if (node instanceof Task t) out.add(new Handler(t, List.of()).under(enclosing));
            else if (node instanceof IncludeTasks include) out.add(includeHandler(include, List.of()).under(enclosing));
            else if (node instanceof Block b) out.addAll(blockHandlers(b, enclosing));
        }
        return out;
    }

    private List<Handler> blockHandlers(Block block, List<TaskOptions> enclosing) {
        List<TaskOptions> inner = new ArrayList<>(enclosing);
        inner.add(block.options());
        List<Handler> out = new ArrayList<>();
        for (TaskNode node : block.block()) {
            if (node instanceof Block nested) {
                session.error(Handler.NESTED_BLOCK, nested.at(), 1, "list the handler's tasks directly under the block, "
                        + "or put them in a tasks file the handler includes");
            } else {
                out.addAll(handlers(List.of(node), inner));
            }
        }
        return out;
    }
}
