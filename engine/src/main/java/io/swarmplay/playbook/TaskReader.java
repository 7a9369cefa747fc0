package io.swarmplay.playbook;

import io.swarmplay.module.Module;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a task list of one file: module calls, blocks, {@code include_tasks} (kept as
 * {@link IncludeTasks}) and {@code import_tasks} (spliced in place; when the import carries
 * options, its tasks are wrapped in a {@link Block} with those options).
 */
final class TaskReader {

    /** The arguments of {@code include_tasks} given as a mapping. */
    private static final Set<String> INCLUDE_ARGS = Set.of("file", "apply", "_raw_params");

    /** The deprecated {@code include}, by the names it answers to. */
    static final List<String> LEGACY_INCLUDE = List.of("include", "ansible.builtin.include", "ansible.legacy.include");

    private final LoadSession session;
    private final Path dir;
    /** The role whose tasks these are, or null: its {@code tasks/} is searched after the file's directory. */
    private final Path roleDir;

    TaskReader(LoadSession session, Path file) {
        this(session, file, null);
    }

    TaskReader(LoadSession session, Path file, Path roleDir) {
        this.session = session;
        Path parent = file.getParent();
        this.dir = parent == null ? Path.of("") : parent;
        this.roleDir = roleDir;
    }

    /** Every entry of a task list node ({@code tasks:}, {@code block:}, a tasks file's root). */
    List<TaskNode> readList(YamlNode node, String what) {
        return readList(Nodes.sequence(node, what, session.diagnostics));
    }

    /** A play's or block's section: not a list is Ansible's {@link MalformedSection} error. */
    List<TaskNode> readSection(YamlNode node, String key) {
        return readList(Nodes.sequenceOr(node, MalformedSection.message(key, node), session.diagnostics));
    }

    private List<TaskNode> readList(Optional<YamlNode.Sequence> list) {
        List<TaskNode> out = new ArrayList<>();
        list.ifPresent(seq -> {
            for (YamlNode item : seq.items()) out.addAll(readEntry(item));
        });
        return out;
    }

    /** One entry; an import gives several. */
    List<TaskNode> readEntry(YamlNode node) {
        YamlNode.Mapping task = Nodes.mapping(node, "a task", session.diagnostics).orElse(null);
        if (task == null) return List.of();
        return session.withModuleDefaults(task.get("module_defaults"), () -> readMapping(task));
    }

    private List<TaskNode> readMapping(YamlNode.Mapping task) {
        if (task.has("block")) return List.of(readBlock(task));
        if (task.has("import_tasks")) return readImport(task);
        if (task.has("include_tasks")) return List.of(readInclude(task));
        String legacy = LEGACY_INCLUDE.stream().filter(task::has).findFirst().orElse(null);
        if (legacy != null) return readLegacyInclude(task, legacy);
        String roleKeyword = RoleTaskReader.keyword(task);
        if (roleKeyword != null) return readRoleTask(task, roleKeyword);
        reportOrphans(task);
        return Optional.ofNullable(readTask(task, false)).<List<TaskNode>>map(List::of).orElse(List.of());
    }

    /** A module call; {@code handler} allows {@code listen}. Null when the task has no usable module. */
    Task readTask(YamlNode.Mapping task, boolean handler) {
        ModuleCall call = new ModuleCalls(session, task).find();
        checkKeys(task, handler ? "handler" : "task", handler);
        TaskOptionsReader options = new TaskOptionsReader(session);
        if (call == null) {
            options.read(task);
            return null;
        }
        if (call.local()) options.delegateToLocalhost();
        TaskOptions opts = options.read(task);
        ModuleArgs args = new ModuleArgs(session, call.name(), call.module());
        ModuleArgs.Parsed parsed = args.read(call.value(), task.get("args"));
        args.addDefaults(parsed, session.moduleDefaults().forModule(call.module()));
        // a task that ignores its errors may expect unknown arguments to fail it: Ansible's failure, when it runs
        if (!Boolean.TRUE.equals(opts.ignoreErrors().value())) args.validate(parsed);
        String name = nameOf(task, call.name());
        return new Task(name, call.name(), parsed.args(), opts, task.at(), parsed.at());
    }

    private String nameOf(YamlNode.Mapping task, String fallback) {
        YamlNode n = task.get("name");
        String name = n == null ? null : Nodes.string(n, "'name'", session.diagnostics);
        return name == null || name.isBlank() ? fallback : name;
    }

