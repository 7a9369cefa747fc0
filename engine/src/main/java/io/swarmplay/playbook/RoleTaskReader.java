package io.swarmplay.playbook;

import io.swarmplay.source.Nodes;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tasks that name a role: {@code import_role} (the role is loaded now and its tasks
 * take the task's keywords, as a block's) and {@code include_role} (kept as an
 * {@link IncludeRole} for the runner). Their arguments are a mapping or {@code key=value} text.
 */
final class RoleTaskReader {

    static final Set<String> IMPORT = Set.of("import_role", "ansible.builtin.import_role", "ansible.legacy.import_role");
    static final Set<String> INCLUDE = Set.of("include_role", "ansible.builtin.include_role", "ansible.legacy.include_role");

    private static final List<String> FROM = List.of("tasks", "vars", "defaults", "handlers");
    private static final Set<String> IMPORT_ARGS = Set.of("name", "role", "tasks_from", "vars_from", "defaults_from",
            "handlers_from", "allow_duplicates", "rolespec_validate");
    private static final Set<String> INCLUDE_ARGS = Set.of("name", "role", "tasks_from", "vars_from", "defaults_from",
            "handlers_from", "allow_duplicates", "rolespec_validate", "public", "apply");

    private final LoadSession session;
    /** The role whose tasks are read (its role_path for an import's names); null: none. */
    private final java.nio.file.Path roleDir;

    RoleTaskReader(LoadSession session, java.nio.file.Path roleDir) {
        this.session = session;
        this.roleDir = roleDir;
    }

    /** The keyword naming a role in {@code task} ({@code import_role}, {@code ansible.builtin.include_role}...), or null. */
    static String keyword(YamlNode.Mapping task) {
        for (YamlNode.Entry e : task.entries()) {
            if (IMPORT.contains(e.name()) || INCLUDE.contains(e.name())) return e.name();
        }
        return null;
    }

