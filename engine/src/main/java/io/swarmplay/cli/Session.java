package io.swarmplay.cli;

import io.swarmplay.connection.docker.DockerWarmup;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.inventory.InventoryLoader;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.plan.Plan;
import io.swarmplay.plan.PlanCollector;
import io.swarmplay.plan.ProjectFiles;
import io.swarmplay.plan.SavedPlan;
import io.swarmplay.plan.PlanRenderer;
import io.swarmplay.playbook.Gathering;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.PlaybookLoader;
import io.swarmplay.playbook.RolePaths;
import io.swarmplay.playbook.RoleSearch;
import io.swarmplay.report.HumanReporter;
import io.swarmplay.report.JsonReporter;
import io.swarmplay.report.Redactor;
import io.swarmplay.report.RunEvent;
import io.swarmplay.report.RunListener;
import io.swarmplay.report.Style;
import io.swarmplay.run.ExitStatus;
import io.swarmplay.run.FactCache;
import io.swarmplay.run.JsonFileFactCache;
import io.swarmplay.run.HandlerSettings;
import io.swarmplay.run.Mode;
import io.swarmplay.run.RunRequest;
import io.swarmplay.run.RunResult;
import io.swarmplay.run.Runner;
import io.swarmplay.run.TagSelection;
import io.swarmplay.run.Targets;
import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.DiagnosticRenderer;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.LoadException;
import io.swarmplay.source.Vault;
import io.swarmplay.template.Templar;
import io.swarmplay.template.TemplatePlugins.Kind;
import io.swarmplay.template.python.PluginDirs;
import io.swarmplay.template.python.PythonInterpreter;
import io.swarmplay.template.python.PythonPlugins;
import io.swarmplay.modules.python.PythonPluginModules;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One invocation: load everything (all problems at once), then list, check syntax, plan or run. */
final class Session {

    private final SwarmplayCommand options;
    private final PrintWriter out;
    private final PrintWriter err;
    /** Secrets learned during the run, for everything printed, internal errors included. */
    private final Redactor redactor = new Redactor();
    private static final String HOME = System.getProperty("user.home");
    /** ansible.cfg and the ANSIBLE_* environment, read at load. */
    private AnsibleConfig config;
    /** The vault passwords, read at load. */
    private Vault vault = Vault.none();
    /** The modules of this run: swarmplay's, and the Python modules and action plugins found while loading. */
    private ModuleRegistry modules;

