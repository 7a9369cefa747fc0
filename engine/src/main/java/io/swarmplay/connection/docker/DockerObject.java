package io.swarmplay.connection.docker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The kinds of engine object that have an inspect and a prune request. */
public enum DockerObject {
    CONTAINER("/containers/%s/json", "/containers/prune"),
    IMAGE("/images/%s/json", "/images/prune"),
    NETWORK("/networks/%s", "/networks/prune"),
    VOLUME("/volumes/%s", "/volumes/prune");

    private final String inspectPath;
    private final String prunePath;

    DockerObject(String inspectPath, String prunePath) {
        this.inspectPath = inspectPath;
        this.prunePath = prunePath;
    }

    /** The inspect path of {@code nameOrId}; {@code /} and {@code :} stay as they are (image references), like docker-py. */
    String inspectPath(String nameOrId) {
        String encoded = URLEncoder.encode(nameOrId, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2F", "/").replace("%3A", ":");
        return inspectPath.formatted(encoded);
    }

    String prunePath() {
        return prunePath;
    }

    /** {@code container}, {@code image}, ... for messages. */
    public String noun() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
