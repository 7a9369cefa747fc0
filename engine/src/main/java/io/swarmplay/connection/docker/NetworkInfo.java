package io.swarmplay.connection.docker;

import java.util.Map;

/**
 * A network: driver, first IPAM subnet and gateway (null when the engine chose them), labels, and
 * the containers attached to it (ID → name).
 */
public record NetworkInfo(String id, String name, String driver, String subnet, String gateway,
                          Map<String, String> labels, Map<String, String> containers) {

    public NetworkInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        containers = containers == null ? Map.of() : Map.copyOf(containers);
    }
}
