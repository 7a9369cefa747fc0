package io.swarmplay.run;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.ModuleException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's {@code timeout:} for one host: a deadline fixed when the step starts. Every command the
 * step runs is limited to the time left (and killed, with what it started, when that runs out),
 * and no host operation starts after the deadline, so the step ends within about a second of it.
 * Time spent taking the host's run lock (waiting for another run, with {@code --wait-lock}) does
 * not count: it moves the deadline ({@link #exclude}).
 */
final class TaskTimeout {

    private final String task;
    private final Duration limit;
    /** {@link System#nanoTime()} at which it runs out. */
    private volatile long deadline;

    private TaskTimeout(String task, Duration limit, long deadline) {
        this.task = task;
        this.limit = limit;
        this.deadline = deadline;
    }

    static TaskTimeout start(String task, Duration limit) {
        return limit == null ? null : new TaskTimeout(task, limit, System.nanoTime() + limit.toNanos());
    }

    /** Moves the deadline by {@code spent}, time the task was not working for itself. */
    void exclude(Duration spent) {
        deadline += spent.toNanos();
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** {@code command} limited to the time left, unless its own limit is shorter. */
    Command bound(Command command) {
        Duration left = left();
        if (command.timeout() != null && command.timeout().compareTo(left) <= 0) return command;
        return command.withTimeout(left.isZero() ? Duration.ofMillis(1) : left);
    }

    /** Whether {@code result} was stopped by this timeout rather than by the command's own, shorter one. */
    boolean stopped(Command command, ExecResult result) {
        return result.timedOut() && (command.timeout() == null || command.timeout().compareTo(limit) > 0
                || System.nanoTime() >= deadline);
    }

    /** Throws when the deadline has passed, before {@code what} starts on {@code host}. */
    void check(String host, String what) {
        if (System.nanoTime() >= deadline) throw expired(host, "did not start " + what, Map.of());
    }

    ModuleException killed(String host, Command command, ExecResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", command.toString());
        data.put("rc", result.rc());
        data.put("stdout", result.stdout());
        data.put("stderr", result.stderr());
        return expired(host, "killed '" + command + "'", data);
    }

    private ModuleException expired(String host, String what, Map<String, Object> data) {
        return new ModuleException("task '" + task + "' timed out on " + host + " after its timeout of "
                + limit.toSeconds() + "s; " + what, data);
    }
}
