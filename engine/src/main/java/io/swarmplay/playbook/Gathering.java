package io.swarmplay.playbook;

/**
 * Ansible's {@code gathering} setting ({@code ANSIBLE_GATHERING}): when a play without a
 * {@code gather_facts} keyword gathers facts.
 */
public enum Gathering {
    /** Every play gathers unless it says {@code gather_facts: false} (Ansible's default). */
    IMPLICIT,
    /** Only plays that say {@code gather_facts: true} gather. */
    EXPLICIT,
    /** As implicit, but a host whose facts this run gathered already is not gathered again. */
    SMART;

    /** The setting's value ({@code implicit}, {@code explicit}, {@code smart}; anything else is implicit, as in Ansible). */
    public static Gathering of(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "explicit" -> EXPLICIT;
            case "smart" -> SMART;
            default -> IMPLICIT;
        };
    }
}
