package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Options;
import io.swarmplay.module.TableArg;

import java.util.List;

/**
 * community.docker's common arguments ({@code DOCKER_COMMON_ARGS} of 3.4.7), taken by every
 * community.docker module: how to reach the engine ({@code docker_host}, TLS, {@code api_version},
 * {@code timeout}) and {@code debug}. swarmplay reaches one engine per host, configured by the
 * host's variables ({@code docker_host}, {@code docker_tls_verify}, {@code docker_cert_path}):
 * a task's {@code docker_host} must name that engine, and a task that points elsewhere fails
 * instead of silently using the host's. The TLS arguments, {@code api_version} (the engine's
 * own version is negotiated), {@code timeout} and {@code debug} (more output in community.docker)
 * are accepted and change nothing.
 */
public final class DockerCommonArgs implements ArgTable {

    /** A module's arguments record that takes the common arguments as its {@code connection} component. */
    public interface Taker {
        Options connection();
    }

    private static final List<TableArg> ARGS = List.of(
            arg("docker_host", String.class, List.of("docker_url"), "The engine (unix:///path, tcp://host:port); must be the host's own (its docker_host variable)."),
            arg("tls_hostname", String.class, List.of(), "Expected host name of the engine's TLS certificate (accepted, not used)."),
            arg("api_version", String.class, List.of("docker_api_version"), "Engine API version; 'auto' (the engine's own is always used)."),
            arg("timeout", Long.class, List.of(), "Seconds to wait for the engine's answers (accepted, not used)."),
            arg("ca_cert", String.class, List.of("tls_ca_cert", "cacert_path"), "CA certificate of the engine (use the host's docker_cert_path)."),
            arg("client_cert", String.class, List.of("tls_client_cert", "cert_path"), "Client certificate (use the host's docker_cert_path)."),
            arg("client_key", String.class, List.of("tls_client_key", "key_path"), "Client key (use the host's docker_cert_path)."),
            arg("ssl_version", String.class, List.of(), "SSL version (accepted, not used)."),
            arg("tls", Boolean.class, List.of(), "Use TLS (use the host's docker_tls_verify)."),
            arg("use_ssh_client", Boolean.class, List.of(), "Use the ssh CLI (accepted; swarmplay forwards the socket itself)."),
            arg("validate_certs", Boolean.class, List.of("tls_verify"), "Verify the engine's certificate (use the host's docker_tls_verify)."),
            arg("debug", Boolean.class, List.of(), "More output in community.docker (accepted, no effect)."));

    private static TableArg arg(String name, Class<?> type, List<String> aliases, String description) {
        return new TableArg(name, type, aliases, List.of(), description);
    }

    @Override
    public List<TableArg> args() {
        return ARGS;
    }

    /** Fails when the task's {@code docker_host} is another engine than the host's ({@code docker}). */
    static void check(Object args, DockerReader docker, String hostName) {
        if (!(args instanceof Taker taker) || taker.connection() == null || !taker.connection().has("docker_host")) return;
        if (docker.address() == null) return;
        String wanted = normal(taker.connection().get("docker_host"));
        String own = normal(docker.address());
        if (!wanted.equals(own)) {
            throw new ModuleException("docker_host '" + wanted + "' is not the engine of " + hostName + " (" + own
                    + "): swarmplay reaches one engine per host; set the host variable docker_host instead");
        }
    }

    /** {@code unix://var/run/docker.sock} (community.docker's spelling) and {@code unix:///var/run/docker.sock} alike. */
    static String normal(String address) {
        String a = address.strip();
        if (a.startsWith("unix://") && !a.startsWith("unix:///")) return "unix:///" + a.substring("unix://".length());
        return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    }
}