    private Block readBlock(YamlNode.Mapping task) {
        checkKeys(task, "block", false);
        for (YamlNode.Entry e : task.entries()) {
            if (Keywords.TASK_ONLY.contains(e.name()) && !e.name().equals("notify")) {
                session.error("'" + e.name() + "' is not allowed on a block", e.key().at(), e.name().length(),
                        "move it to the tasks inside the block");
            }
        }
        TaskOptions opts = new TaskOptionsReader(session).read(task);
        // the block's vars are known to the static imports inside it (Ansible's get_vars(play, task))
        return session.withLoadVars(opts.vars(), () -> new Block(nameOf(task, "block"), readSection(task.get("block"), "block"),
                optionalList(task, "rescue"), optionalList(task, "always"), opts, task.at()));
    }

    private List<TaskNode> optionalList(YamlNode.Mapping task, String key) {
        YamlNode n = task.get(key);
        return n == null ? List.of() : readSection(n, key);
    }

    private IncludeTasks readInclude(YamlNode.Mapping task) {
        checkKeys(task, "include_tasks", false);
        YamlNode fileNode = task.get("include_tasks");
        String file = fileName(fileNode, "include_tasks");
        // a missing file is not a load error: the include fails on the hosts that run it (Ansible's),
        // and one whose `when` is false never looks
        Path base = file != null && !Templates.isTemplated(file) ? baseFor(file) : dir;
        TaskOptions opts = new TaskOptionsReader(session).read(task);
        return new IncludeTasks(nameOf(task, "include_tasks"), file == null ? "" : file, base, opts, apply(fileNode),
                task.at(), session.moduleDefaults());
    }

    /** {@code include_tasks: {file: F, apply: {KEYWORDS}}}: the keywords its tasks get, as from a block. */
    private TaskOptions apply(YamlNode args) {
        if (!(args instanceof YamlNode.Mapping m)) return TaskOptions.NONE;
        for (YamlNode.Entry e : m.entries()) {
            if (!INCLUDE_ARGS.contains(e.name())) {
                session.error("invalid option '" + e.name() + "' for include_tasks", e.key().at(), e.name().length(),
                        TaskOptionsReader.hintOr(Suggest.hint(e.name(), INCLUDE_ARGS),
                                "include_tasks takes: file, apply"));
            }
        }
        YamlNode applyNode = m.get("apply");
        if (applyNode == null) return TaskOptions.NONE;
        return Nodes.mapping(applyNode, "'apply'", session.diagnostics)
                .map(a -> new TaskOptionsReader(session).read(a)).orElse(TaskOptions.NONE);
    }

    /**
     * The directory a tasks file named in this file is relative to: this file's, or in a role,
     * the role's {@code tasks/}, then the playbook's directory, where the file is there and not
     * here (Ansible's search of a role's paths, then the play's).
     */
    private Path baseFor(String file) {
        if (roleDir == null || Files.exists(dir.resolve(file))) return dir;
        for (Path candidate : List.of(roleDir.resolve("tasks"), session.roleSearch().playbookDir())) {
            if (Files.exists(candidate.resolve(file))) return candidate;
        }
        return dir;
    }

    /**
     * The deprecated {@code include: FILE a=1}: as Ansible 2.14, static (an import) unless its file
     * name is templated, it loops or a parent is dynamic (it is read for an include_tasks or
     * include_role), then dynamic (an include_tasks); its {@code key=value} words, other arguments
     * and {@code args:} are vars of the included tasks. Its {@code vars:} are include params,
     * above set_fact (Ansible's {@code get_include_params}): such an include is read as dynamic,
     * where include params live.
     */
    private List<TaskNode> readLegacyInclude(YamlNode.Mapping task, String keyword) {
        checkKeys(task, "include", false);
        YamlNode.Entry entry = task.entry(keyword).orElseThrow();
        session.warn("'" + keyword + "' is deprecated", entry.key().at(), keyword.length(),
                "use import_tasks (static) or include_tasks (dynamic)");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        // `args:` are arguments too, under the include's own (Ansible's ModuleArgsParser)
        if (task.get("args") instanceof YamlNode.Mapping args) {
            args.entries().stream().filter(e -> !e.name().equals("file") && !e.name().equals("_raw_params"))
                    .forEach(e -> params.put(e.name(), e.value().value()));
        }
        String file = legacyArgs(entry.value(), params);
        TaskOptions opts = new TaskOptionsReader(session).read(task);
        if (file == null) return List.of();
        Map<String, Object> vars = new java.util.LinkedHashMap<>(opts.vars());
        vars.putAll(params);
        opts = opts.withVars(vars);
        if (Templates.isTemplated(file) || opts.loop() != null || task.has("vars") || session.dynamic()) {
            return List.of(new IncludeTasks(nameOf(task, "include"), file, dir, opts, TaskOptions.NONE, task.at(),
                    session.moduleDefaults()));
        }
        List<TaskNode> tasks = importFile(file, entry.value(), vars);
        if (opts.equals(TaskOptions.NONE)) return tasks;
        return List.of(new Block(nameOf(task, "include: " + file), tasks, List.of(), List.of(), opts, task.at()));
    }

