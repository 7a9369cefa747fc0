package io.swarmplay.connection;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A way to act on one host: run commands and read or write files. Ansible's
 * {@code exec_command}/{@code put_file}/{@code fetch_file}/{@code close} in typed form.
 *
 * <p>Contract: every method may be called from several threads at once. A failure to reach
 * the host (refused, reset, timed out while connecting) is a {@link ConnectionException};
 * a command that runs and exits non-zero is not an exception but an {@link ExecResult}.
 * Paths are the host's paths, absolute or relative to the login directory.
 */
public interface Connection extends AutoCloseable {

    /** Runs a command and waits for it (or its timeout). */
    ExecResult exec(Command command);

    /** What is at {@code path}, without following a final symlink; empty when nothing is there. */
    Optional<FileStat> stat(String path);

    /** The SHA-256 of a regular file as lower-case hex; empty when it does not exist. */
    Optional<String> sha256(String path);

    /** Streams a regular file's bytes into {@code sink}. */
    void read(String path, OutputStream sink);

    /**
     * Writes {@code content} to {@code path} atomically: a temporary file in the same directory,
     * renamed over the target, so readers never see a half-written file. Parent directories
     * must exist. Mode, owner and group are applied when {@code attrs} names them.
     */
    void write(String path, InputStream content, FileAttrs attrs);

    /**
     * True for the control node itself: Ansible runs its commands in the playbook's directory, so
     * relative paths and working directories are resolved there rather than in swarmplay's own.
     */
    default boolean onControlNode() {
        return false;
    }

    /**
     * Opens the connection now, for a connection that otherwise opens on its first call (an SSH
     * handshake started ahead of the step that needs it). Fails as that first call would.
     */
    default void connect() {
    }

    /**
     * Stops this connection's work for good, because the run was interrupted: every command running
     * on it is killed together with the processes it started, and every later call, or one still
     * waiting, fails with a {@link CancelledException}. Returns without waiting for the calls to
     * end; never throws. {@link #close()} is still needed afterwards.
     */
    default void cancel() {
    }

    /**
     * What Ansible's {@code -vvv} shows after {@code <host> } for running {@code command} here:
     * {@code EXEC /bin/sh -c '...'} with the line the host runs (become included). Display only.
     */
    default String shownExec(Command command) {
        return "EXEC /bin/sh -c " + ShellQuote.quote(command.toShellLine());
    }

    /** A short description for messages, e.g. {@code local} or {@code ssh root@10.0.0.2:22}. */
    String describe();

    /** Releases the connection; further calls fail. Never throws. */
    @Override
    void close();
}
