package io.swarmplay.connection;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach one host, from its (rendered) connection variables.
 *
 * @param hostName   the inventory name, for messages
 * @param type       {@code local} or {@code ssh}
 * @param address    {@code ansible_host}, else the inventory name
 * @param port       {@code ansible_port}, else 22
 * @param user       {@code ansible_user}, or null for the current user
 * @param keyFile    {@code ansible_ssh_private_key_file}, or null
 * @param timeout    connect timeout
 * @param vars       every rendered host variable, for settings a connection type reads itself
 */
public record ConnectionSettings(String hostName, String type, String address, int port, String user,
                                 String keyFile, Duration timeout, Map<String, Object> vars) {

    /**
     * The settings of a host from its rendered variables: {@code ansible_host} (else the name),
     * {@code ansible_connection} (else {@code local} for {@code localhost}, {@code ssh} otherwise),
     * {@code ansible_port} (22), {@code ansible_user}, {@code ansible_ssh_private_key_file},
     * {@code ansible_timeout} (10 s).
     */
    public static ConnectionSettings from(String hostName, Map<String, Object> vars) {
        String address = string(vars.get("ansible_host"), hostName);
        String type = string(vars.get("ansible_connection"), hostName.equals("localhost") ? "local" : "ssh");
        int port = (int) number(vars, "ansible_port", 22, 65535);
        String user = string(vars.get("ansible_user"), null);
        String key = string(vars.get("ansible_ssh_private_key_file"), null);
        Duration timeout = Duration.ofSeconds(number(vars, "ansible_timeout", 10, 86400));
        return new ConnectionSettings(hostName, type, address, port, user, key, timeout, vars);
    }

    /** The host variables, besides the fields, that a connection type reads when it logs in. */
    private static final java.util.List<String> LOGIN_VARS = java.util.List.of("ansible_ssh_args", "ansible_ssh_common_args",
            "ansible_ssh_extra_args", "ssh_known_hosts", "host_key_checking", "ansible_host_key_checking",
            "ssh_max_sessions");
    /** The variables that change a login only under {@code become}. */
    private static final java.util.List<String> BECOME_VARS = java.util.List.of("ansible_become_user",
            "ansible_become_method", "ansible_become_exe", "ansible_become_flags");

    /**
     * Whether a connection opened with these settings logs in as one opened with {@code other} would.
     * {@code become} counts by its truth ({@code false} as a step renders it and absent, as the host's
     * variables give it, are one login), its user, method, exe and flags only when it is on.
     */
    public boolean sameLogin(ConnectionSettings other) {
        return hostName.equals(other.hostName) && type.equals(other.type) && address.equals(other.address)
                && port == other.port && java.util.Objects.equals(user, other.user)
                && java.util.Objects.equals(keyFile, other.keyFile) && timeout.equals(other.timeout)
                && sameValues(LOGIN_VARS, other) && become() == other.become() && (!become() || sameValues(BECOME_VARS, other));
    }

    private boolean sameValues(java.util.List<String> names, ConnectionSettings other) {
        return names.stream().allMatch(v -> java.util.Objects.equals(vars.get(v), other.vars.get(v)));
    }

    /** True when the host logs in as one user and runs commands as another ({@code become}). */
    public boolean become() {
        return Become.truthy(vars.get("ansible_become"));
    }

    // a rendered value that is not a number is the host's problem (unreachable), not the command line's
    private static long number(Map<String, Object> vars, String name, long fallback, long max) {
        Object value = vars.get(name);
        if (value == null) return fallback;
        try {
            long n = Long.parseLong(String.valueOf(value).strip());
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectionException(name + " must be a whole number from 1 to " + max + ", got '" + value + "'");
    }

    private static String string(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }
}
