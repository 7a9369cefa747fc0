package io.swarmplay.run;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.ShellQuote;

import java.time.Duration;

/**
 * The run lock on one host, as the host's own shell sees it: a symbolic link {@code run.lock} in
 * the lock directory (default {@code ~/.swarmplay} of the login user) whose target is the
 * {@link LockOwner} line. Creating a symlink is atomic and fails when one exists, and the owner
 * is written in the same step, so there is no moment when the lock exists without its owner.
 * The holder refreshes the link's own time ({@link #refresh}); its age tells a lock whose run
 * stopped refreshing it. The same commands serve local and SSH hosts.
 */
final class HostLock {

    /** What a try to take the lock found. */
    sealed interface Attempt {
    }

    /** The lock is now ours. */
    record Taken() implements Attempt {
    }

    /** Someone holds it; {@code owner} is the raw line, {@code age} the time since its last refresh. */
    record Held(String owner, Duration age) implements Attempt {
    }

    /** It was there and went away while we looked: try again. */
    record Gone() implements Attempt {
    }

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);

    private final Connection connection;
    private final String link;

    /** {@code dir}: the lock directory on the host; {@code ~/} at its start is the login user's home. */
    HostLock(Connection connection, String dir) {
        this.connection = connection;
        this.link = pathExpression(dir.endsWith("/") ? dir + "run.lock" : dir + "/run.lock");
    }

    /** Where the lock is, for messages. */
    static String path(String dir) {
        return (dir.endsWith("/") ? dir : dir + "/") + "run.lock";
    }

    /** Tries once; throws {@link LockException} when the directory cannot be made or the host said something else. */
    Attempt tryTake(LockOwner me) {
        String script = "l=" + link + "; mkdir -p \"${l%/*}\" || exit 3\n"
                + "if ln -s " + ShellQuote.quote(me.format()) + " \"$l\" 2>/dev/null; then echo taken; exit 0; fi\n"
                + "o=$(readlink \"$l\") || { echo gone; exit 0; }\n"
                + "now=$(date +%s); m=$(stat -c %Y \"$l\" 2>/dev/null || echo \"$now\")\n"
                + "echo \"held $((now - m)) $o\"";
        ExecResult result = exec(script);
        String out = result.stdoutTrimmed();
        if (!result.succeeded()) throw new LockException("cannot take the run lock: " + result.tail(3).strip());
        if (out.equals("taken")) return new Taken();
        if (out.equals("gone")) return new Gone();
        String[] parts = out.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals("held")) throw new LockException("cannot take the run lock: " + out);
        return new Held(parts[2], Duration.ofSeconds(Math.max(0, Long.parseLong(parts[1]))));
    }

    /** Removes the lock if it is still {@code owner}'s (a stale lock being broken, or ours at the end). */
    void remove(String owner) {
        exec("l=" + link + "; [ \"$(readlink \"$l\")\" = " + ShellQuote.quote(owner) + " ] && rm -f \"$l\"; true");
    }

    /**
     * Marks the lock as still in use; false when it is no longer {@code owner}'s (another run broke
     * it and may hold it now). Without {@code touch -h}, the link is made again and renamed over itself.
     */
    boolean refresh(String owner) {
        String o = ShellQuote.quote(owner);
        ExecResult result = exec("l=" + link + "; [ \"$(readlink \"$l\")\" = " + o + " ] || exit 1\n"
                + "touch -h \"$l\" 2>/dev/null || { ln -s " + o + " \"$l.$$\" && mv -f \"$l.$$\" \"$l\"; }\n"
                + "exit 0");
        return result.rc() != 1;
    }

    private ExecResult exec(String script) {
        return connection.exec(Command.shell(script).withTimeout(COMMAND_LIMIT));
    }

    private static String pathExpression(String path) {
        if (path.startsWith("~/")) return "\"$HOME\"/" + ShellQuote.quote(path.substring(2));
        return ShellQuote.quote(path);
    }

    /** The lock is held by another run, or could not be taken: the message is the host's failure. */
    static final class LockException extends RuntimeException {
        LockException(String message) {
            super(message);
        }
    }
}
