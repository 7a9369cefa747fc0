package io.swarmplay.playbook;

import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads roles: a {@code roles:} entry or {@code meta/main.yml} dependency into a {@link RoleCall},
 * and a role's directory into a {@link Role} (once per directory and set of {@code *_from}
 * files). A role file is {@code main.yml}, {@code main.yaml}, {@code main.json} or {@code main}
 * in its directory, as Ansible looks for it.
 */
final class RoleReader {

    /** Keys of a role entry that are keywords; any other key is a role param (Ansible's RoleDefinition attributes). */
    static final Set<String> ENTRY_KEYWORDS = Set.of("name", "role", "vars", "when", "tags", "become", "become_user",
            "become_method", "become_flags", "become_exe", "check_mode", "diff", "environment", "ignore_errors",
            "ignore_unreachable", "no_log", "run_once", "any_errors_fatal", "connection", "remote_user", "port",
            "timeout", "throttle", "debugger", "module_defaults", "collections", "delegate_to", "delegate_facts");

    private static final Set<String> META_KEYS = Set.of("dependencies", "allow_duplicates", "galaxy_info",
            "collections", "argument_specs");
    private static final List<String> DEFAULT_EXTENSIONS = List.of(".yml", ".yaml", ".json", "");
    private static final List<String> GIVEN_EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private final LoadSession session;

    RoleReader(LoadSession session) {
        this.session = session;
    }

    /** A {@code roles:} entry or a dependency: a name, or a mapping with {@code role:} (or {@code name:}). Null after reporting. */
    RoleCall entry(YamlNode node, RoleSearch search, RoleCall.Kind kind) {
        if (node instanceof YamlNode.Scalar s) {
            String name = Nodes.string(s, "a role", session.diagnostics);
            if (name == null) return null;
            if (name.contains(",")) {
                // Ansible's words (role/include.py): "name,version" was the pre-1.x requirement syntax
                session.generalError("Invalid old style role requirement: " + name, s.at(), Nodes.width(s),
                        "write the role's name alone, or `- role: NAME` with its parameters");
                return null;
            }
            Role role = find(name, s, search, Map.of());
            return role == null ? null : new RoleCall(role, Map.of(), TaskOptions.NONE, kind, role.allowDuplicates(), s.at());
        }
        YamlNode.Mapping m = Nodes.mapping(node, "a role", session.diagnostics).orElse(null);
        if (m == null) return null;
        YamlNode nameNode = m.has("role") ? m.get("role") : m.get("name");
        if (nameNode == null) {
            session.error("a role entry needs 'role' (or 'name')", m.at(), 1, "write `- role: NAME`, or just `- NAME`");
            return null;
        }
        String name = Nodes.string(nameNode, "'role'", session.diagnostics);
        Map<String, Object> params = new LinkedHashMap<>();
        List<YamlNode.Entry> keywords = new ArrayList<>();
        for (YamlNode.Entry e : m.entries()) {
            if (ENTRY_KEYWORDS.contains(e.name())) keywords.add(e);
            else params.put(e.name(), e.value().value());
        }
        TaskOptions options = new TaskOptionsReader(session).read(new YamlNode.Mapping(keywords, m.at()));
        Role role = name == null ? null : find(name, nameNode, search, Map.of());
        return role == null ? null : new RoleCall(role, params, options, kind, role.allowDuplicates(), m.at());
    }

    /**
     * An include_role's role, loaded now so that a missing role or file is reported before the run;
     * a role including itself (recursion a {@code when} ends at run time) is left to the run.
     */
    void preload(String name, YamlNode nameNode, RoleSearch search, Map<String, String> from) {
        Optional<Path> dir = search.find(name);
        if (dir.isPresent() && session.loadingRole(dir.get(), from)) return;
        find(name, nameNode, search, from);
    }

    /** The role named {@code name} found by {@code search} and loaded; null after reporting where it was looked for. */
    Role find(String name, YamlNode nameNode, RoleSearch search, Map<String, String> from) {
        if (Templates.isTemplated(name)) {
            session.error("roles are found before the run, so a role's name cannot use variables here", nameNode.at(),
                    Nodes.width(nameNode), "use include_role for a role chosen by a variable");
            return null;
        }
        Optional<Path> dir = search.find(name);
        if (dir.isEmpty()) {
            session.generalError("the role '" + name + "' was not found in " + search.describe(), nameNode.at(),
                    Nodes.width(nameNode), TaskOptionsReader.hintOr(Suggest.hint(name, search.available()),
                            "put the role in roles/ beside the playbook, or add its directory to ANSIBLE_ROLES_PATH"));
            return null;
        }
        return load(dir.get(), from, search, nameNode.at());
    }

    /** The role in {@code dir} with these {@code *_from} files; null when it is part of a dependency cycle. */
    Role load(Path dir, Map<String, String> from, RoleSearch search, SourcePosition at) {
        String key = dir + "|" + from;
        Role cached = session.role(key);
        if (cached != null) return cached;
        if (!session.enterRole(dir, from, at)) return null;
        try {
            Role role = read(dir, from, search, at);
            session.cacheRole(key, role);
            return role;
        } finally {
            session.leaveRole();
        }
    }

