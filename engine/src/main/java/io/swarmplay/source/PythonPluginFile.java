package io.swarmplay.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ansible's Python plugin files beside a source file (modules in {@code library/}, action plugins,
 * lookup plugins): {@code NAME.py} in a folder of one of the given kinds beside the source file or
 * in the two folders above it (a role's, the playbook's), where Ansible would find it; found to run
 * them, or to say why they cannot run instead of "unknown".
 */
public final class PythonPluginFile {

    private PythonPluginFile() {
    }

    /** The plugin file, or null. */
    public static Path find(List<String> folders, String name, Path sourceFile) {
        if (sourceFile == null || sourceFile.toAbsolutePath().getParent() == null) return null;
        Path dir = sourceFile.toAbsolutePath().getParent();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            for (String folder : folders) {
                Path candidate = dir.resolve(folder).resolve(name + ".py");
                if (Files.isRegularFile(candidate)) return candidate;
            }
        }
        return null;
    }

    // Ansible's REJECT_EXTS plus the module loader's own ('.yaml', '.yml', '.ini'): never a module
    private static final java.util.List<String> MODULE_IGNORE_EXTS = List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm",
            ".md", ".txt", ".rst", ".yaml", ".yml", ".ini");

    /**
     * A module file in {@code dir} by Ansible's second choice after {@code NAME.py}: a file named
     * {@code NAME} or {@code NAME.EXT} (a shell or binary module) whose extension is not one the
     * module loader ignores; null when there is none.
     */
    public static Path anyExtension(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.isRegularFile(exact)) return exact;
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> stem(f.getFileName().toString()).equals(name))
                    .filter(f -> MODULE_IGNORE_EXTS.stream().noneMatch(f.getFileName().toString()::endsWith))
                    .sorted().findFirst().orElse(null);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** The module {@code NAME.py} in a folder beside the source file, else {@code NAME} with another extension there. */
    public static Path findModule(String folder, String name, Path sourceFile) {
        Path py = find(List.of(folder), name, sourceFile);
        if (py != null || sourceFile == null || sourceFile.toAbsolutePath().getParent() == null) return py;
        Path dir = sourceFile.toAbsolutePath().getParent();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = Files.isDirectory(dir.resolve(folder)) ? anyExtension(dir.resolve(folder), name) : null;
            if (candidate != null) return candidate;
        }
        return null;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }
}
