package io.swarmplay.connection.docker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published port, as {@code docker run -p} writes it: {@code [hostIp:][hostPort:]containerPort[/protocol]},
 * e.g. {@code 127.0.0.1:8080:80}, {@code 8080:80/udp}, {@code 80}.
 *
 * @param hostIp        the host address; empty for all addresses
 * @param hostPort      the host port; empty for an ephemeral one
 * @param containerPort the port inside the container
 * @param protocol      {@code tcp} or {@code udp}
 */
public record PortSpec(String hostIp, String hostPort, int containerPort, String protocol) {

    private static final Pattern FORM = Pattern.compile("(?:(?:\\[?([0-9a-fA-F.:]+?)]?:)?(\\d*):)?(\\d+)(?:/(tcp|udp|sctp))?");

    public PortSpec {
        hostIp = hostIp == null || hostIp.equals("0.0.0.0") ? "" : hostIp;
        hostPort = hostPort == null ? "" : hostPort;
        protocol = protocol == null ? "tcp" : protocol;
    }

    /** Parses the {@code docker run -p} form; an {@link IllegalArgumentException} names what is wrong. */
    public static PortSpec parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("published port '" + text
                    + "' is not of the form [host_ip:][host_port:]container_port[/tcp|udp]");
        }
        return new PortSpec(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4));
    }

    @Override
    public String toString() {
        String host = hostIp.isEmpty() ? hostPort : hostIp + ":" + hostPort;
        return (host.isEmpty() ? "" : host + ":") + containerPort + "/" + protocol;
    }
}
