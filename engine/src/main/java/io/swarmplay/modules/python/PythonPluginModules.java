package io.swarmplay.modules.python;

import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.PluginModules;
import io.swarmplay.source.PythonPluginFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the user's Python modules and action plugins as Ansible does: {@code action_plugins/NAME.py}
 * and {@code library/NAME.py} beside the task file, its role or playbook, then in the configured
 * paths ({@code action_plugins}/{@code library} of ansible.cfg, {@code ANSIBLE_ACTION_PLUGINS},
 * {@code ANSIBLE_LIBRARY}). An action plugin wins over a module of the same name, whose file its
 * {@code _execute_module()} then runs.
 */
public final class PythonPluginModules implements PluginModules {

    private final ModuleRegistry modules;
    private final Supplier<Optional<Path>> python;
    private final List<Path> libraryDirs;
    private final List<Path> actionDirs;

    /**
     * {@code python}: the control node's Python 3 (runs action plugins, provides ansible-core's
     * module_utils), looked for on first use.
     */
    public PythonPluginModules(ModuleRegistry modules, Supplier<Optional<Path>> python, List<Path> libraryDirs,
                               List<Path> actionDirs) {
        this.modules = modules;
        this.python = python;
        this.libraryDirs = List.copyOf(libraryDirs);
        this.actionDirs = List.copyOf(actionDirs);
    }

    /**
     * Ansible's search order for a module swarmplay does not have: {@code NAME} and
     * {@code ansible.legacy.NAME} are the user's action plugin, else the user's library module,
     * else ansible-core's module file ({@link CoreModules}); {@code ansible.builtin.NAME} of
     * ansible-core's module names only that one.
     */
    @Override
    public Optional<Module<?>> find(String name, Path sourceFile) {
        String plain = PythonAction.shortName(name);
        if (plain.contains(".")) return Optional.empty(); // a collection's plugin: not looked for
        if (name.startsWith("ansible.builtin.") && CoreModules.contains(plain)) return Optional.of(core(plain));
        Path module = module(plain, sourceFile);
        Path action = file("action_plugins", actionDirs, plain, sourceFile);
        PythonModule python = module != null ? new PythonModule(plain, module, this::controlPython)
                : CoreModules.contains(plain) ? core(plain) : null;
        if (action != null) return Optional.of(new PythonAction(plain, action, python, modules, this::controlPython));
        return Optional.ofNullable(python);
    }

    private PythonModule core(String name) {
        return CoreModules.module(name, this::controlPython);
    }

    private static Path file(String folder, List<Path> configured, String name, Path sourceFile) {
        Path beside = PythonPluginFile.find(List.of(folder), name, sourceFile);
        if (beside != null) return beside;
        for (Path dir : configured) {
            Path candidate = dir.resolve(name + ".py");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }

    /**
     * Ansible's module loader tries {@code NAME.py} in every library path first, then a file
     * {@code NAME} or {@code NAME.EXT} of another kind (a shell module) in them.
     */
    private Path module(String name, Path sourceFile) {
        Path py = file("library", libraryDirs, name, sourceFile);
        if (py != null) return py;
        Path other = PythonPluginFile.findModule("library", name, sourceFile);
        if (other != null) return other;
        for (Path dir : libraryDirs) {
            Path candidate = Files.isDirectory(dir) ? PythonPluginFile.anyExtension(dir, name) : null;
            if (candidate != null) return candidate;
        }
        return null;
    }

    private Path controlPython() {
        return python.get().orElseThrow(() -> new ModuleException("Python modules and action plugins need a Python 3 interpreter "
                + "on the control node, and none was found (set SWARMPLAY_PYTHON to one that has ansible-core)"));
    }
}
