package io.swarmplay.report;

import io.swarmplay.module.Outcome;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Task;

import java.util.List;
import java.util.Map;

/**
 * What happened during a run, in the order listeners receive it:
 * {@code PlayStarted}, then per task {@code TaskStarted} before any {@code HostFinished} of that
 * task (hosts in inventory order; a skipped host still gets one), {@code ItemFinished} events of
 * a loop before their host's {@code HostFinished}, and {@code RunFinished} last.
 * Listeners receive every event through {@link Redactor#redact}: secrets masked, {@code no_log}
 * results censored.
 */
public sealed interface RunEvent {

    /** Why a task list is being walked: ordinary tasks, handlers, or fact gathering. */
    enum TaskKind { TASK, HANDLER, FACTS }

    /** A playbook's plays are about to run: Ansible's {@code PLAYBOOK:} banner and {@code N plays in FILE} ({@code -vv}). */
    record PlaybookStarted(java.nio.file.Path file, int plays) implements RunEvent {
    }

    record PlayStarted(Play play, String name, List<String> hosts) implements RunEvent {
    }

    record TaskStarted(Task task, String name, TaskKind kind) implements RunEvent {
    }

    /**
     * One host's result for a task.
     *
     * @param host      inventory name
     * @param delegate  the host it ran on when delegated, else null
     * @param args      the rendered arguments, for the plan
     * @param ignored   failed but {@code ignore_errors} was set
     * @param noLog     {@code no_log}: outcome and arguments are censored before listeners see them
     * @param diff      the task's {@code diff:} as it resolved for the host; null to follow the run's {@code --diff}
     */
    record HostFinished(Task task, String name, TaskKind kind, String host, String delegate, Outcome outcome,
                        Map<String, Object> args, boolean ignored, boolean noLog, Boolean diff) implements RunEvent {

        public HostFinished(Task task, String name, TaskKind kind, String host, String delegate, Outcome outcome,
                            Map<String, Object> args, boolean ignored, boolean noLog) {
            this(task, name, kind, host, delegate, outcome, args, ignored, noLog, null);
        }
    }

    /**
     * One item of a loop on one host, with the arguments rendered for it and the loop variables
     * Ansible adds to an item's result ({@code item}, {@code ansible_loop_var}, the index variable),
     * and the task's {@code diff:} keyword (null: the run's {@code --diff}).
     */
    record ItemFinished(Task task, String host, String label, Outcome outcome, Map<String, Object> args,
                        boolean noLog, Map<String, Object> loopVars, Boolean diff) implements RunEvent {

        public ItemFinished(Task task, String host, String label, Outcome outcome, Map<String, Object> args,
                            boolean noLog) {
            this(task, host, label, outcome, args, noLog, Map.of(), null);
        }
    }

    /**
     * {@code include_tasks} chose a file for these hosts (with this loop item's label, or null):
     * Ansible's {@code included: FILE for h1, h2 => (item=x)}, counted as ok for each host.
     */
    record Included(Task task, String file, List<String> hosts, String label) implements RunEvent {
    }

    /** A fatal error ({@code any_errors_fatal}) stopped every host of the play: Ansible's {@code NO MORE HOSTS LEFT}. */
    record NoHostsLeft() implements RunEvent {
    }

    /** A progress line from a step that is waiting (e.g. wait_for, a readiness check); {@code noLog}: hidden. */
    record StepProgress(Task task, String host, String message, boolean noLog) implements RunEvent {
    }

    /**
     * An {@code until} attempt that did not hold and will be retried: Ansible's
     * {@code FAILED - RETRYING: [h]: task (N retries left).}, with the attempt's result.
     */
    record Retrying(Task task, String name, String host, String delegate, int retriesLeft, Outcome outcome,
                    boolean noLog) implements RunEvent {
    }

    /**
     * An {@code async} job polled by its task ({@code poll} > 0): Ansible's {@code ASYNC POLL}
     * (still running), {@code ASYNC OK} and {@code ASYNC FAILED} lines.
     */
    record AsyncPolled(Task task, String host, String jid, AsyncState state) implements RunEvent {
    }

    /** Where a polled job stands. */
    enum AsyncState { RUNNING, OK, FAILED }

    /** PLAN mode: a host could not be contacted; its steps are planned without its state. */
    record HostUnreachable(String host, String cause) implements RunEvent {
    }

    /** A line shown from verbosity {@code level} on ({@code -vv} is 2), e.g. Ansible's {@code META: ending play}. */
    record Verbose(int level, String message) implements RunEvent {
    }

    /** A warning not tied to a host (deprecations, ignored keywords, plan drift). */
    record Warning(String message) implements RunEvent {
    }

    /** An error that ended the run outside any host's result: Ansible's {@code ERROR! ...}. */
    record RunError(String message) implements RunEvent {
    }

    record RunFinished(Recap recap) implements RunEvent {
    }
}
