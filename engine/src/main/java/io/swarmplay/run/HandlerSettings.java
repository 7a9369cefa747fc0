package io.swarmplay.run;

/**
 * How a run treats handlers, from the command line and Ansible's settings.
 *
 * @param force          {@code --force-handlers} / {@code force_handlers}: notified handlers run on hosts that failed
 * @param errorOnMissing {@code error_on_missing_handler} (default true): a notification no handler answers
 *                       ends the run; false makes it a warning
 */
public record HandlerSettings(boolean force, boolean errorOnMissing) {

    /** Ansible's defaults: no forcing, a missing handler is an error. */
    public static final HandlerSettings DEFAULTS = new HandlerSettings(false, true);
}
