package io.swarmplay.playbook;

import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * State shared while loading one playbook: the diagnostics, the modules, the files already parsed
 * (a file imported twice is read once) and the chain of imports (to stop cycles).
 */
final class LoadSession {

    final Diagnostics diagnostics;
    final ModuleRegistry modules;
    private final Map<Path, Optional<YamlNode>> parsed = new HashMap<>();
    private final Deque<Path> importing = new ArrayDeque<>();
    private final Map<Class<?>, Set<String>> argNames = new HashMap<>();
    /** The configured roles path ({@code ANSIBLE_ROLES_PATH}). */
    final List<Path> rolesPath;
    /** Roles read, by directory and files and the module_defaults they were read with. */
    private final Map<List<Object>, Role> roles = new HashMap<>();
    /** The roles being read, innermost first: a role's directory and the {@code *_from} files it is read with. */
    private final Deque<Map.Entry<Path, Map<String, String>>> loadingRoles = new ArrayDeque<>();
    private RoleSearch roleSearch;
    /** The {@code module_defaults} in force where the reader is. */
    private ModuleDefaults moduleDefaults = ModuleDefaults.NONE;

    /** Ansible's {@code gathering} setting: whether a play without {@code gather_facts} gathers. */
    Gathering gathering = Gathering.IMPLICIT;

    /** Decrypts vault-encrypted files and {@code !vault} values read in this session. */
    final io.swarmplay.source.Vault vault;

    LoadSession(Diagnostics diagnostics, ModuleRegistry modules, List<Path> rolesPath) {
        this(diagnostics, modules, rolesPath, io.swarmplay.source.Vault.none());
    }

    LoadSession(Diagnostics diagnostics, ModuleRegistry modules, List<Path> rolesPath, io.swarmplay.source.Vault vault) {
        this.vault = vault;
        this.diagnostics = diagnostics;
        this.modules = modules;
        this.rolesPath = List.copyOf(rolesPath);
        this.roleSearch = RoleSearch.forPlaybook(Path.of(""), rolesPath);
    }

    /** The extra vars ({@code -e}): part of what a static import's file name may use. */
    Map<String, Object> extraVars = Map.of();

    /**
     * The variables known while the current part is read (Ansible's {@code get_vars(play, task)} at load:
     * role defaults, play vars, vars_files, role vars, block vars; no host's): what static imports' names may use.
     */
    private Map<String, Object> loadVars = Map.of();

    /** What {@code read} returns, read with {@code vars} as the play's vars (nothing of an outer play). */
    <T> T withPlayVars(Map<String, Object> vars, java.util.function.Supplier<T> read) {
        return withLoadVars(Map.of(), vars, true, read);
    }

    /** What {@code read} returns, read with {@code vars} over the variables known so far. */
    <T> T withLoadVars(Map<String, Object> vars, java.util.function.Supplier<T> read) {
        return withLoadVars(Map.of(), vars, false, read);
    }

    /**
     * What {@code read} returns, read with {@code below} under and {@code above} over the variables known
     * so far (a role's defaults and vars); {@code fresh}: none known so far.
     */
    <T> T withLoadVars(Map<String, Object> below, Map<String, Object> above, boolean fresh,
                       java.util.function.Supplier<T> read) {
        Map<String, Object> outer = loadVars;
        Map<String, Object> vars = new java.util.HashMap<>(below);
        if (!fresh) vars.putAll(outer);
        vars.putAll(above);
        loadVars = vars;
        try {
            return read.get();
        } finally {
            loadVars = outer;
        }
    }

    /** The vars of the import_playbook being read: its plays' vars while they load, unless they have their own. */
    private Map<String, Object> importedPlaybookVars = Map.of();

    /** What {@code read} returns, with {@code vars} as the vars of the import_playbook being read. */
    <T> T withImportedPlaybookVars(Map<String, Object> vars, java.util.function.Supplier<T> read) {
        Map<String, Object> outer = importedPlaybookVars;
        importedPlaybookVars = vars;
        try {
            return read.get();
        } finally {
            importedPlaybookVars = outer;
        }
    }

