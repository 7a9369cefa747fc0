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
 *   <li>a YAML file in Ansible's inventory format ({@code all}, {@code hosts}, {@code children},
 *       {@code vars}), with {@code host_vars/} and {@code group_vars/} beside it;</li>
 *   <li>a directory: every {@code .yml}/{@code .yaml}/{@code .json} file in it (by name), with the
 *       {@code host_vars/} and {@code group_vars/} inside it;</li>
 *   <li>a comma list {@code h1,h2,}: ad-hoc hosts in {@code ungrouped}.</li>
 * </ul>
 * No sources gives an inventory with only the implicit {@code localhost}. Problems are added to
 * the {@link Diagnostics} (the inventory returned is then partial) and never thrown.
 */
public final class InventoryLoader {

    private final Diagnostics diagnostics;
    private final InventoryBuilder builder = new InventoryBuilder();
    private final Set<Path> varsDirs = new LinkedHashSet<>();

    private InventoryLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Loads every source as given to {@code -i}. */
    public static Inventory load(List<String> sources, Diagnostics diagnostics) {
        InventoryLoader loader = new InventoryLoader(diagnostics);
        for (String source : sources) loader.loadSource(source);
        VarsDirReader vars = new VarsDirReader(loader.builder, diagnostics);
        for (Path dir : loader.varsDirs) vars.read(dir);
        return loader.builder.build(diagnostics);
    }

    private void loadSource(String source) {
        Path path = Path.of(source);
        if (Files.isDirectory(path)) {
            loadDirectory(path);
        } else if (Files.isRegularFile(path)) {
            loadFile(path);
        } else if (source.contains(",")) {
            loadAdHoc(source);
        } else {
            diagnostics.add(Diagnostic.error("inventory source '" + source + "' does not exist", SourcePosition.UNKNOWN)
                    .withHint("pass a YAML inventory file, a directory of them, or a comma list such as 'host1,host2,'"));
        }
    }

    private void loadDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(InventoryLoader::isYaml).sorted().forEach(this::loadFile);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("cannot list inventory directory '" + dir + "': " + e.getMessage(),
                    SourcePosition.UNKNOWN));
        }
        varsDirs.add(dir);
    }

    private void loadFile(Path file) {
        new InventoryFileReader(builder, diagnostics).read(file);
        varsDirs.add(file.getParent() == null ? Path.of("") : file.getParent());
    }

    private void loadAdHoc(String list) {
        for (String name : list.split(",")) {
            if (!name.isBlank()) builder.host(Inventory.ALL, name.strip(), Map.of(), SourcePosition.UNKNOWN);
        }
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json");
    }
}
