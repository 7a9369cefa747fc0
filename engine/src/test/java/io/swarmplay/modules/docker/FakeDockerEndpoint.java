package io.swarmplay.modules.docker;

import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.docker.ContainerSpec;
import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.ContainerSummary;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerException;
import io.swarmplay.connection.docker.ExecSpec;
import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.connection.docker.NetworkSpec;
import io.swarmplay.connection.docker.RegistryAuth;
import io.swarmplay.connection.docker.TarFile;
import io.swarmplay.connection.docker.VolumeInfo;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An in-memory engine for module case tests: canned containers, images, volumes and networks;
 * every call that would change the engine is recorded as one line ({@code start id-web}) and
 * otherwise does nothing. Reads answer from the canned state.
 */
final class FakeDockerEndpoint implements DockerEndpoint {

    final Map<String, ContainerState> containers = new LinkedHashMap<>();
    final Map<String, ImageInfo> images = new LinkedHashMap<>();
    final Map<String, VolumeInfo> volumes = new LinkedHashMap<>();
    final Map<String, NetworkInfo> networks = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public String serverVersion() {
        return "20.10.24";
    }

    @Override
    public Optional<ContainerState> inspectContainer(String nameOrId) {
        return containers.values().stream().filter(c -> c.name().equals(nameOrId) || c.id().equals(nameOrId)).findFirst();
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        String name = spec.name().replaceFirst("^(swarmplay-helper)-[0-9a-f]{8}$", "$1"); // helpers get a random suffix
        calls.add("create " + name + " from " + spec.image());
        return "id-" + name + "-new";
    }

    @Override
    public void startContainer(String id) {
        calls.add("start " + id);
    }

    @Override
    public void stopContainer(String id, Duration timeout) {
        calls.add("stop " + id);
    }

    @Override
    public void removeContainer(String id, boolean force) {
        calls.add("remove " + id + (force ? " (force)" : ""));
    }

    @Override
    public Optional<Long> waitContainer(String id, Duration timeout) {
        return Optional.of(0L);
    }

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, String ancestor) {
        return containers.values().stream().filter(c -> c.labels().entrySet().containsAll(labels.entrySet()))
                .filter(c -> ancestor == null || ancestor.equals(c.image()))
                .map(c -> new ContainerSummary(c.id(), c.name(), c.image(), c.status(), c.labels())).toList();
    }

    @Override
    public List<String> logTail(String id, int lines) {
        return List.of();
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<String> onLine, Runnable onEnd) {
        return () -> { };
    }

    @Override
    public ExecResult exec(String id, ExecSpec spec) {
        calls.add("exec " + id + " " + String.join(" ", spec.argv()));
        return new ExecResult(0, "", "", null, false, Duration.ZERO);
    }

    @Override
    public void copyIn(String id, String dir, List<TarFile> files) {
        calls.add("copy into " + id + ":" + dir + " " + files.stream().map(TarFile::path).toList());
    }

    @Override
    public List<TarFile> copyOut(String id, String path) {
        throw new DockerException("no " + path + " in the fake container " + id);
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public List<ImageInfo> listImages() {
        return List.copyOf(images.values());
    }

    @Override
    public void removeImage(String reference, boolean force) {
        calls.add("remove image " + reference);
    }

    @Override
    public void loadImage(InputStream tar) {
        calls.add("load image");
    }

    @Override
    public void saveImage(String reference, OutputStream out) {
        calls.add("save image " + reference);
    }

    @Override
    public String buildImage(Path contextDir, String dockerfile, Map<String, String> args, List<String> tags) {
        calls.add("build " + tags);
        return "sha256:built";
    }

    @Override
    public void pullImage(String repository, String tag, RegistryAuth auth) {
        calls.add("pull " + repository + ":" + tag + (auth == null ? "" : " as " + auth.username()));
    }

    @Override
    public void tagImage(String reference, String repository, String tag) {
        calls.add("tag " + reference + " " + repository + ":" + tag);
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        return Optional.ofNullable(volumes.get(name));
    }

    @Override
    public void createVolume(String name, String driver, Map<String, String> labels) {
        calls.add("create volume " + name);
    }

    @Override
    public void removeVolume(String name) {
        calls.add("remove volume " + name);
    }

    @Override
    public List<VolumeInfo> listVolumes(Map<String, String> labels) {
        return volumes.values().stream().filter(v -> v.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    @Override
    public java.util.List<NetworkInfo> listNetworksNamed(String name) {
        return networks.values().stream().filter(n -> n.name().equals(name)).toList();
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        calls.add("create network " + spec.name() + (spec.subnet() == null ? "" : " " + spec.subnet()));
        return "net-" + spec.name();
    }

    @Override
    public void removeNetwork(String name) {
        calls.add("remove network " + name);
    }

    @Override
    public void connectNetwork(String network, String container, NetworkAttachment attachment) {
        calls.add("connect " + container + " to " + network);
    }

    @Override
    public void disconnectNetwork(String network, String container) {
        calls.add("disconnect " + container + " from " + network);
    }

    @Override
    public List<NetworkInfo> listNetworks(Map<String, String> labels) {
        return networks.values().stream().filter(n -> n.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    @Override
    public void close() {
    }

    @Override
    public Optional<Map<String, Object>> inspect(io.swarmplay.connection.docker.DockerObject kind, String nameOrId) {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> prune(io.swarmplay.connection.docker.DockerObject kind, Map<String, List<String>> filters) {
        calls.add("prune " + kind.noun() + "s " + filters);
        return Map.of("SpaceReclaimed", 0);
    }

    @Override
    public Map<String, Object> pruneBuildCache() {
        calls.add("prune the builder cache");
        return Map.of("SpaceReclaimed", 0);
    }

    @Override
    public Object read(String path, Map<String, String> query) {
        return Map.of();
    }
}