    Session(SwarmplayCommand options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    ExitStatus run() {
        try {
            if (options.offline && !options.plan) return usage("--offline works with --plan only");
            if (options.plan && options.check) return usage("--plan and --check are two previews: use one");
            if (options.detailedExitcode && !options.plan) return usage("--detailed-exitcode works with --plan only");
            if (options.saveTo != null && !options.plan) return usage("--out works with --plan only (it saves the plan)");
            Loaded loaded = load();
            try (PythonPlugins plugins = loaded.plugins()) {
                if (options.syntaxCheck) return syntaxOk(loaded);
                if (options.listHosts || options.listTasks || options.listTags) {
                    TagSelection tags = new TagSelection(Set.copyOf(options.tags), Set.copyOf(options.skipTags),
                            () -> Templar.create(message -> { }, plugins));
                    new Listing(out, loaded.inventory(), options.limit, ExtraVars.parse(options.extraVars, vault), tags)
                            .print(loaded.playbooks(), options);
                    return ExitStatus.OK;
                }
                return execute(loaded);
            }
        } catch (LoadException e) {
            return loadFailed(e.diagnostics());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (RuntimeException e) {
            return internalError("internal error: " + io.swarmplay.connection.Causes.plain(e), e);
        } catch (StackOverflowError e) {
            // the loaders and the templar bound nesting; this is the net for whatever they missed
            return internalError("the input nests too deeply for swarmplay (stack overflow)", e);
        } catch (OutOfMemoryError e) {
            return internalError("out of memory: the input makes values larger than swarmplay can hold", e);
        }
    }

    private ExitStatus internalError(String message, Throwable e) {
        err.println("error: " + redactor.mask(message));
        if (options.verbosity() >= 3) err.print(redactor.mask(stackTrace(e)));
        else err.println("  run with -vvv for the stack trace");
        return ExitStatus.INTERNAL_ERROR;
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /**
     * The inventory and playbooks, loaded with every problem collected before anything runs, and
     * their Python plugins (not started yet; closed when the session ends).
     */
    record Loaded(Inventory inventory, List<Playbook> playbooks, PythonPlugins plugins) {
    }

    private Loaded load() {
        if (!contactsHosts()) DockerWarmup.forgo();
        Diagnostics diagnostics = new Diagnostics();
        config = AnsibleConfig.load(System.getenv(), Path.of("").toAbsolutePath(), HOME, diagnostics);
        config.check();
        Vault vault = Vault.of(VaultSecrets.load(vaultIds(), this::askVaultPassword), redactor::add);
        ModuleRegistry modules = ModuleRegistry.load();
        modules.withPlugins(new PythonPluginModules(modules, () -> PythonInterpreter.find(System.getenv()),
                configuredPaths(Setting.LIBRARY), configuredPaths(Setting.ACTION_PLUGINS)));
        this.modules = modules;
        List<Path> playbookDirs = options.playbooks.stream().map(p -> p.toAbsolutePath().getParent()).distinct().toList();
        Inventory inventory = InventoryLoader.load(inventories(), playbookDirs, vault, hashBehaviour(), diagnostics);
        List<Playbook> playbooks = new ArrayList<>();
        // roles are looked for beside each playbook, then in roles_path (Ansible's default when unset)
        List<String> rolesPath = config.paths(Setting.ROLES_PATH, HOME);
        PlaybookLoader loader = new PlaybookLoader(modules,
                RoleSearch.rolesPath(rolesPath.isEmpty() ? null : String.join(":", rolesPath), HOME), vault)
                .gathering(Gathering.of(config.string(Setting.GATHERING).orElse(null)))
                .extraVars(ExtraVars.parse(options.extraVars, vault));
        this.vault = vault;
        for (Path file : options.playbooks) playbooks.add(loader.load(file, diagnostics));
        PythonPlugins plugins = pythonPlugins(playbooks, playbookDirs, diagnostics);
        diagnostics.throwIfErrors();
        DiagnosticRenderer renderer = DiagnosticRenderer.of(diagnostics);
        diagnostics.warnings().forEach(w -> err.println(renderer.render(w)));
        return new Loaded(inventory, playbooks, plugins);
    }

    /**
     * The filter and test plugins beside the playbooks, in the roles they use and in the configured
     * paths, as Ansible finds them; plugin files without a Python to run them are a load error.
     */
    private PythonPlugins pythonPlugins(List<Playbook> playbooks, List<Path> playbookDirs, Diagnostics diagnostics) {
        List<Path> baseDirs = new ArrayList<>(playbookDirs);
        baseDirs.addAll(RolePaths.of(playbooks));
        java.util.Map<Kind, List<Path>> configured = java.util.Map.of(
                Kind.FILTER, configuredPaths(Setting.FILTER_PLUGINS), Kind.TEST, configuredPaths(Setting.TEST_PLUGINS));
        PluginDirs dirs = PluginDirs.of(baseDirs, configured);
        PythonPlugins plugins = PythonPlugins.of(dirs, dirs.files().isEmpty() ? null : PythonInterpreter.find(System.getenv()).orElse(null));
        plugins.loadProblem().ifPresent(diagnostics::add);
        return plugins;
    }

    /** A path-list setting's directories, Ansible's default when it is not set. */
    private List<Path> configuredPaths(Setting setting) {
        List<String> paths = config.paths(setting, HOME);
        if (paths.isEmpty()) paths = RoleSearch.rolesPath(setting.ansibleDefault, HOME).stream().map(Path::toString).toList();
        return paths.stream().map(Path::of).toList();
    }

    /** Whether this run may talk to a host or an engine (an offline plan, a syntax check or a listing does not). */
    private boolean contactsHosts() {
        return !(options.plan && options.offline || options.syntaxCheck || options.listHosts || options.listTasks
                || options.listTags);
    }

    private ExitStatus execute(Loaded loaded) {
        Mode mode = options.plan ? Mode.PLAN : options.check ? Mode.CHECK : Mode.APPLY;
        RunRequest request = request(loaded);
        List<String> problems = Targets.problems(request);
        if (!problems.isEmpty()) return usage(problems);
        PlanCollector collector = new PlanCollector(options.offline, request.modules()::readOnly);
        RunListener listener = options.plan ? RunListener.all(collector, this::warnings) : reporter(mode);
        RunResult result = runInterruptibly(request, mode, listener);
        if (!options.plan) return result.status();
        Plan plan = collector.plan();
        if (options.planSink != null) {
            options.planSink.accept(new Planned(plan, projectFiles(loaded, plan), result.status()));
            return result.status();
        }
        printPlan(collector);
        if (options.saveTo != null && !save(loaded, plan)) return ExitStatus.INTERNAL_ERROR;
        return options.detailedExitcode ? ExitStatus.detailed(result.status(), plan) : result.status();
    }

    /** A plan made again for {@code apply FILE}, with the hashes of the files it was made from. */
    record Planned(Plan plan, java.util.Map<String, String> files, ExitStatus status) {
    }

    private java.util.Map<String, String> projectFiles(Loaded loaded, Plan plan) {
        List<Path> roots = new ArrayList<>(options.playbooks);
        options.inventories.stream().map(Path::of).filter(java.nio.file.Files::exists).forEach(roots::add);
        List<Path> varsFiles = options.extraVars.stream().filter(e -> e.startsWith("@")).map(e -> Path.of(e.substring(1))).toList();
        java.util.Map<String, String> files = new java.util.TreeMap<>(ProjectFiles.hash(roots, varsFiles, plan));
        // the saved plan itself is no input of the plan
        if (options.saveTo != null) files.remove(options.saveTo.toAbsolutePath().normalize().toString());
        if (options.planSink != null) files.keySet().removeIf(f -> f.equals(options.planFile));
        return files;
    }

    private boolean save(Loaded loaded, Plan plan) {
        try {
            SavedPlan.of(SavedPlans.replayArgs(options.originalArgs()), projectFiles(loaded, plan), plan)
                    .write(options.saveTo, redactor);
            err.println("Saved the plan to " + options.saveTo + ": run 'swarmplay apply " + options.saveTo + "' to apply exactly it.");
            return true;
        } catch (java.io.IOException e) {
            err.println("error: cannot write the plan to " + options.saveTo + ": " + io.swarmplay.connection.Causes.plain(e));
            return false;
        }
    }

    /**
     * The vault sources in ansible-playbook's order: {@code --vault-id}, {@code --vault-password-file},
     * {@code --ask-vault-pass}, else {@code vault_identity_list} and {@code vault_password_file} of the configuration.
     */
    private List<String> vaultIds() {
        List<String> ids = new ArrayList<>(options.vaultIds);
        ids.addAll(options.vaultPasswordFiles);
        if (options.askVaultPass) ids.add("prompt_ask_vault_pass");
        if (!ids.isEmpty()) return ids;
        config.string(Setting.VAULT_IDENTITY_LIST).ifPresent(list -> {
            for (String id : list.split(",")) if (!id.isBlank()) ids.add(id.strip());
        });
        ids.addAll(config.paths(Setting.VAULT_PASSWORD_FILE, HOME));
        return ids;
    }

    private String askVaultPassword(String label) {
        java.io.Console console = System.console();
        if (console == null) throw new IllegalArgumentException("--ask-vault-pass needs a terminal to read the password from");
        char[] password = console.readPassword("Vault password" + (label.equals("default") ? "" : " (" + label + ")") + ": ");
        return password == null ? "" : new String(password);
    }

    /** {@code -i}, else {@code inventory} of ansible.cfg or {@code ANSIBLE_INVENTORY}, else Ansible's default where it exists. */
    private List<String> inventories() {
        if (!options.inventories.isEmpty()) return options.inventories;
        List<String> configured = config.paths(Setting.INVENTORY, HOME);
        if (!configured.isEmpty()) return configured;
        return java.nio.file.Files.exists(Path.of(Setting.INVENTORY.ansibleDefault)) ? List.of(Setting.INVENTORY.ansibleDefault) : List.of();
    }

    private RunRequest request(Loaded loaded) {
        List<String> inventories = inventories();
        Path inventoryDir = inventories.isEmpty() ? null : Path.of(inventories.get(0)).toAbsolutePath().getParent();
        int forks = options.forks != null ? options.forks : config.integer(Setting.FORKS).orElse(SwarmplayCommand.DEFAULT_FORKS);
        // ansible.cfg and ANSIBLE_* settings are defaults below the command line's, which are below the inventory
        java.util.Map<String, Object> connectionDefaults = new java.util.LinkedHashMap<>(config.hostVarDefaults(HOME));
        connectionDefaults.putAll(options.connectionDefaults());
        return new RunRequest(loaded.inventory(), loaded.playbooks(), ExtraVars.parse(options.extraVars, vault),
                modules, options.limit, Set.copyOf(options.tags), Set.copyOf(options.skipTags),
                options.startAtTask, forks, options.diff, options.offline, options.verbosity(), redactor,
                inventoryDir, connectionDefaults, options.waitLock(), vault, loaded.plugins(),
                new HandlerSettings(options.forceHandlers || config.bool(Setting.FORCE_HANDLERS).orElse(false),
                        config.bool(Setting.ERROR_ON_MISSING_HANDLER).orElse(true)),
                config.bool(Setting.NO_LOG).orElse(false), factCache(), config.bool(Setting.JINJA2_NATIVE).orElse(false),
                hashBehaviour());
    }

    /** ansible.cfg's {@code hash_behaviour} (ANSIBLE_HASH_BEHAVIOUR), default {@code replace}. */
    private io.swarmplay.vars.HashBehaviour hashBehaviour() {
        return io.swarmplay.vars.HashBehaviour.of(config.string(Setting.HASH_BEHAVIOUR).orElse(Setting.HASH_BEHAVIOUR.ansibleDefault));
    }

    /**
     * The fact cache ansible.cfg's {@code fact_caching} names: {@code memory} (Ansible's default, nothing
     * kept between runs) or {@code jsonfile}; {@code --flush-cache} empties it before the run.
     */
    private FactCache factCache() {
        String plugin = config.string(Setting.CACHE_PLUGIN).map(String::strip).orElse("memory");
        if (plugin.equals("memory") || plugin.equals("ansible.builtin.memory")) return FactCache.MEMORY;
        if (!plugin.equals("jsonfile") && !plugin.equals("ansible.builtin.jsonfile")) {
            err.println("[WARNING]: fact cache plugin '" + plugin + "' is not supported by swarmplay: facts are not kept between runs");
            return FactCache.MEMORY;
        }
        List<String> dir = config.paths(Setting.CACHE_PLUGIN_CONNECTION, HOME);
        if (dir.isEmpty()) {
            throw new IllegalArgumentException("error, 'jsonfile' cache plugin requires the 'fact_caching_connection' config option"
                    + " to be set (to a writeable directory path)");
        }
        FactCache cache = new JsonFileFactCache(Path.of(dir.get(0)), config.string(Setting.CACHE_PLUGIN_PREFIX).orElse(""),
                config.integer(Setting.CACHE_PLUGIN_TIMEOUT).orElse(86400), m -> err.println("[WARNING]: " + m));
        if (options.flushCache) cache.flush();
        return cache;
    }

    private RunListener reporter(Mode mode) {
        if (options.json) return new JsonReporter(out);
        return new HumanReporter(out, err, style(), options.verbosity(), options.diff, mode == Mode.CHECK, options.timings)
                .showingCustomStats(config.bool(Setting.SHOW_CUSTOM_STATS).orElse(false));
    }

    private void warnings(RunEvent event) {
        if (event instanceof RunEvent.Warning w) err.println("[WARNING]: " + w.message());
    }

    private void printPlan(PlanCollector collector) {
        PlanRenderer renderer = new PlanRenderer(style(), redactor, options.diff, options.verbosity() > 0);
        out.println(options.json ? renderer.json(collector.plan()) : renderer.text(collector.plan()));
        out.flush();
    }

    // Ctrl-C / SIGTERM: no new task starts, running commands are killed, the recap is printed, exit 99
    private RunResult runInterruptibly(RunRequest request, Mode mode, RunListener listener) {
        Runner runner = new Runner();
        try (Interrupts interrupts = Interrupts.install(runner::interrupt, out, err)) {
            return runner.run(request, mode, listener);
        }
    }

    private Style style() {
        boolean color = !options.noColor && System.console() != null && System.getenv("NO_COLOR") == null;
        return new Style(color);
    }

    private ExitStatus syntaxOk(Loaded loaded) {
        for (Playbook playbook : loaded.playbooks()) out.println("playbook: " + playbook.file());
        return ExitStatus.OK;
    }

    private ExitStatus loadFailed(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        DiagnosticRenderer renderer = DiagnosticRenderer.fromDisk();
        for (Diagnostic d : diagnostics) {
            err.println(renderer.render(d));
            err.println();
        }
        err.println(errors + (errors == 1 ? " error" : " errors") + " found; nothing was run.");
        // Ansible stops at its first error: its kind chooses the exit code
        boolean general = diagnostics.stream().filter(Diagnostic::isError).findFirst().map(Diagnostic::general).orElse(false);
        return general ? ExitStatus.LOAD_ERROR_GENERAL : ExitStatus.LOAD_ERROR;
    }

    private ExitStatus usage(String message) {
        return usage(List.of(message));
    }

    private ExitStatus usage(List<String> messages) {
        messages.forEach(m -> err.println("error: " + m));
        err.println("  run 'swarmplay --help' for the options");
        return ExitStatus.USAGE;
    }
}