    private Role read(Path dir, Map<String, String> from, RoleSearch search, SourcePosition at) {
        String name = dir.getFileName().toString();
        Map<String, Object> defaults = vars(dir, "defaults", from.get("defaults"), name, at);
        Map<String, Object> vars = vars(dir, "vars", from.get("vars"), name, at);
        Meta meta = meta(dir, search);
        // a role's defaults (below all) and vars (over the play's) are known to its static imports
        List<TaskNode> tasks = file(dir, "tasks", from.get("tasks"), at)
                .map(f -> session.withLoadVars(defaults, vars, false, () -> TaskReader.readTasksFile(session, f, at, dir)))
                .orElse(List.of());
        List<Handler> handlers = file(dir, "handlers", from.get("handlers"), at).map(this::handlers).orElse(List.of());
        return new Role(name, dir, from, defaults, vars, tasks, handlers, meta.dependencies(), meta.allowDuplicates());
    }

    private List<Handler> handlers(Path file) {
        YamlNode root = session.read(file, SourcePosition.UNKNOWN).orElse(null);
        return root == null ? List.of() : new HandlerReader(session, file, file.getParent().getParent()).read(root);
    }

    /** {@code kind/main} (or {@code kind/FROM}); empty when there is none, after reporting a missing FROM file. */
    private Optional<Path> file(Path dir, String kind, String from, SourcePosition at) {
        Path kindDir = dir.resolve(kind);
        String base = from == null ? "main" : from;
        for (String ext : from == null ? DEFAULT_EXTENSIONS : GIVEN_EXTENSIONS) {
            Path candidate = kindDir.resolve(base + ext).normalize();
            if (Files.isRegularFile(candidate) || (kind.equals("vars") || kind.equals("defaults")) && Files.isDirectory(candidate)) {
                return insideRole(candidate, kindDir.normalize(), dir, at);
            }
        }
        if (from != null) {
            session.error("could not find specified file in role '" + dir.getFileName() + "': " + kind + "/" + from, at, 1,
                    "the file is looked for in " + kindDir + " (with .yml, .yaml or .json added)");
        }
        return Optional.empty();
    }

    // Ansible: a *_from file (subdirectories allowed) must lie within the role's folder of its kind
    private Optional<Path> insideRole(Path file, Path kindDir, Path dir, SourcePosition at) {
        if (file.startsWith(kindDir)) return Optional.of(file);
        session.error("Failed loading '" + file + "' for role (" + dir.getFileName() + ") as it is not inside the expected role path: '"
                + kindDir + "'", at, 1, "name a file under the role's " + kindDir.getFileName() + "/ folder");
        return Optional.empty();
    }

    private Map<String, Object> vars(Path dir, String kind, String from, String role, SourcePosition at) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Optional<Path> file = file(dir, kind, from, at);
        if (file.isEmpty()) return vars;
        for (Path f : varsFiles(file.get())) {
            YamlNode root = session.read(f, at).orElse(null);
            if (root == null || root instanceof YamlNode.Scalar s && s.value() == null) continue;
            if (root instanceof YamlNode.Mapping m) vars.putAll(m.value());
            else session.error("the " + kind + " file of role '" + role + "' must hold a mapping of variables, found "
                    + root.kind(), root.at(), 1, "write `name: value` lines");
        }
        return vars;
    }

    // vars/main may be a directory: its files, in name order, merged (Ansible's allow_dir)
    private static List<Path> varsFiles(Path file) {
        if (!Files.isDirectory(file)) return List.of(file);
        try (Stream<Path> files = Files.walk(file)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*(\\.ya?ml|\\.json|/[^./]+)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code meta/main.yml}: what the role depends on and whether it may run twice. */
    private record Meta(List<RoleCall> dependencies, boolean allowDuplicates) {
    }

    private Meta meta(Path dir, RoleSearch search) {
        Optional<Path> file = file(dir, "meta", null, SourcePosition.UNKNOWN);
        YamlNode root = file.flatMap(f -> session.read(f, SourcePosition.UNKNOWN)).orElse(null);
        if (root == null || root instanceof YamlNode.Scalar s && s.value() == null) return new Meta(List.of(), false);
        YamlNode.Mapping m = Nodes.mapping(root, "the meta/main.yml of role '" + dir.getFileName() + "'",
                session.diagnostics).orElse(null);
        if (m == null) return new Meta(List.of(), false);
        for (YamlNode.Entry e : m.entries()) {
            if (!META_KEYS.contains(e.name())) {
                session.error("unknown key '" + e.name() + "' in a role's meta/main.yml", e.key().at(), e.name().length(),
                        TaskOptionsReader.hintOr(Suggest.hint(e.name(), META_KEYS), "valid keys: " + String.join(", ", META_KEYS)));
            }
        }
        List<RoleCall> deps = new ArrayList<>();
        YamlNode depsNode = m.get("dependencies");
        if (depsNode != null) {
            RoleSearch depSearch = search.forDependenciesOf(dir);
            Nodes.sequence(depsNode, "'dependencies'", session.diagnostics).ifPresent(seq -> seq.items().forEach(item -> {
                RoleCall dep = entry(item, depSearch, RoleCall.Kind.DEPENDENCY);
                if (dep != null) deps.add(dep);
            }));
        }
        YamlNode dup = m.get("allow_duplicates");
        Boolean allow = dup == null ? null : Nodes.bool(dup, "'allow_duplicates'", session.diagnostics);
        return new Meta(deps, Boolean.TRUE.equals(allow));
    }
}
