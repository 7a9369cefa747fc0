package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.nio.file.Path;

/**
 * {@code include_tasks: FILE}: loaded when the runner reaches it (the file name may be templated).
 * {@code import_tasks} is resolved by the loader and never appears in the model.
 *
 * @param file    the file as written (may hold {@code {{ }}})
 * @param baseDir the directory relative paths are resolved against
 */
public record IncludeTasks(String name, String file, Path baseDir, TaskOptions options, SourcePosition at)
        implements TaskNode {
}