    // the file of `include: FILE k=v ...` or `include: {file: FILE, k: v}`; the other arguments go to params
    private String legacyArgs(YamlNode value, Map<String, Object> params) {
        if (value instanceof YamlNode.Mapping m) {
            m.entries().stream().filter(e -> !e.name().equals("file") && !e.name().equals("_raw_params"))
                    .forEach(e -> params.put(e.name(), e.value().value()));
            YamlNode f = m.has("file") ? m.get("file") : m.get("_raw_params");
            if (f != null) return Nodes.string(f, "'file'", session.diagnostics);
        } else if (value instanceof YamlNode.Scalar s && s.value() != null) {
            String file = null;
            for (KeyValueParser.Token t : KeyValueParser.tokens(s.string())) {
                if (t.isKeyValue()) params.put(t.key(), t.value());
                else if (file == null) file = t.text();
            }
            if (file != null) return file;
        }
        session.error("'include' needs a file name", value.at(), 1, "write `include: other.yml`");
        return null;
    }

    private List<TaskNode> readRoleTask(YamlNode.Mapping task, String keyword) {
        boolean include = RoleTaskReader.INCLUDE.contains(keyword);
        checkKeys(task, include ? "include_role" : "import_role", false);
        RoleTaskReader roles = new RoleTaskReader(session, roleDir);
        if (!include) return roles.importRole(task, keyword);
        YamlNode n = task.get("name");
        String name = n == null ? null : Nodes.string(n, "'name'", session.diagnostics);
        IncludeRole node = roles.includeRole(task, keyword, name == null || name.isBlank() ? null : name);
        return node == null ? List.of() : List.of(node);
    }

    private List<TaskNode> readImport(YamlNode.Mapping task) {
        checkKeys(task, "import_tasks", false);
        YamlNode fileNode = task.get("import_tasks");
        String file = fileName(fileNode, "import_tasks");
        for (String loopKey : List.of("loop", "with_items", "with_list", "with_dict")) {
            task.entry(loopKey).ifPresent(e -> session.error("import_tasks cannot loop", e.key().at(), loopKey.length(),
                    "use include_tasks to repeat a tasks file"));
        }
        TaskOptions opts = new TaskOptionsReader(session).read(task);
        List<TaskNode> tasks = file == null ? List.of() : importFile(file, fileNode, opts.vars());
        if (opts.equals(TaskOptions.NONE)) return tasks;
        return List.of(new Block(nameOf(task, "import_tasks: " + file), tasks, List.of(), List.of(), opts, task.at()));
    }

    private List<TaskNode> importFile(String written, YamlNode fileNode, Map<String, Object> ownVars) {
        String file = written;
        if (Templates.isTemplated(written)) {
            // Ansible renders it when it loads the playbook, with the variables known then (no host's)
            try {
                file = session.renderImportName(written, roleDir, ownVars, fileNode.at());
            } catch (io.swarmplay.template.TemplateException e) {
                session.error("Error when evaluating variable in import path: " + written + ".\n\n"
                        + "When using static imports, ensure that any variables used in their names are defined in vars/vars_files\n"
                        + "or extra-vars passed in from the command line. Static imports cannot use variables from facts or inventory\n"
                        + "sources like group or host vars.", fileNode.at(), Nodes.width(fileNode),
                        "use include_tasks for a file name that uses such variables");
                return List.of();
            }
        }
        Path path = baseFor(file).resolve(file);
        if (!session.exists(path, "tasks file", fileNode.at(), Nodes.width(fileNode))) return List.of();
        return readTasksFile(session, path, fileNode.at(), roleDir);
    }

