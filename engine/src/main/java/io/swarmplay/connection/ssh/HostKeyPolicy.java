package io.swarmplay.connection.ssh;

import java.util.Locale;

/**
 * What to do with a host key that no known_hosts file lists. A key that differs from a listed
 * one (a CHANGED key) is refused under every policy.
 */
public enum HostKeyPolicy {
    /** Refuse unknown keys (the default; never prompts). */
    STRICT,
    /** Record unknown keys into the first known_hosts file, then accept them. */
    ACCEPT_NEW,
    /** Accept unknown keys without recording them. */
    OFF;

    /**
     * Reads {@code host_key_checking} ({@code strict|true|yes}, {@code accept-new},
     * {@code false|off|no}) or OpenSSH's {@code StrictHostKeyChecking} values.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static HostKeyPolicy parse(Object value) {
        String v = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "strict": case "true": case "yes": case "on": case "1": return STRICT;
            case "accept-new": case "accept_new": return ACCEPT_NEW;
            case "false": case "off": case "no": case "0": return OFF;
            default: throw new IllegalArgumentException("host_key_checking must be strict, accept-new or false, not '"
                    + value + "'");
        }
    }
}
