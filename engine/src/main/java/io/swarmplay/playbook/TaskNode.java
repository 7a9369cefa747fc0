package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

/** An entry of a task list: a module {@link Task}, a {@link Block}, or a dynamic {@link IncludeTasks}. */
public sealed interface TaskNode permits Task, Block, IncludeTasks {

    String name();

    TaskOptions options();

    SourcePosition at();
}
