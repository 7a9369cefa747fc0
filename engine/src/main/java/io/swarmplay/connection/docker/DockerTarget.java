package io.swarmplay.connection.docker;

import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.UnixSocketForwarding;

import java.util.Map;

/**
 * Where a host's engine is and how to get there, from the host's variables: {@code docker_host}
 * (default {@code unix:///var/run/docker.sock}), {@code docker_tls_verify}, {@code docker_cert_path}.
 * A {@code unix://} socket of a remote host is reached through the host's connection
 * ({@link UnixSocketForwarding}, e.g. SSH); {@code tcp://} is reached directly from the control node.
 *
 * @param hostName  the inventory name, for messages
 * @param given     {@code docker_host} as configured
 * @param forwarded true when the socket is the remote host's and must be forwarded
 * @param tlsVerify {@code docker_tls_verify}
 * @param certPath  {@code docker_cert_path}, or null
 */
record DockerTarget(String hostName, String given, boolean forwarded, boolean tlsVerify, String certPath) {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /** Reads the settings; no I/O. A remote unix socket without a forwarding connection is an error now. */
    static DockerTarget of(ConnectionSettings settings, Connection connection) {
        Map<String, Object> vars = settings.vars();
        String given = string(vars.get("docker_host"), DEFAULT_HOST);
        if (!given.startsWith("unix://") && !given.startsWith("tcp://")) {
            throw new ConnectionException("cannot reach Docker on " + settings.hostName() + ": docker_host '" + given
                    + "' is not unix:///path or tcp://host:port");
        }
        boolean local = "local".equals(settings.type());
        boolean forwarded = given.startsWith("unix://") && !local;
        if (forwarded && !(connection instanceof UnixSocketForwarding)) {
            throw new ConnectionException("cannot reach Docker on " + settings.hostName() + ": " + given
                    + " is on the remote host and its connection (" + connection.describe()
                    + ") cannot forward unix sockets; set docker_host to tcp://host:port");
        }
        boolean tls = Boolean.parseBoolean(string(vars.get("docker_tls_verify"), "false"));
        return new DockerTarget(settings.hostName(), given, forwarded, tls, string(vars.get("docker_cert_path"), null));
    }

    /** The address docker-java connects to: the socket itself, or the local end of its forwarding. */
    String connectTo(Connection connection) {
        if (!forwarded) return given;
        String remote = given.substring("unix://".length());
        return "unix://" + ((UnixSocketForwarding) connection).forwardUnixSocket(remote);
    }

    /** For messages: the address as configured, and how it is reached. */
    String describe() {
        return given + (forwarded ? " (forwarded over the host's connection)" : "");
    }

    private static String string(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