    /** A play's vars while it loads: its own over the import_playbook's (Ansible's Play.load(vars=...)). */
    Map<String, Object> loadingPlayVars(Map<String, Object> own) {
        Map<String, Object> vars = new java.util.HashMap<>(importedPlaybookVars);
        vars.putAll(own);
        return vars;
    }

    /**
     * A static import's file name rendered as Ansible does when it loads the playbook
     * ({@code variable_manager.get_vars(play, task)}: no host's variables): with the variables known
     * so far, the import's own {@code vars}, the extra vars, {@code playbook_dir}, and {@code role_path}
     * and {@code role_name} in a role's tasks.
     *
     * @throws io.swarmplay.template.TemplateException when it uses a variable not known then
     */
    String renderImportName(String name, Path roleDir, Map<String, Object> ownVars, SourcePosition at) {
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("playbook_dir", roleSearch.playbookDir().toAbsolutePath().toString());
        if (roleDir != null) {
            vars.put("role_path", roleDir.toString());
            vars.put("role_name", String.valueOf(roleDir.getFileName()));
        }
        vars.putAll(loadVars);
        vars.putAll(ownVars);
        vars.putAll(extraVars);
        Object value = io.swarmplay.template.Unsafe.strip(importTemplar().render(name, vars, at));
        return String.valueOf(value);
    }

    /**
     * {@link #renderImportName}, or null after reporting Ansible's error for a name it cannot render
     * (an import_playbook's or import_role's: {@code 'x' is undefined. 'x' is undefined}, exit 1).
     */
    String renderImportNameOrReport(String name, Path roleDir, Map<String, Object> ownVars, YamlNode node, String hint) {
        try {
            return renderImportName(name, roleDir, ownVars, node.at());
        } catch (io.swarmplay.template.TemplateException e) {
            // Ansible's AnsibleUndefinedVariable(e, orig_exc=e): the cause twice
            String msg = e.undefined() ? e.summary() + ". " + e.summary() : e.getMessage();
            generalError(msg, node.at(), Nodes.width(node), hint);
            return null;
        }
    }

    private io.swarmplay.template.Templar templar;

    private io.swarmplay.template.Templar importTemplar() {
        if (templar == null) templar = io.swarmplay.template.Templar.create();
        return templar;
    }

    /** Loading for a dynamic include at run time: a legacy {@code include} in it is dynamic too, as in Ansible. */
    private boolean dynamic;

    /** Starts this session (loading at run time, for a dynamic include) with the defaults in force at the include. */
    void startWith(ModuleDefaults defaults) {
        moduleDefaults = defaults;
        dynamic = true;
    }

    /** Whether this session loads for a dynamic include (include_tasks, include_role) at run time. */
    boolean dynamic() {
        return dynamic;
    }

    ModuleDefaults moduleDefaults() {
        return moduleDefaults;
    }

    /** What {@code read} returns, read with {@code node} (a {@code module_defaults} value, or null) in force. */
    <T> T withModuleDefaults(YamlNode node, java.util.function.Supplier<T> read) {
        ModuleDefaults outer = moduleDefaults;
        moduleDefaults = outer.plus(node, this);
        try {
            return read.get();
        } finally {
            moduleDefaults = outer;
        }
    }

    /** Where roles named in the file being read are looked for. */
    RoleSearch roleSearch() {
        return roleSearch;
    }

    /** Sets the role search for the playbook being read; returns the previous one (to restore). */
    RoleSearch roleSearch(RoleSearch search) {
        RoleSearch previous = roleSearch;
        roleSearch = search;
        return previous;
    }

    /** A role loaded earlier in this session, by directory and files, or null. */
    Role role(String key) {
        return roles.get(List.of(key, moduleDefaults));
    }

    void cacheRole(String key, Role role) {
        roles.put(List.of(key, moduleDefaults), role);
    }

