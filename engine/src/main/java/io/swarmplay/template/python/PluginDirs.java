package io.swarmplay.template.python;

import io.swarmplay.template.TemplatePlugins.Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where filter and test plugins are looked for, in ansible-core 2.14's order: the
 * {@code filter_plugins/} and {@code test_plugins/} folders of each base directory in the order
 * given (the playbooks' directories, then the roles' as they are loaded), then the configured
 * paths ({@code filter_plugins}/{@code test_plugins} of ansible.cfg), each preceded by its
 * sub-folders one and two levels down. Only directories that exist are kept, each once.
 */
public record PluginDirs(Map<Kind, List<Path>> dirs) {

    /** The folder a base directory holds each kind's plugins in. */
    static final Map<Kind, String> SUBDIR = Map.of(Kind.FILTER, "filter_plugins", Kind.TEST, "test_plugins");

    public PluginDirs {
        Map<Kind, List<Path>> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) copy.put(kind, List.copyOf(dirs.getOrDefault(kind, List.of())));
        dirs = Map.copyOf(copy);
    }

    /** The directories for {@code baseDirs} (adjacent plugins) and the configured paths of each kind. */
    public static PluginDirs of(List<Path> baseDirs, Map<Kind, List<Path>> configured) {
        Map<Kind, List<Path>> dirs = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Set<Path> found = new LinkedHashSet<>();
            for (Path base : baseDirs) addIfDir(found, base.resolve(SUBDIR.get(kind)));
            for (Path path : configured.getOrDefault(kind, List.of())) {
                subdirs(path).forEach(d -> addIfDir(found, d));
                addIfDir(found, path);
            }
            dirs.put(kind, new ArrayList<>(found));
        }
        return new PluginDirs(dirs);
    }

    public List<Path> of(Kind kind) {
        return dirs.get(kind);
    }

    /** The plugin files ({@code *.py}) in all directories, for messages and to know whether there are any. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Path dir : dirs.get(kind)) files.addAll(pythonFiles(dir));
        }
        return files;
    }

    private static List<Path> pythonFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // an unreadable folder holds no plugins, as for Ansible's glob
        }
    }

    // ansible's "one level deep for subcategories": path/* then path/*/* directories, before path itself
    private static List<Path> subdirs(Path path) {
        List<Path> out = new ArrayList<>(children(path));
        for (Path child : children(path)) out.addAll(children(child));
        return out;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static void addIfDir(Set<Path> found, Path dir) {
        if (!Files.isDirectory(dir)) return;
        try {
            found.add(dir.toRealPath());
        } catch (IOException e) {
            // vanished or unreadable meanwhile: no plugins there
        }
    }
}
