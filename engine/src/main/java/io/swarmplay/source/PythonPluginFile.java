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
}
