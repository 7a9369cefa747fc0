package io.swarmplay.run;

import io.swarmplay.inventory.Inventory;
import io.swarmplay.inventory.InventoryLoader;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.PlaybookLoader;
import io.swarmplay.report.HumanReporter;
import io.swarmplay.report.Redactor;
import io.swarmplay.report.RunListener;
import io.swarmplay.report.Style;
import io.swarmplay.source.Diagnostics;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an inventory of local hosts and a playbook into a directory, loads them with the real
 * loaders and runs them with the real runner and local connections.
 */
final class RunFixture {

    static final ModuleRegistry MODULES = ModuleRegistry.load();

    final Path dir;
    String limit;
    Set<String> tags = Set.of();
    Set<String> skipTags = Set.of();
    String startAt;
    Map<String, Object> extraVars = Map.of();
    /** The command line's and ansible.cfg's host variable defaults ({@code -b}, {@code -u}, ...). */
    Map<String, Object> commandLine = Map.of();
    HandlerSettings handlers = HandlerSettings.DEFAULTS;
    /** Ansible's {@code gathering} setting the playbook is loaded with. */
    io.swarmplay.playbook.Gathering gathering = io.swarmplay.playbook.Gathering.IMPLICIT;
    /** Where facts are kept between runs ({@code fact_caching}). */
    FactCache factCache = FactCache.MEMORY;
    /** The human output's verbosity ({@code -v} is 1). */
    int verbosity = 1;
    /** ansible.cfg's {@code jinja2_native}. */
    boolean jinja2Native;
    /** ansible.cfg's {@code hash_behaviour}. */
    io.swarmplay.vars.HashBehaviour hashBehaviour = io.swarmplay.vars.HashBehaviour.REPLACE;

    RunFixture(Path dir) {
        this.dir = dir;
    }

    /** Local hosts h1..hN, each with its own {@code root} directory variable under {@code dir}. */
    RunFixture hosts(String... names) {
        StringBuilder inventory = new StringBuilder("all:\n  children:\n    web:\n      hosts:\n");
        for (String name : names) {
            inventory.append("        ").append(name).append(":\n")
                    .append("          ansible_connection: local\n")
                    .append("          root: ").append(dir.resolve(name)).append('\n');
            mkdirs(dir.resolve(name));
        }
        write("inventory.yaml", inventory.toString());
        return this;
    }

    RunFixture playbook(String yaml) {
        write("site.yaml", yaml);
        return this;
    }

    RunFixture file(String name, String content) {
        write(name, content);
        return this;
    }

    /** The result of a run, its events and its human output. */
    record Run(RunResult result, RunRecorder events, String output, Redactor redactor) {
    }

    /** The runner of the next {@link #run}: tests may interrupt it from another thread. */
    final Runner runner = new Runner();

    Run run(Mode mode) {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = InventoryLoader.load(List.of(dir.resolve("inventory.yaml").toString()), List.of(),
                io.swarmplay.source.Vault.none(), hashBehaviour, diagnostics);
        Playbook playbook = new PlaybookLoader(MODULES).gathering(gathering).load(dir.resolve("site.yaml"), diagnostics);
        diagnostics.throwIfErrors();
        Redactor redactor = new Redactor();
        RunRequest request = new RunRequest(inventory, List.of(playbook), extraVars, MODULES, limit, tags, skipTags,
                startAt, 5, true, false, verbosity, redactor, dir, commandLine, null, io.swarmplay.source.Vault.none(),
                io.swarmplay.template.TemplatePlugins.NONE, handlers, false, factCache, jinja2Native, hashBehaviour);
        RunRecorder recorder = new RunRecorder();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        HumanReporter human = new HumanReporter(out, Style.plain(), verbosity, true, mode == Mode.CHECK);
        RunResult result = runner.run(request, mode, RunListener.all(recorder, human));
        out.flush();
        return new Run(result, recorder, text.toString(), redactor);
    }

    private void write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
