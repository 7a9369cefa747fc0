package io.swarmplay.connection.docker;

import java.util.List;
import java.util.Map;

/**
 * An image on the engine.
 *
 * @param id       {@code sha256:...}
 * @param repoTags {@code repo:tag} references pointing at it
 * @param labels   the image's labels
 * @param created  creation time as the engine reports it
 */
public record ImageInfo(String id, List<String> repoTags, Map<String, String> labels, String created) {

    public ImageInfo {
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
