package io.swarmplay.modules.docker.container;

import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Options;

import java.util.Map;

/**
 * What converting an option may need: all declared options, the task's other arguments
 * ({@code name}, {@code command_handling}, {@code image_label_mismatch}), the image the
 * container is compared with (its inspect output, or null), the host and its engine.
 */
public record OptionContext(Options options, String containerName, String commandHandling, String imageLabelMismatch,
                            String defaultHostIp,
                            Map<String, Object> image, HostView host, DockerReader docker) {

    /** The image's {@code Config.<key>}, or null. */
    public Object imageConfig(String key) {
        return image == null ? null : ApiValues.get(image, "Config." + key);
    }
}
