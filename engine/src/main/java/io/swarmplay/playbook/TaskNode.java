package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

/**
 * An entry of a task list: a module {@link Task}, a {@link Block}, a dynamic {@link IncludeTasks},
 * a role's use ({@link RoleCall}) or a dynamic {@link IncludeRole}.
 */
public sealed interface TaskNode permits Task, Block, IncludeTasks, RoleCall, IncludeRole {

    String name();

    TaskOptions options();

    SourcePosition at();
}
