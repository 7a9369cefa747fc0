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
}
