package io.swarmplay.connection.docker;

import java.util.Map;

/** One row of {@code docker ps -a}: ID, name (without slash), image reference, state and labels. */
public record ContainerSummary(String id, String name, String image, String state, Map<String, String> labels) {

    public ContainerSummary {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
