package io.swarmplay.connection;

/**
 * What a host would answer is known only after apply: asked of a fresh host in an offline plan
 * (its engine's version, a file's contents, a command's output). The step is shown as unknown
 * ({@code ?}), never as failed.
 */
public class StateUnknownException extends RuntimeException {

    public StateUnknownException(String what) {
        super(what + " (known after apply)");
    }
}
