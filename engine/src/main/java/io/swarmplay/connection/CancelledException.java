package io.swarmplay.connection;

/**
 * An operation was stopped by {@link Connection#cancel()} (the run was interrupted): its remote
 * process was killed, or it was refused because the connection no longer starts work. The message
 * names the host and what was stopped.
 */
public final class CancelledException extends RuntimeException {

    public CancelledException(String message) {
        super(message);
    }
}
