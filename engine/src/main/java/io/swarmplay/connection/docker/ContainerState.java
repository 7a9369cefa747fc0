package io.swarmplay.connection.docker;

import java.util.List;
import java.util.Map;

/**
 * A container as {@code docker inspect} reports it, normalised: the name without its leading
 * slash, env as a map (container env plus the image's), labels merged with the image's, mounts
 * of both kinds as {@link MountSpec}s, ports with an empty host address for "all", the restart
 * policy {@code no} when unset.
 *
 * @param image    the image reference the container was created with ({@code Config.Image})
 * @param imageId  the resolved image ID ({@code sha256:...})
 * @param status   {@code created}, {@code running}, {@code exited}, ...
 * @param exitCode the last exit code (0 while running)
 * @param health   {@code healthy}, {@code unhealthy}, {@code starting}, or null without a healthcheck
 * @param networks by network name; {@code ipv4Address} is the address the container got
 */
public record ContainerState(String id, String name, String image, String imageId, String status, boolean running,
                             long exitCode, String health, List<String> command, List<String> entrypoint,
                             Map<String, String> env, Map<String, String> labels, String hostname, String user,
                             String workingDir, List<PortSpec> ports, List<MountSpec> mounts,
                             Map<String, NetworkAttachment> networks, String networkMode, String pidMode, boolean tty,
                             boolean interactive, String restartPolicy, boolean autoRemove, boolean init,
                             List<String> capabilities, List<String> devices) {

    public ContainerState {
        command = command == null ? List.of() : List.copyOf(command);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        networks = networks == null ? Map.of() : Map.copyOf(networks);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
