package io.swarmplay.connection.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link DockerReader#readOnly}: forwards the reading methods and is nothing else, so no cast reaches a writer. */
final class ReadOnlyDocker implements DockerReader {

    private final DockerReader engine;

    ReadOnlyDocker(DockerReader engine) {
        this.engine = engine;
    }

    @Override
    public String describe() {
        return engine.describe();
    }

    @Override
    public String address() {
        return engine.address();
    }

    @Override
    public String serverVersion() {
        return engine.serverVersion();
    }

    @Override
    public Optional<ContainerState> inspectContainer(String nameOrId) {
        return engine.inspectContainer(nameOrId);
    }

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, String ancestor) {
        return engine.listContainers(labels, ancestor);
    }

    @Override
    public List<String> logTail(String id, int lines) {
        return engine.logTail(id, lines);
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<String> onLine, Runnable onEnd) {
        return engine.followLogs(id, onLine, onEnd);
    }

    @Override
    public List<TarFile> copyOut(String id, String path) {
        return engine.copyOut(id, path);
    }

    @Override
    public Optional<PathStat> statPath(String id, String path) {
        return engine.statPath(id, path);
    }

    @Override
    public Optional<ArchiveEntry> archiveEntry(String id, String path) {
        return engine.archiveEntry(id, path);
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return engine.inspectImage(reference);
    }

    @Override
    public List<ImageInfo> listImages() {
        return engine.listImages();
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        return engine.inspectVolume(name);
    }

    @Override
    public List<VolumeInfo> listVolumes(Map<String, String> labels) {
        return engine.listVolumes(labels);
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        return engine.inspectNetwork(name);
    }

    @Override
    public List<NetworkInfo> listNetworksNamed(String name) {
        return engine.listNetworksNamed(name);
    }

    @Override
    public List<NetworkInfo> listNetworks(Map<String, String> labels) {
        return engine.listNetworks(labels);
    }

    @Override
    public Optional<Map<String, Object>> inspect(DockerObject kind, String nameOrId) {
        return engine.inspect(kind, nameOrId);
    }

    @Override
    public Object read(String path, Map<String, String> query) {
        return engine.read(path, query);
    }
}
