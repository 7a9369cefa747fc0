package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourcePosition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the inventory from the {@code -i} sources, in order (later sources win for variables):
 * <ul>
 *   <li>a file in Ansible's YAML inventory format ({@code all}, {@code hosts}, {@code children},
 *       {@code vars}) or its INI format ({@link IniInventoryReader}), with {@code host_vars/} and
 *       {@code group_vars/} beside it;</li>
 *   <li>a directory: every file in it and its subdirectories (by name) but those Ansible ignores
 *       ({@link #isIgnored}), with the {@code host_vars/} and {@code group_vars/} inside it;</li>
 *   <li>a comma list {@code h1,h2,}: ad-hoc hosts in {@code ungrouped}.</li>
 * </ul>
 * No sources gives an inventory with only the implicit {@code localhost}; a source that does not
 * exist is a warning, as in Ansible. The {@code host_vars/} and {@code group_vars/} beside the
 * playbooks are read last (they win over the inventory's). Problems are added to the
 * {@link Diagnostics} (the inventory returned is then partial) and never thrown.
 */
public final class InventoryLoader {

    private final Diagnostics diagnostics;
    private final InventoryBuilder builder = new InventoryBuilder();
    private final Set<Path> varsDirs = new LinkedHashSet<>();

    private final io.swarmplay.source.Vault vault;

    private InventoryLoader(Diagnostics diagnostics, io.swarmplay.source.Vault vault) {
        this.diagnostics = diagnostics;
        this.vault = vault;
    }

    /** Loads every source as given to {@code -i}. */
    public static Inventory load(List<String> sources, Diagnostics diagnostics) {
        return load(sources, List.of(), diagnostics);
    }

    /** Loads every source as given to {@code -i}, then the vars directories beside {@code playbookDirs}. */
    public static Inventory load(List<String> sources, List<Path> playbookDirs, Diagnostics diagnostics) {
        return load(sources, playbookDirs, io.swarmplay.source.Vault.none(), diagnostics);
    }

    /** As {@link #load(List, List, Diagnostics)}, decrypting vault-encrypted files and values with {@code vault}. */
    public static Inventory load(List<String> sources, List<Path> playbookDirs, io.swarmplay.source.Vault vault,
                                 Diagnostics diagnostics) {
        return load(sources, playbookDirs, vault, io.swarmplay.vars.HashBehaviour.REPLACE, diagnostics);
    }

    /** As {@link #load(List, List, io.swarmplay.source.Vault, Diagnostics)}, a variable given twice combining as {@code hashBehaviour} says. */
    public static Inventory load(List<String> sources, List<Path> playbookDirs, io.swarmplay.source.Vault vault,
                                 io.swarmplay.vars.HashBehaviour hashBehaviour, Diagnostics diagnostics) {
        InventoryLoader loader = new InventoryLoader(diagnostics, vault);
        loader.builder.hashBehaviour(hashBehaviour);
        for (String source : sources) loader.loadSource(source);
        for (Path dir : playbookDirs) loader.varsDirs.add(dir.toAbsolutePath().normalize());
        VarsDirReader vars = new VarsDirReader(loader.builder, diagnostics, loader.vault);
        for (Path dir : loader.varsDirs) vars.read(dir);
        loader.builder.varsDirs(new VarsDirs(List.copyOf(loader.varsDirs), vault));
        Inventory inventory = loader.builder.build(diagnostics);
        if (inventory.hosts().isEmpty() && !diagnostics.hasErrors()) {
            diagnostics.add(Diagnostic.warning("provided hosts list is empty, only localhost is available. "
                    + "Note that the implicit localhost does not match 'all'", SourcePosition.UNKNOWN));
        }
        return inventory;
    }

    private void loadSource(String source) {
        Path path = Path.of(source);
        if (Files.isDirectory(path)) {
            loadDirectory(path);
            varsDirs.add(path.toAbsolutePath().normalize());
        } else if (Files.isRegularFile(path)) {
            loadFile(path);
            varsDirs.add(path.toAbsolutePath().normalize().getParent());
        } else if (source.contains(",")) {
            loadAdHoc(source);
        } else if (Files.exists(path)) {
            // a device or pipe such as /dev/null: Ansible reads it as an empty source
            varsDirs.add(path.toAbsolutePath().normalize().getParent());
        } else {
            diagnostics.add(Diagnostic.warning("unable to parse " + path.toAbsolutePath() + " as an inventory source: it does not exist",
                    SourcePosition.UNKNOWN).withHint("pass an inventory file (YAML or INI), a directory of them, "
                    + "or a comma list such as 'host1,host2,'; only the implicit localhost is available"));
        }
    }

    private void loadDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> !isIgnored(f)).sorted().forEach(f -> {
                if (Files.isDirectory(f)) loadDirectory(f);
                else if (Files.isRegularFile(f)) loadFile(f);
            });
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("cannot list inventory directory '" + dir + "': " + e.getMessage(),
                    SourcePosition.UNKNOWN));
        }
    }

    /** Ansible's ignored inventory entries: hidden, vars directories, and backup/doc/INI-config extensions. */
    static boolean isIgnored(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || List.of("host_vars", "group_vars", "vars_plugins").contains(name)) return true;
        return IGNORED_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static final List<String> IGNORED_EXTENSIONS = List.of(
            ".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry");

    private void loadFile(Path file) {
        if (ScriptInventoryReader.isScript(file)) {
            new ScriptInventoryReader(builder, diagnostics, file).read();
            return;
        }
        new InventoryFileReader(builder, diagnostics, vault).read(file);
    }

    private void loadAdHoc(String list) {
        for (String name : list.split(",")) {
            if (name.isBlank()) continue;
            HostRange.Expanded host = adHocHost(name.strip());
            Map<String, Object> vars = host.port() == null ? Map.of() : Map.of("ansible_port", host.port());
            for (String h : host.names()) builder.host(Inventory.ALL, h, vars, SourcePosition.UNKNOWN);
        }
    }

    // a comma list names hosts, with an optional port, and no ranges (Ansible's host_list plugin)
    private static HostRange.Expanded adHocHost(String name) {
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("^([^:\\[\\]]+):([0-9]{1,5})$").matcher(name);
        return port.matches() ? new HostRange.Expanded(List.of(port.group(1)), Integer.valueOf(port.group(2)))
                : new HostRange.Expanded(List.of(name), null);
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json");
    }
}
