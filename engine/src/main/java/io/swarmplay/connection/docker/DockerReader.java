package io.swarmplay.connection.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One host's Docker engine, read-only: inspect, list, logs and read-only Engine API requests.
 * This is all a module's {@code plan} gets ({@code host.extension(DockerReader.class)}), so a plan
 * cannot change an engine by construction: no method here writes, and the object plan receives is
 * a {@link #readOnly view} that is not a {@link DockerEndpoint}, so no cast reaches the writers.
 *
 * <p>Contract: thread-safe; the engine is contacted lazily, on the first call; inspect methods
 * answer empty for a missing object; an unreachable engine is a
 * {@link io.swarmplay.connection.ConnectionException}, a refused request a {@link DockerException}.
 */
public interface DockerReader {

    /** Where the engine is, for messages: {@code unix:///var/run/docker.sock (via ssh)}. */
    String describe();

    /** The {@code docker_host} address the engine is reached at ({@code unix:///...}, {@code tcp://...}); null when there is none. */
    default String address() {
        return null;
    }

    /**
     * Whether {@link #inspectContainer}'s empty answer is final (the container stays missing):
     * true for a fresh host's engine in an offline plan, which knows every container the plan's
     * earlier steps create (it answers those as known after apply); false for a live engine,
     * where an earlier step of the run may still create it.
     */
    default boolean inspectEmptyIsFinal() {
        return false;
    }

    /** The engine's version, e.g. {@code 20.10.24+dfsg1}. */
    String serverVersion();

    Optional<ContainerState> inspectContainer(String nameOrId);

    /** Containers (running or not) carrying all {@code labels} and, when not null, created from {@code ancestor}. */
    List<ContainerSummary> listContainers(Map<String, String> labels, String ancestor);

    /** The last {@code lines} lines of the container's output (stdout and stderr interleaved); all of it when {@code lines <= 0}. */
    List<String> logTail(String id, int lines);

    /**
     * Follows the container's output from its start, one whole line at a time, until closed or
     * until the container stops ({@code onEnd} then runs).
     */
    AutoCloseable followLogs(String id, Consumer<String> onLine, Runnable onEnd);

    /** The regular files at {@code path} (a file, or a directory's files), paths relative to its parent. */
    List<TarFile> copyOut(String id, String path);

    /** What is at {@code path} in the container, without following a final symbolic link; empty when nothing is. */
    Optional<PathStat> statPath(String id, String path);

    /** The entry of {@code path} itself in the container's archive (a file with its bytes, a link, ...); empty when nothing is there. */
    Optional<ArchiveEntry> archiveEntry(String id, String path);

    Optional<ImageInfo> inspectImage(String reference);

    List<ImageInfo> listImages();

    Optional<VolumeInfo> inspectVolume(String name);

    List<VolumeInfo> listVolumes(Map<String, String> labels);

    Optional<NetworkInfo> inspectNetwork(String name);

    /**
     * Every network with exactly this name, oldest first: the engine allows several (two clients
     * creating it at once), and then refuses to inspect or remove it by name ("ambiguous").
     */
    List<NetworkInfo> listNetworksNamed(String name);

    List<NetworkInfo> listNetworks(Map<String, String> labels);

    /** The engine's inspect output of a container, image, network or volume; empty when it does not exist. */
    Optional<Map<String, Object>> inspect(DockerObject kind, String nameOrId);

    /**
     * A read-only Engine API request ({@code /info}, {@code /system/df}, {@code /containers/json}
     * with {@code query}), answered as parsed JSON (maps, lists, strings, numbers, booleans).
     */
    Object read(String path, Map<String, String> query);

    /** {@code engine} seen through this interface only: the object handed to plan steps. */
    static DockerReader readOnly(DockerReader engine) {
        return engine instanceof ReadOnlyDocker view ? view : new ReadOnlyDocker(engine);
    }
}
