package io.swarmplay.connection.docker;

import java.util.Map;

/** A named volume: its driver, labels and where its data lives on the host. */
public record VolumeInfo(String name, String driver, Map<String, String> labels, String mountpoint) {

    public VolumeInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
