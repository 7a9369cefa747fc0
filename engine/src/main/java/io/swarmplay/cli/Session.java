package io.swarmplay.cli;

import io.swarmplay.inventory.Inventory;
import io.swarmplay.inventory.InventoryLoader;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.plan.PlanCollector;
import io.swarmplay.plan.PlanRenderer;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.PlaybookLoader;
import io.swarmplay.playbook.RoleSearch;
import io.swarmplay.report.HumanReporter;
import io.swarmplay.report.JsonReporter;
import io.swarmplay.report.Redactor;
import io.swarmplay.report.RunEvent;
import io.swarmplay.report.RunListener;
import io.swarmplay.report.Style;
import io.swarmplay.run.ExitStatus;
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
import io.swarmplay.template.Templar;

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
            Loaded loaded = load();
            if (options.syntaxCheck) return syntaxOk(loaded);
            if (options.listHosts || options.listTasks || options.listTags) {
                TagSelection tags = new TagSelection(Set.copyOf(options.tags), Set.copyOf(options.skipTags), Templar::create);
                new Listing(out, loaded.inventory(), options.limit, ExtraVars.parse(options.extraVars), tags)
                        .print(loaded.playbooks(), options);
                return ExitStatus.OK;
            }
            return execute(loaded);
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

    /** The inventory and playbooks, loaded with every problem collected before anything runs. */
    record Loaded(Inventory inventory, List<Playbook> playbooks) {
    }

    private Loaded load() {
        Diagnostics diagnostics = new Diagnostics();
        ModuleRegistry modules = ModuleRegistry.load();
        Inventory inventory = InventoryLoader.load(options.inventories, diagnostics);
        List<Playbook> playbooks = new ArrayList<>();
        // roles are looked for beside each playbook, then in ANSIBLE_ROLES_PATH (Ansible's default when unset)
        PlaybookLoader loader = new PlaybookLoader(modules,
                RoleSearch.rolesPath(System.getenv("ANSIBLE_ROLES_PATH"), System.getProperty("user.home")));
        for (Path file : options.playbooks) playbooks.add(loader.load(file, diagnostics));
        diagnostics.throwIfErrors();
        DiagnosticRenderer renderer = DiagnosticRenderer.of(diagnostics);
        diagnostics.warnings().forEach(w -> err.println(renderer.render(w)));
        return new Loaded(inventory, playbooks);
    }

    private ExitStatus execute(Loaded loaded) {
        Mode mode = options.plan ? Mode.PLAN : options.check ? Mode.CHECK : Mode.APPLY;
        RunRequest request = request(loaded);
        List<String> problems = Targets.problems(request);
        if (!problems.isEmpty()) return usage(problems);
        PlanCollector collector = new PlanCollector(options.offline);
        RunListener listener = options.plan ? RunListener.all(collector, this::warnings) : reporter(mode);
        RunResult result = runInterruptibly(request, mode, listener);
        if (!options.plan) return result.status();
        printPlan(collector);
        return options.detailedExitcode ? ExitStatus.detailed(result.status(), collector.plan()) : result.status();
    }

    private RunRequest request(Loaded loaded) {
        Path inventoryDir = options.inventories.isEmpty() ? null
                : Path.of(options.inventories.get(0)).toAbsolutePath().getParent();
        return new RunRequest(loaded.inventory(), loaded.playbooks(), ExtraVars.parse(options.extraVars),
                ModuleRegistry.load(), options.limit, Set.copyOf(options.tags), Set.copyOf(options.skipTags),
                options.startAtTask, options.forks, options.diff, options.offline, options.verbosity(), redactor,
                inventoryDir, options.connectionDefaults(), options.waitLock());
    }

    private RunListener reporter(Mode mode) {
        if (options.json) return new JsonReporter(out);
        return new HumanReporter(out, style(), options.verbosity(), options.diff, mode == Mode.CHECK, options.timings);
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
        return ExitStatus.LOAD_ERROR;
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
