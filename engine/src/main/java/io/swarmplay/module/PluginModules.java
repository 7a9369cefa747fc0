package io.swarmplay.module;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Modules that come from the user's files rather than swarmplay's jar: Ansible's Python modules
 * ({@code library/NAME.py}) and action plugins ({@code action_plugins/NAME.py}) beside a task
 * file, its role or playbook, or on the configured paths.
 */
public interface PluginModules {

    /** The module a plugin named {@code name} provides for a task written in {@code sourceFile}, if there is one. */
    Optional<Module<?>> find(String name, Path sourceFile);
}
