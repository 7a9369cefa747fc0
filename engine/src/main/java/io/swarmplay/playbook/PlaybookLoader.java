package io.swarmplay.playbook;

import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Playbook} model from YAML with positions. Everything wrong in the playbook and
 * every file it imports is added to the {@link Diagnostics}; nothing is thrown for content
 * problems. The caller loads inventory and playbook, then calls
 * {@link Diagnostics#throwIfErrors()} once, so all problems are shown together before anything runs.
 *
 * <p>Static parts are resolved here: {@code import_playbook} (plays spliced in place),
 * {@code import_tasks} (see {@link TaskReader}); untemplated {@code vars_files} must exist and parse.
 * {@code include_tasks} stays in the model for the runner, which calls {@link #loadTasksFile}.
 */
public final class PlaybookLoader {

    private final ModuleRegistry modules;
    private final List<Path> rolesPath;
    private final io.swarmplay.source.Vault vault;
    private Gathering gathering = Gathering.IMPLICIT;

    /** A loader that looks for roles beside the playbook only (and in Ansible's default roles path). */
    public PlaybookLoader(ModuleRegistry modules) {
        this(modules, RoleSearch.rolesPath(null, System.getProperty("user.home")));
    }

    /** A loader that also looks for roles in {@code rolesPath} ({@code ANSIBLE_ROLES_PATH}). */
    public PlaybookLoader(ModuleRegistry modules, List<Path> rolesPath) {
        this(modules, rolesPath, io.swarmplay.source.Vault.none());
    }

    /** A loader that also decrypts vault-encrypted files and {@code !vault} values with {@code vault}. */
    public PlaybookLoader(ModuleRegistry modules, List<Path> rolesPath, io.swarmplay.source.Vault vault) {
        this.modules = modules;
        this.rolesPath = List.copyOf(rolesPath);
        this.vault = vault;
    }

    /** Loads {@code file} with {@code modules}; see the class comment for how problems are reported. */
    public static Playbook load(Path file, ModuleRegistry modules, Diagnostics diagnostics) {
        return new PlaybookLoader(modules).load(file, diagnostics);
    }

    private Map<String, Object> extraVars = Map.of();

    /** Plays without {@code gather_facts} gather as {@code gathering} says (Ansible's {@code gathering} setting). */
    public PlaybookLoader gathering(Gathering gathering) {
        this.gathering = gathering;
        return this;
    }

    /** The extra vars ({@code -e}): a static import's file name may use them. */
    public PlaybookLoader extraVars(Map<String, Object> extraVars) {
        this.extraVars = Map.copyOf(extraVars);
        return this;
    }

    /** Loads {@code file}; see the class comment for how problems are reported. */
    public Playbook load(Path file, Diagnostics diagnostics) {
        LoadSession session = new LoadSession(diagnostics, modules, rolesPath, vault);
        session.gathering = gathering;
        session.extraVars = extraVars;
        return new Playbook(file, plays(session, file, SourcePosition.UNKNOWN));
    }

    /**
     * Loads a tasks file for a dynamic {@code include_tasks} (already rendered path), validated like
     * the playbook. Problems go to {@code diagnostics}; the list holds what could be read.
     */
    public List<TaskNode> loadTasksFile(Path file, Diagnostics diagnostics) {
        LoadSession session = new LoadSession(diagnostics, modules, rolesPath, vault);
        return TaskReader.readTasksFile(session, file, SourcePosition.UNKNOWN);
    }

    /** Static form of {@link #loadTasksFile(Path, Diagnostics)}. */
    public static List<TaskNode> loadTasksFile(Path file, ModuleRegistry modules, Diagnostics diagnostics) {
        return new PlaybookLoader(modules).loadTasksFile(file, diagnostics);
    }

    /**
     * Loads a tasks file an {@code include_tasks} reached at run time; in a role ({@code roleDir}
     * not null) the files it names are also looked for in the role's {@code tasks/}, and roles it
     * names are looked for with {@code search}.
     */
    public static List<TaskNode> loadTasksFile(Path file, RoleSearch search, Path roleDir, ModuleDefaults defaults,
                                               ModuleRegistry modules, Diagnostics diagnostics) {
        return loadTasksFile(file, search, roleDir, defaults, Map.of(), modules, diagnostics);
    }

    /**
     * {@link #loadTasksFile(Path, RoleSearch, Path, ModuleDefaults, ModuleRegistry, Diagnostics)}, with
     * {@code importVars} (the play's vars, the include's params, the extra vars: no host's) for the file
     * names of its static imports.
     */
    public static List<TaskNode> loadTasksFile(Path file, RoleSearch search, Path roleDir, ModuleDefaults defaults,
                                               Map<String, Object> importVars, ModuleRegistry modules,
                                               Diagnostics diagnostics) {
        LoadSession session = new LoadSession(diagnostics, modules, List.of());
        session.roleSearch(search);
        session.startWith(defaults);
        session.extraVars = importVars;
        return TaskReader.readTasksFile(session, file, SourcePosition.UNKNOWN, roleDir);
    }

    /**
     * The role an {@code include_role} names (name and {@code *_from} files already rendered),
     * found with {@code search}; empty after adding the problems to {@code diagnostics}.
     */
    public static java.util.Optional<Role> loadRole(String name, Map<String, String> from, RoleSearch search,
                                                    ModuleDefaults defaults, ModuleRegistry modules, Diagnostics diagnostics) {
        LoadSession session = new LoadSession(diagnostics, modules, List.of());
        session.roleSearch(search);
        session.startWith(defaults);
        YamlNode.Scalar nameNode = new YamlNode.Scalar(name, name, false, SourcePosition.UNKNOWN, 1);
        return java.util.Optional.ofNullable(new RoleReader(session).find(name, nameNode, search, from));
    }

    private static List<Play> plays(LoadSession session, Path file, SourcePosition referencedAt) {
        List<Play> plays = new ArrayList<>();
        if (!session.enter(file, referencedAt)) return plays;
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        RoleSearch outer = session.roleSearch(RoleSearch.forPlaybook(dir, session.rolesPath));
        try {
            YamlNode root = session.read(file, referencedAt).orElse(null);
            if (root == null) return plays;
            if (root instanceof YamlNode.Scalar s && s.value() == null) {
                session.warn("playbook '" + file + "' has no plays", root.at(), 1, null);
                return plays;
            }
            if (root instanceof YamlNode.Mapping) {
                session.error("a playbook is a list of plays, found a mapping", root.at(), 1,
                        "start each play with `- hosts: ...`");
                return plays;
            }
            if (root instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
                // Ansible's Playbook._load_playbook_data refuses a list without plays
                session.error("A playbook must contain at least one play: " + file.toAbsolutePath().normalize(), root.at(), 1, null);
                return plays;
            }
            Nodes.sequence(root, "the plays", session.diagnostics)
                    .ifPresent(seq -> seq.items().forEach(item -> plays.addAll(entry(session, file, item))));
            return plays;
        } finally {
            session.roleSearch(outer);
            session.leave();
        }
    }

    private static List<Play> entry(LoadSession session, Path file, YamlNode item) {
        YamlNode.Mapping m = Nodes.mapping(item, "a play", session.diagnostics).orElse(null);
        if (m == null) return List.of();
        if (m.has("import_playbook")) return importPlaybook(session, file, m);
        if (!m.has("hosts") && looksLikeTask(session, m)) {
            session.error("this looks like a task, not a play", m.at(), 1,
                    "a playbook is a list of plays: put tasks under `- hosts: ...` / `tasks:`, or import this file with import_tasks");
            return List.of();
        }
        return List.of(new PlayReader(session, file).read(m));
    }

    private static boolean looksLikeTask(LoadSession session, YamlNode.Mapping m) {
        return m.entries().stream().anyMatch(e -> session.modules.contains(e.name()) || e.name().equals("block"));
    }

    private static List<Play> importPlaybook(LoadSession session, Path file, YamlNode.Mapping m) {
        YamlNode target = m.get("import_playbook");
        String name = Nodes.string(target, "'import_playbook'", session.diagnostics);
        for (YamlNode.Entry e : m.entries()) {
            if (!Set.of("import_playbook", "name", "vars", "tags").contains(e.name())) {
                session.error("'" + e.name() + "' is not supported on import_playbook", e.key().at(), e.name().length(),
                        "import_playbook takes only name, vars and tags");
            }
        }
        if (name == null) return List.of();
        Map<String, Object> vars = importVars(session, m);
        // Ansible renders the name with the import's vars, the extra vars and playbook_dir (get_vars() of no play)
        if (Templates.isTemplated(name)) {
            String written = name;
            name = session.withPlayVars(Map.of(), () -> session.renderImportNameOrReport(written, null, vars, target,
                    "define it in the import's vars or with -e"));
            if (name == null) return List.of();
        }
        Path path = (file.getParent() == null ? Path.of("") : file.getParent()).resolve(name);
        if (!session.exists(path, "playbook", target.at(), Nodes.width(target))) return List.of();
        // its plays load with the import's vars as their vars (Playbook._load_playbook_data(vars=...))
        return withImportOptions(session, session.withImportedPlaybookVars(vars, () -> plays(session, path, target.at())), vars, m);
    }

    private static Map<String, Object> importVars(LoadSession session, YamlNode.Mapping m) {
        return m.has("vars")
                ? Nodes.mapping(m.get("vars"), "'vars'", session.diagnostics).map(YamlNode.Mapping::value).orElse(Map.of())
                : Map.of();
    }

    /** The import's {@code vars} (over each play's own) and {@code tags} apply to every imported play. */
    private static List<Play> withImportOptions(LoadSession session, List<Play> plays, Map<String, Object> vars,
                                                YamlNode.Mapping m) {
        Set<String> tags = m.has("tags") ? TaskOptionsReader.tags(m.get("tags"), session) : Set.of();
        if (vars.isEmpty() && tags.isEmpty()) return plays;
        List<Play> out = new ArrayList<>();
        for (Play p : plays) {
            Map<String, Object> v = new LinkedHashMap<>(p.vars());
            v.putAll(vars);
            Set<String> t = new LinkedHashSet<>(p.tags());
            t.addAll(tags);
            out.add(new Play(p.name(), p.hosts(), v, p.varsFiles(), p.preTasks(), p.tasks(), p.postTasks(), p.handlers(),
                    p.gatherFacts(), p.anyErrorsFatal(), p.serial(), p.maxFailPercentage(), p.environment(), t, p.connection(), p.become(),
                    p.taskFlags(), p.becomeUser(), p.at(), p.dir(), p.roleSearch(), p.forceHandlers(), p.hostOptions(), p.varsPrompt()));
        }
        return out;
    }

}