    /** A tasks file: a list of tasks (empty file: none). */
    static List<TaskNode> readTasksFile(LoadSession session, Path path, SourcePosition referencedAt) {
        return readTasksFile(session, path, referencedAt, null);
    }

    /** A tasks file of the role in {@code roleDir} (null: of no role). */
    static List<TaskNode> readTasksFile(LoadSession session, Path path, SourcePosition referencedAt, Path roleDir) {
        if (!session.enter(path, referencedAt)) return List.of();
        try {
            YamlNode root = session.read(path, referencedAt).orElse(null);
            if (root == null) return List.of();
            return new TaskReader(session, path, roleDir).readList(root, "the tasks in '" + path + "'");
        } finally {
            session.leave();
        }
    }

    /** {@code include_tasks: f.yml}, {@code include_tasks: file=f.yml} (k=v, as Ansible parses it) or {@code include_tasks: {file: f.yml}}. */
    private String fileName(YamlNode node, String keyword) {
        if (node instanceof YamlNode.Mapping m && m.has("file")) return Nodes.string(m.get("file"), "'file'", session.diagnostics);
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            for (KeyValueParser.Token t : KeyValueParser.tokens(s.string())) {
                if (t.isKeyValue() && t.key().equals("file")) return t.value();
            }
            return s.string();
        }
        session.error("'" + keyword + "' needs a file name", node.at(), 1, "write `" + keyword + ": other.yml`");
        return null;
    }

    /** Unknown option keys on blocks and includes, and {@code listen} outside handlers. */
    private void checkKeys(YamlNode.Mapping task, String kind, boolean handler) {
        for (YamlNode.Entry e : task.entries()) {
            if (e.name().equals("listen") && !handler) {
                session.error("'listen' is only valid on handlers", e.key().at(), e.name().length(),
                        "move this task under the play's 'handlers:'");
            } else if (kind.startsWith("include_") && isKnownFor("task", e.name()) && !Keywords.INCLUDE.contains(e.name())
                    && !Keywords.isLookupLoop(e.name())) {
                session.error("'" + e.name() + "' is not a valid keyword for " + kind, e.key().at(), e.name().length(),
                        kind + " passes only its vars to the included tasks: put '" + e.name()
                                + "' on those tasks, or use " + kind.replace("include_", "import_") + ", whose tasks inherit it");
            } else if (!kind.equals("task") && !kind.equals("handler") && !isKnownFor(kind, e.name())) {
                session.error(kind.equals("block") ? "'" + e.name() + "' is not a valid attribute for a Block"
                                : "unknown " + kind + " keyword '" + e.name() + "'", e.key().at(), e.name().length(),
                        TaskOptionsReader.hintOr(Suggest.hint(e.name(), Keywords.allTaskKeywords()),
                                "a " + kind + " takes task keywords such as when, tags and vars"));
            }
        }
    }

    private static boolean isKnownFor(String kind, String key) {
        if (Keywords.COMMON.contains(key) || Keywords.TASK_ONLY.contains(key)) return true;
        if (Keywords.isLookupLoop(key)) return !kind.equals("block");
        if (kind.equals("task")) return false;
        return switch (kind) {
            case "block" -> Keywords.BLOCK.contains(key);
            default -> key.equals(kind) || LEGACY_INCLUDE.contains(key) && kind.equals("include")
                    || RoleTaskReader.IMPORT.contains(key) && kind.equals("import_role")
                    || RoleTaskReader.INCLUDE.contains(key) && kind.equals("include_role");
        };
    }

    /** {@code rescue}/{@code always} without a {@code block}. */
    private void reportOrphans(YamlNode.Mapping task) {
        for (String key : List.of("rescue", "always")) {
            task.entry(key).ifPresent(e -> session.error("'" + key + "' needs a 'block' in the same task", e.key().at(),
                    key.length(), "put the tasks to try under `block:`"));
        }
    }

    /** The module key of a task: name as written, the module (null for an unregistered meta), its value. */
    record ModuleCall(String name, Module<?> module, YamlNode value, boolean local) {
    }
}
