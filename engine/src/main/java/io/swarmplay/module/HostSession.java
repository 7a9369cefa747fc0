package io.swarmplay.module;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;

import java.io.InputStream;

/** The writable side of a host, given only to {@link Module#apply}. */
public interface HostSession extends HostView {

    /** Runs a command that may change the host. */
    ExecResult run(Command command);

    /** Writes a file atomically (temp file + rename in the same directory). */
    void write(String path, InputStream content, FileAttrs attrs);

    /** Reports progress of a long step (a wait), shown while it runs. */
    void progress(String message);

    /**
     * Whether the step runs as an {@code async} job: Ansible runs its module through
     * {@code async_wrapper}, whose result for a module's output differs from a direct run's.
     */
    default boolean asyncJob() {
        return false;
    }
}
