package io.swarmplay.run;

import io.swarmplay.playbook.Task;
import io.swarmplay.report.RunEvent.TaskKind;

/** A task as it runs: the task, what its blocks pass down (already merged with its own options), and why it runs. */
record StepSpec(Task task, Inherited inherited, TaskKind kind) {

    /** The name Ansible shows: {@code role : task} inside a role (an include_role shows its own name). */
    String name() {
        return name(task.name());
    }

    /** {@link #name()} with the task's own name as {@code taskName} (a banner shows it templated). */
    String name(String taskName) {
        if (inherited.role() == null || task.module().endsWith("include_role")) return taskName;
        return inherited.role().name() + " : " + taskName;
    }

    StepSpec withInherited(Inherited other) {
        return other == inherited ? this : new StepSpec(task, other, kind);
    }
}
