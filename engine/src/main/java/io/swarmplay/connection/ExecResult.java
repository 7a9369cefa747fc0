package io.swarmplay.connection;

import java.time.Duration;

/**
 * What a finished command left: exit status, separate stdout and stderr (UTF-8), the signal that
 * killed it (or null), whether it timed out, and how long it ran.
 */
public record ExecResult(int rc, String stdout, String stderr, String signal, boolean timedOut,
                         Duration duration) {

    public boolean succeeded() {
        return rc == 0 && signal == null && !timedOut;
    }

    public String stdoutTrimmed() {
        return stdout.strip();
    }

    /** Throws a {@link CommandFailedException} naming the command unless it succeeded. */
    public ExecResult requireSuccess(Command command) {
        if (!succeeded()) throw new CommandFailedException(command, this);
        return this;
    }

    /** The last {@code lines} lines of stderr (or stdout when stderr is empty), for messages. */
    public String tail(int lines) {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] all = text.strip().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
