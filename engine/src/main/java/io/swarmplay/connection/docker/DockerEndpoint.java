package io.swarmplay.connection.docker;

import io.swarmplay.connection.ExecResult;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host's Docker engine, as the Docker modules need it to apply: the {@link DockerReader}
 * methods plus every method that changes the engine. Only {@code apply} reaches it, with
 * {@code host.extension(DockerEndpoint.class)} on a {@code HostSession}; {@code plan} gets a
 * {@link DockerReader} view. {@link DockerEndpointFactory} builds one per host.
 *
 * <p>Contract: as {@link DockerReader}; in addition, {@code stop} and {@code remove} of something
 * already stopped or gone do nothing. Names and IDs are interchangeable wherever the engine
 * accepts both.
 */
public interface DockerEndpoint extends DockerReader, AutoCloseable {

    // ---- containers

    /** Creates (never starts) the container and connects its extra networks; returns its ID. */
    String createContainer(ContainerSpec spec);

    void startContainer(String id);

    /** Stops gracefully, SIGKILL after {@code timeout} (null: the container's own stop timeout). */
    void stopContainer(String id, Duration timeout);

    /** Removes the container (and its anonymous volumes); {@code force} kills it first when running. */
    void removeContainer(String id, boolean force);

    /** Waits for the container to exit; its exit code, or empty when {@code timeout} passed first. */
    Optional<Long> waitContainer(String id, Duration timeout);

    /** Runs a process in a running container (no stdin; see {@link ExecSpec}). */
    ExecResult exec(String id, ExecSpec spec);

    /** Starts {@code spec} in the container and returns at once, with the exec's ID. */
    String execDetached(String id, ExecSpec spec);

    /** Copies files into the container under {@code dir}, which must exist; modes are kept. */
    void copyIn(String id, String dir, List<TarFile> files);

    /** Writes one entry (with its owner, group and mode) into the container's directory {@code dir}, replacing what is there. */
    void putArchive(String id, String dir, ArchiveEntry entry);

    // ---- images

    void removeImage(String reference, boolean force);

    /** {@code docker load} of a tar stream (the stream is read to its end, not closed). */
    void loadImage(InputStream tar);

    /** {@code docker save} of one image into {@code out} (e.g. to load it on another host's engine). */
    void saveImage(String reference, java.io.OutputStream out);

    /** Builds from a control-node context directory (sent as a tar); returns the image ID. */
    String buildImage(Path contextDir, String dockerfile, Map<String, String> args, List<String> tags);

    /**
     * Builds an image from the context directory {@code contextDir} (sent as a tar) with
     * {@code build}'s settings; the build's output lines ({@code stream} and {@code status}
     * messages). A failed build is a {@link DockerException}: {@code code: C, message: M, logs: [...]}.
     */
    List<String> buildImage(Path contextDir, ImageBuild build);

    /** Pulls {@code repository:tag}, with {@code auth} when not null. */
    void pullImage(String repository, String tag, RegistryAuth auth);

    void tagImage(String reference, String repository, String tag);

    // ---- volumes

    void createVolume(String name, String driver, Map<String, String> labels);

    void removeVolume(String name);

    // ---- networks

    String createNetwork(NetworkSpec spec);

    void removeNetwork(String name);

    void connectNetwork(String network, String container, NetworkAttachment attachment);

    void disconnectNetwork(String network, String container);

    // ---- pruning: the engine's answers use Docker's key names (ContainersDeleted, SpaceReclaimed, ...)

    /**
     * Prunes unused objects of {@code kind} the way {@code docker <kind> prune} does (the engine
     * never prunes a running container, nor a network or volume in use), chosen by Docker's
     * prune {@code filters} ({@code label}, {@code until}, ...); the engine's answer
     * ({@code ContainersDeleted}, {@code SpaceReclaimed}, ...).
     */
    Map<String, Object> prune(DockerObject kind, Map<String, List<String>> filters);

    /** Prunes the builder cache; the engine's answer ({@code SpaceReclaimed}). */
    Map<String, Object> pruneBuildCache();

    /** Docker's {@code filters} query value for {@code filters}. */
    static String filtersJson(Map<String, List<String>> filters) {
        return EngineApi.filters(filters);
    }

    // ---- containers as the Engine API describes them (community.docker's docker_container)

    /** The key of a create body whose value is sent as the request's {@code platform} query parameter (API 1.41). */
    String PLATFORM_QUERY = "platform";

    /**
     * Creates (never starts) a container from an Engine API create body ({@code Image},
     * {@code Cmd}, {@code HostConfig}, {@code NetworkingConfig}, ...; a {@link #PLATFORM_QUERY}
     * key goes into the query); its ID and the engine's warnings.
     */
    CreatedContainer createContainer(String name, Map<String, Object> body);

    /** {@code docker update}: changes resource limits and the restart policy in place; the engine's warnings. */
    List<String> updateContainer(String id, Map<String, Object> body);

    void pauseContainer(String id);

    void unpauseContainer(String id);

    /** Restarts; SIGKILL after {@code timeout} (null: the container's own stop timeout). */
    void restartContainer(String id, Duration timeout);

    /** Sends {@code signal} (null: SIGKILL) to the container's main process. */
    void killContainer(String id, String signal);

    /** Creates a network from an Engine API create body ({@code Name}, {@code Driver}, {@code IPAM}, ...); its ID. */
    String createNetwork(Map<String, Object> body);

    /** Creates a volume from an Engine API create body ({@code Name}, {@code Driver}, {@code DriverOpts}, {@code Labels}). */
    void createVolume(Map<String, Object> body);

    /** Releases the client (and nothing on the engine). Never throws. */
    @Override
    void close();
}
