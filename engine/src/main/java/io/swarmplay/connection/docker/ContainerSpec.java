package io.swarmplay.connection.docker;

import java.util.List;
import java.util.Map;

/**
 * What to create a container from. Null (or empty) fields are left to the engine and the image.
 *
 * @param networks    the first is the network the container is created on (unless {@code networkMode}
 *                    says otherwise); the others are connected after creation, before start
 * @param stopTimeout seconds a stop waits before SIGKILL, or null for the engine's default
 * @param devices     {@code /dev/host[:/dev/container[:rwm]]}
 */
public record ContainerSpec(String name, String image, List<String> command, List<String> entrypoint,
                            Map<String, String> env, Map<String, String> labels, String hostname, String user,
                            String workingDir, List<PortSpec> ports, List<MountSpec> mounts,
                            List<NetworkAttachment> networks, String networkMode, String pidMode, boolean tty,
                            boolean interactive, String restartPolicy, boolean autoRemove, Integer stopTimeout,
                            Boolean init, List<String> capabilities, List<String> devices) {

    public ContainerSpec {
        command = command == null ? List.of() : List.copyOf(command);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        networks = networks == null ? List.of() : List.copyOf(networks);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
