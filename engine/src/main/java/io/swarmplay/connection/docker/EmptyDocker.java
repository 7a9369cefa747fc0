package io.swarmplay.connection.docker;

import io.swarmplay.connection.StateUnknownException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine of a fresh host, for {@code --plan --offline}: no containers, images, volumes or
 * networks, so every object a playbook declares is planned as a create. A container an earlier
 * step of the plan creates is there, in a state known after apply; one nothing creates is missing
 * for good. What only a running engine can tell (its version, logs, files in containers, API
 * answers) is known after apply.
 */
final class EmptyDocker implements DockerReader {

    private static final String CONTAINER = "docker_container";

    private final io.swarmplay.connection.EarlierSteps earlier;

    EmptyDocker(io.swarmplay.connection.EarlierSteps earlier) {
        this.earlier = earlier;
    }

    @Override
    public boolean inspectEmptyIsFinal() {
        return true;
    }

    @Override
    public String describe() {
        return "the engine of a fresh host (--offline)";
    }

    @Override
    public String serverVersion() {
        throw unknown("the Docker engine's version");
    }

    @Override
    public Optional<ContainerState> inspectContainer(String nameOrId) {
        createdEarlier(nameOrId);
        return Optional.empty();
    }

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, String ancestor) {
        return List.of();
    }

    @Override
    public List<String> logTail(String id, int lines) {
        createdEarlier(id);
        return List.of();
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<String> onLine, Runnable onEnd) {
        throw unknown("the output of container " + id);
    }

    @Override
    public List<TarFile> copyOut(String id, String path) {
        createdEarlier(id);
        throw new DockerException("container " + id + " does not exist on a fresh host");
    }

    @Override
    public Optional<PathStat> statPath(String id, String path) {
        createdEarlier(id);
        throw new DockerException("container " + id + " does not exist on a fresh host");
    }

    @Override
    public Optional<ArchiveEntry> archiveEntry(String id, String path) {
        createdEarlier(id);
        throw new DockerException("container " + id + " does not exist on a fresh host");
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return Optional.empty();
    }

    @Override
    public List<ImageInfo> listImages() {
        return List.of();
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        return Optional.empty();
    }

    @Override
    public List<VolumeInfo> listVolumes(Map<String, String> labels) {
        return List.of();
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        return Optional.empty();
    }

    @Override
    public List<NetworkInfo> listNetworksNamed(String name) {
        return List.of();
    }

    @Override
    public List<NetworkInfo> listNetworks(Map<String, String> labels) {
        return List.of();
    }

    @Override
    public Optional<Map<String, Object>> inspect(DockerObject kind, String nameOrId) {
        return Optional.empty();
    }

    @Override
    public Object read(String path, Map<String, String> query) {
        throw unknown("the engine's answer to " + path);
    }

    /** A container an earlier step creates is there, but what it holds is known after apply. */
    private void createdEarlier(String container) {
        if (earlier.create(CONTAINER, container)) throw unknown("container " + container + " as the earlier step that creates it leaves it");
    }

    private static StateUnknownException unknown(String what) {
        return new StateUnknownException(what);
    }
}
