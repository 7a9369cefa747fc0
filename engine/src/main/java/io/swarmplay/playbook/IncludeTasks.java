package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.nio.file.Path;

/**
 * {@code include_tasks: FILE}: loaded when the runner reaches it (the file name may be templated).
 * {@code import_tasks} is resolved by the loader and never appears in the model.
 *
 * @param file    the file as written (may hold {@code {{ }}})
 * @param baseDir the directory relative paths are resolved against
 * @param apply   keywords passed down to the included tasks ({@code apply:}, as a block around them);
 *                the include's own keywords act on the include alone
 * @param moduleDefaults the {@code module_defaults} in force at the include, for the included tasks
 */
public record IncludeTasks(String name, String file, Path baseDir, TaskOptions options, TaskOptions apply,
                           SourcePosition at, ModuleDefaults moduleDefaults) implements TaskNode {

    public IncludeTasks {
        moduleDefaults = moduleDefaults == null ? ModuleDefaults.NONE : moduleDefaults;
    }

    public IncludeTasks(String name, String file, Path baseDir, TaskOptions options, TaskOptions apply, SourcePosition at) {
        this(name, file, baseDir, options, apply, at, ModuleDefaults.NONE);
    }

    public IncludeTasks(String name, String file, Path baseDir, TaskOptions options, SourcePosition at) {
        this(name, file, baseDir, options, TaskOptions.NONE, at);
    }
}
