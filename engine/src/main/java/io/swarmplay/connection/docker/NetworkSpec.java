package io.swarmplay.connection.docker;

import java.util.Map;

/** What to create a network from; null driver means {@code bridge}, null subnet lets the engine choose. */
public record NetworkSpec(String name, String driver, String subnet, String gateway, Map<String, String> labels) {

    public NetworkSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