    /** {@code import_role}: the role's use, or nothing after reporting. */
    List<TaskNode> importRole(YamlNode.Mapping task, String keyword) {
        for (String loopKey : List.of("loop", "with_items", "with_list", "with_dict")) {
            task.entry(loopKey).ifPresent(e -> session.error("import_role cannot loop", e.key().at(), loopKey.length(),
                    "use include_role to run a role once per item"));
        }
        Args args = args(task.get(keyword), keyword, IMPORT_ARGS);
        TaskOptions options = new TaskOptionsReader(session).read(task);
        if (args == null) return List.of();
        String name = rendered(args.name(), args.nameNode(), options);
        Map<String, String> from = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : args.from().entrySet()) {
            String file = rendered(e.getValue(), args.nodes().get(e.getKey() + "_from"), options);
            if (file == null) return List.of();
            from.put(e.getKey(), file);
        }
        if (name == null) return List.of();
        Role role = new RoleReader(session).find(name, args.nameNode(), session.roleSearch(), from);
        if (role == null) return List.of();
        return List.of(new RoleCall(role, Map.of(), options, RoleCall.Kind.IMPORT, args.flag("allow_duplicates", true),
                task.at()));
    }

    // Ansible renders an import_role's name and *_from files when it loads the playbook (get_vars(play, task))
    private String rendered(String written, YamlNode node, TaskOptions options) {
        if (!Templates.isTemplated(written)) return written;
        return session.renderImportNameOrReport(written, roleDir, options.vars(), node,
                "define it in vars, vars_files or with -e, or use include_role");
    }

    /** {@code include_role}: kept for the runner; null after reporting. */
    IncludeRole includeRole(YamlNode.Mapping task, String keyword, String taskName) {
        Args args = args(task.get(keyword), keyword, INCLUDE_ARGS);
        TaskOptions options = new TaskOptionsReader(session).read(task);
        if (args == null) return null;
        YamlNode applyNode = args.nodes().get("apply");
        TaskOptions apply = applyNode == null ? TaskOptions.NONE
                : Nodes.mapping(applyNode, "'apply'", session.diagnostics)
                .map(m -> new TaskOptionsReader(session).read(m)).orElse(TaskOptions.NONE);
        // a role named without variables loads now, though it runs only when reached; a missing one
        // fails the hosts that reach the include (Ansible's), and one whose `when` is false never looks
        if (!Templates.isTemplated(args.name()) && args.from().values().stream().noneMatch(Templates::isTemplated)
                && session.roleSearch().find(args.name()).isPresent()) {
            new RoleReader(session).preload(args.name(), args.nameNode(), session.roleSearch(), args.from());
        }
        String name = taskName != null ? taskName : "include_role : " + args.name();
        return new IncludeRole(name, args.name(), args.from(), apply, args.flag("public", false),
                args.flag("allow_duplicates", true), session.roleSearch(), options, task.at(), session.moduleDefaults());
    }

    /** The arguments of an import_role/include_role, by name. */
    private record Args(String name, YamlNode nameNode, Map<String, String> from, Map<String, YamlNode> nodes,
                        LoadSession session) {

        boolean flag(String key, boolean absent) {
            YamlNode n = nodes.get(key);
            Boolean b = n == null ? null : Nodes.bool(n, "'" + key + "'", session.diagnostics);
            return b == null ? absent : b;
        }
    }

    private Args args(YamlNode value, String keyword, Set<String> valid) {
        Map<String, YamlNode> nodes = argNodes(value, keyword);
        if (nodes == null) return null;
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : nodes.entrySet()) {
            if (!valid.contains(e.getKey())) {
                boolean mapping = value instanceof YamlNode.Mapping;
                YamlNode at = mapping ? ((YamlNode.Mapping) value).entry(e.getKey()).orElseThrow().key() : e.getValue();
                session.error("unknown option '" + e.getKey() + "' for " + keyword, at.at(), mapping ? e.getKey().length() : 1,
                        TaskOptionsReader.hintOr(Suggest.hint(e.getKey(), valid), "valid options: " + String.join(", ", valid.stream().sorted().toList())));
                ok = false;
            }
        }
        YamlNode nameNode = nodes.containsKey("name") ? nodes.get("name") : nodes.get("role");
        if (nameNode == null) {
            session.error(keyword + " needs the role's 'name'", value.at(), 1, "write `" + keyword + ": {name: ROLE}`");
            return null;
        }
        String name = Nodes.string(nameNode, "'name'", session.diagnostics);
        Map<String, String> from = new LinkedHashMap<>();
        for (String kind : FROM) {
            YamlNode n = nodes.get(kind + "_from");
            if (n != null) {
                String file = Nodes.string(n, "'" + kind + "_from'", session.diagnostics);
                if (file != null) from.put(kind, file);
            }
        }
        return ok && name != null ? new Args(name, nameNode, from, nodes, session) : null;
    }

    /** The arguments as nodes: a mapping's entries, or the {@code key=value} words of a string. */
    private Map<String, YamlNode> argNodes(YamlNode value, String keyword) {
        Map<String, YamlNode> nodes = new LinkedHashMap<>();
        if (value instanceof YamlNode.Mapping m) {
            m.entries().forEach(e -> nodes.put(e.name(), e.value()));
            return nodes;
        }
        if (value instanceof YamlNode.Scalar s && s.value() != null) {
            for (KeyValueParser.Token t : KeyValueParser.tokens(s.string())) {
                if (!t.isKeyValue()) {
                    session.error(keyword + " takes key=value words, found '" + t.text() + "'", s.at(), Nodes.width(s),
                            "write `" + keyword + ": name=ROLE`");
                    return null;
                }
                nodes.put(t.key(), new YamlNode.Scalar(t.value(), t.value(), false, s.at(), Nodes.width(s)));
            }
            return nodes;
        }
        session.error(keyword + " needs the role's name", value.at(), 1, "write `" + keyword + ": {name: ROLE}`");
        return null;
    }
}
