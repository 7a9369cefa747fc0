package io.swarmplay.run;

/**
 * An error that ends the whole run at once, as ansible-playbook's {@code ERROR!} does outside any
 * host's result (e.g. a task notifies a handler that does not exist): exit 1, after the recap.
 */
final class RunAborted extends RuntimeException {

    RunAborted(String message) {
        super(message, null, false, false);
    }
}
