package io.swarmplay.module;

/**
 * A value a module asked for is known only after apply (it depends on an earlier step that
 * would change). The runner turns it into {@link Change#unknown}, never into a failure.
 */
public final class ValueUnknownException extends RuntimeException {

    public ValueUnknownException(String message) {
        super(message);
    }
}
