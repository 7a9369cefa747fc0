package io.swarmplay.connection;

/** A command ran but did not succeed; the message names the command, its status and stderr's tail. */
public final class CommandFailedException extends RuntimeException {

    private final transient ExecResult result;

    public CommandFailedException(Command command, ExecResult result) {
        super(describe(command, result));
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }

    private static String describe(Command command, ExecResult result) {
        String status = result.timedOut() ? "timed out"
                : result.signal() != null ? "killed by signal " + result.signal()
                : "exited with status " + result.rc();
        String tail = result.tail(5);
        return "'" + command + "' " + status + (tail.isEmpty() ? "" : ": " + tail);
    }
}
