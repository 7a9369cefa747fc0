package io.swarmplay.run;

import io.swarmplay.playbook.Task;
import io.swarmplay.report.RunEvent.TaskKind;

/** A task as it runs: the task, what its blocks pass down (already merged with its own options), and why it runs. */
record StepSpec(Task task, Inherited inherited, TaskKind kind) {

    String name() {
        return task.name();
    }
}
