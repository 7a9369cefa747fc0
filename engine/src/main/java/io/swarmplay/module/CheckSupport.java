package io.swarmplay.module;

/**
 * Whether a module can predict its change without acting: FULL, or NONE (command, shell: check
 * mode skips them unless {@code creates}/{@code removes} make them predictable), or one of the
 * ways Ansible's check mode skips a module that has no check mode at all, each with Ansible's
 * message for it ({@link #skipMessage(String)}). Those skip in check mode only; a plan still
 * previews them.
 */
public enum CheckSupport {
    FULL(null),
    NONE(null),
    /** Ansible's fetch action: "check mode not (yet) supported for this module". */
    SKIP("check mode not (yet) supported for this module"),
    /**
     * A Python module without {@code supports_check_mode} (tempfile, wait_for): AnsibleModule skips
     * itself, naming the action as the task wrote it.
     */
    SKIP_REMOTE("remote module (%s) does not support check mode"),
    /** An action plugin that sets {@code _supports_check_mode = False} (assemble). */
    SKIP_ACTION("check mode is not supported for this task."),
    /** An action plugin that returns {@code skipped} without a message (raw, wait_for_connection). */
    SKIP_SILENT(null);

    private final String message;

    CheckSupport(String message) {
        this.message = message;
    }

    /** True when check mode skips the module without asking it anything. */
    public boolean skipsInCheckMode() {
        return this == SKIP || this == SKIP_REMOTE || this == SKIP_ACTION || this == SKIP_SILENT;
    }

    /** Ansible's {@code msg} of the skip, for the {@code action} as the task wrote it; null when it has none. */
    public String skipMessage(String action) {
        return message == null ? null : message.replace("%s", action);
    }
}
