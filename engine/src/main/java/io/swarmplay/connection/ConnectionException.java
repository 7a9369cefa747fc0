package io.swarmplay.connection;

/**
 * The host could not be reached or the connection broke. The runner marks the host
 * UNREACHABLE for the rest of the play; the message names the host and the cause.
 */
public class ConnectionException extends RuntimeException {

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
