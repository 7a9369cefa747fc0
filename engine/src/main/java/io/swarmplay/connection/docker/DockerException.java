package io.swarmplay.connection.docker;

/**
 * The engine answered, but refused or failed a request (a conflict, a missing image, a bad
 * parameter). The message names the operation, the object and the engine's own reason, never
 * environment values or credentials. An engine that cannot be reached at all is a
 * {@link io.swarmplay.connection.ConnectionException} instead.
 */
public class DockerException extends RuntimeException {

    public DockerException(String message) {
        super(message);
    }

    public DockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