    /**
     * Enters the role in {@code dir} read with the {@code from} files; false (after reporting) when
     * that same reading comes back to itself through dependencies or imports (a role importing its
     * own other tasks file is no cycle).
     */
    boolean enterRole(Path dir, Map<String, String> from, SourcePosition at) {
        if (loadingRole(dir, from)) {
            StringBuilder chain = new StringBuilder();
            for (java.util.Iterator<Map.Entry<Path, Map<String, String>>> it = loadingRoles.descendingIterator(); it.hasNext(); ) {
                chain.append(it.next().getKey().getFileName()).append(" -> ");
            }
            diagnostics.add(Diagnostic.error("role dependency cycle: " + chain + dir.getFileName(), at)
                    .withHint("remove the dependency that names a role depending on it"));
            return false;
        }
        loadingRoles.push(Map.entry(dir, Map.copyOf(from)));
        return true;
    }

    /** Whether the role in {@code dir} is being read with the {@code from} files now (a recursive include_role). */
    boolean loadingRole(Path dir, Map<String, String> from) {
        return loadingRoles.contains(Map.entry(dir, Map.copyOf(from)));
    }

    void leaveRole() {
        loadingRoles.pop();
    }

    /** {@link ArgsBinder#argNames} of a module's arguments record, computed once per loader run. */
    Set<String> argNames(Module<?> module) {
        return argNames.computeIfAbsent(module.argsType(), ArgsBinder::argNames);
    }

    /** The parsed file, or empty after reporting (a missing file at {@code referencedAt}). */
    Optional<YamlNode> read(Path file, SourcePosition referencedAt) {
        Path key = file.toAbsolutePath().normalize();
        Optional<YamlNode> cached = parsed.get(key);
        if (cached != null) return cached;
        Optional<YamlNode> root = new YamlReader(diagnostics, vault).read(file, referencedAt);
        parsed.put(key, root);
        return root;
    }

    /**
     * Reports a missing file named by {@code what} at {@code at}, returning false; true when it exists.
     */
    boolean exists(Path file, String what, SourcePosition at, int width) {
        if (Files.isRegularFile(file)) return true;
        if (Files.isDirectory(file)) {
            diagnostics.add(Diagnostic.error(what + " '" + file + "' is a directory, not a file", at).withWidth(width)
                    .withHint("name a YAML file"));
            return false;
        }
        diagnostics.add(Diagnostic.error(what + " '" + file + "' does not exist", at).withWidth(width)
                .withHint("paths are relative to the directory of the file that names them"));
        return false;
    }

    /** Enters an import of {@code file}; false (after reporting) when it would be a cycle. */
    boolean enter(Path file, SourcePosition at) {
        Path key = file.toAbsolutePath().normalize();
        if (importing.contains(key)) {
            diagnostics.add(Diagnostic.error("import cycle: " + cycle(key), at)
                    .withHint("remove the import that closes the cycle"));
            return false;
        }
        importing.push(key);
        return true;
    }

    /** {@code a.yml -> b.yml -> a.yml}: the imports from {@code key}'s first entry back to it. */
    private String cycle(Path key) {
        StringBuilder chain = new StringBuilder();
        boolean inCycle = false;
        for (java.util.Iterator<Path> it = importing.descendingIterator(); it.hasNext(); ) {
            Path p = it.next();
            inCycle |= p.equals(key);
            if (inCycle) chain.append(p.getFileName()).append(" -> ");
        }
        return chain.append(key.getFileName()).toString();
    }

    void leave() {
        importing.pop();
    }

    void error(String summary, SourcePosition at, int width, String hint) {
        Diagnostic d = Diagnostic.error(summary, at).withWidth(width);
        diagnostics.add(hint == null ? d : d.withHint(hint));
    }

    /** An error Ansible raises as a general AnsibleError, not a parser error: ansible-playbook exits 1 for it. */
    void generalError(String summary, SourcePosition at, int width, String hint) {
        Diagnostic d = Diagnostic.error(summary, at).withWidth(width).asGeneral();
        diagnostics.add(hint == null ? d : d.withHint(hint));
    }

    void warn(String summary, SourcePosition at, int width, String hint) {
        Diagnostic d = Diagnostic.warning(summary, at).withWidth(width);
        diagnostics.add(hint == null ? d : d.withHint(hint));
    }
}
