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
    public String address() {
        return "unix:///var/run/docker.sock";
    }

    @Override
    public String serverVersion() {
        return "20.10.24";
    }

    /** Files put into containers, by {@code <container id>:<absolute path>}, read back by {@link #copyOut}. */
    final Map<String, TarFile> copied = new java.util.LinkedHashMap<>();

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

    /**
     * Above 0: a container {@link #waitContainer} saw exit is being removed by the engine on its
     * own (auto_remove), and is gone only after this many more inspects; removing it meanwhile
     * does nothing, as the engine answers "removal already in progress".
     */
    int removalInspects;
    private final Map<String, Integer> removing = new java.util.HashMap<>();

    @Override
    public void removeContainer(String id, boolean force) {
        calls.add("remove " + id + (force ? " (force)" : ""));
        if (!removing.containsKey(id)) containers.values().removeIf(c -> c.id().equals(id));
    }

    @Override
    public Optional<Long> waitContainer(String id, Duration timeout) {
        if (removalInspects > 0) removing.put(id, removalInspects);
        return Optional.of(0L);
    }

    /** Counts an inspect of a container being removed; true when that removal has now finished. */
    private boolean removedNow(String id) {
        Integer left = removing.computeIfPresent(id, (k, n) -> n - 1);
        if (left == null || left > 0) return false;
        removing.remove(id);
        containers.values().removeIf(c -> c.id().equals(id));
        return true;
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
    public String execDetached(String id, ExecSpec spec) {
        calls.add("exec detached " + id + " " + String.join(" ", spec.argv()));
        return "exec-1";
    }

    @Override
    public void copyIn(String id, String dir, List<TarFile> files) {
        calls.add("copy into " + id + ":" + dir + " " + files.stream().map(TarFile::path).toList());
        for (TarFile f : files) copied.put(id + ":" + (dir.endsWith("/") ? dir : dir + "/") + f.path(), f);
    }

    /** Files in the fake containers, by "id:path": entries (with their stat) that archiveEntry and statPath answer. */
    final Map<String, io.swarmplay.connection.docker.ArchiveEntry> paths = new LinkedHashMap<>();

    @Override
    public void putArchive(String id, String dir, io.swarmplay.connection.docker.ArchiveEntry entry) {
        calls.add("put " + id + ":" + dir + " " + entry.name() + " " + entry.uid() + ":" + entry.gid() + " "
                + Integer.toOctalString(entry.mode()));
        paths.put(id + ":" + (dir.equals("/") ? "" : dir) + "/" + entry.name(), entry);
    }

    @Override
    public Optional<io.swarmplay.connection.docker.PathStat> statPath(String id, String path) {
        return archiveEntry(id, path).map(e -> new io.swarmplay.connection.docker.PathStat(e.name(), e.content().length,
                e.mode() | switch (e.type()) {
                    case DIRECTORY -> 1L << 31;
                    case SYMLINK -> 1L << 27;
                    default -> 0L;
                }, e.linkName() == null ? "" : e.linkName()));
    }

    @Override
    public Optional<io.swarmplay.connection.docker.ArchiveEntry> archiveEntry(String id, String path) {
        return Optional.ofNullable(paths.get(id + ":" + path));
    }

    @Override
    public List<TarFile> copyOut(String id, String path) {
        TarFile f = copied.get(id + ":" + path);
        if (f == null) throw new DockerException("no " + path + " in the fake container " + id);
        return List.of(new TarFile(path.substring(path.lastIndexOf('/') + 1), f.content(), f.mode()));
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
    public List<String> buildImage(Path contextDir, io.swarmplay.connection.docker.ImageBuild build) {
        calls.add("build " + build.tags() + (build.target() == null ? "" : " target " + build.target()));
        return List.of("Step 1/1 : FROM scratch\n");
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
    public Optional<NetworkInfo> inspectNetwork(String nameOrId) {
        return Optional.ofNullable(networks.get(nameOrId))
                .or(() -> networks.values().stream().filter(n -> n.id().equals(nameOrId)).findFirst());
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
        Map<String, Object> endpoint = attachment.endpointConfig();
        calls.add("connect " + container + " to " + network + (endpoint.isEmpty() ? "" : " " + endpoint));
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
        return switch (kind) {
            case CONTAINER -> inspectContainer(nameOrId).filter(c -> !removedNow(c.id())).map(FakeDockerEndpoint::raw);
            case IMAGE -> Optional.ofNullable(images.get(nameOrId)).or(() -> images.values().stream()
                    .filter(i -> i.id().equals(nameOrId)).findFirst()).map(i -> Map.of("Id", i.id(),
                    "Config", Map.of("Env", List.of(), "Labels", i.labels() == null ? Map.of() : i.labels())));
            case NETWORK -> inspectNetwork(nameOrId).map(n -> {
                Map<String, Object> pool = new LinkedHashMap<>();
                if (n.subnet() != null) pool.put("Subnet", n.subnet());
                if (n.gateway() != null) pool.put("Gateway", n.gateway());
                Map<String, Object> attached = new LinkedHashMap<>();
                n.containers().forEach((id, name) -> attached.put(id, Map.of("Name", name)));
                return Map.<String, Object>of("Id", n.id(), "Name", n.name(), "Driver", n.driver(), "Labels", n.labels(),
                        "IPAM", Map.of("Driver", "default", "Config", pool.isEmpty() ? List.of() : List.of(pool)), "Containers", attached);
            });
            default -> Optional.empty();
        };
    }

    /** A canned container as the Engine API's inspect output shows it (the keys docker_container reads). */
    private static Map<String, Object> raw(ContainerState c) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Image", c.image());
        config.put("Cmd", c.command());
        config.put("Env", c.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        config.put("Labels", c.labels());
        config.put("Hostname", c.hostname());
        Map<String, Object> ports = new LinkedHashMap<>();
        for (io.swarmplay.connection.docker.PortSpec p : c.ports()) {
            ports.put(p.containerPort() + "/" + p.protocol(), List.of(Map.of("HostIp", p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp(),
                    "HostPort", p.hostPort())));
        }
        Map<String, Object> exposed = new LinkedHashMap<>();
        ports.keySet().forEach(p -> exposed.put(p, Map.of()));
        config.put("ExposedPorts", exposed);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("PortBindings", ports);
        host.put("Binds", c.mounts().stream().map(m -> m.source() + ":" + m.target() + ":" + (m.readOnly() ? "ro" : "rw")).toList());
        host.put("NetworkMode", c.networkMode());
        host.put("RestartPolicy", Map.of("Name", c.restartPolicy(), "MaximumRetryCount", 0));
        Map<String, Object> networks = new LinkedHashMap<>();
        c.networks().forEach((name, n) -> networks.put(name, Map.of("Aliases", n.aliases(), "Links", n.links(), "NetworkID", "net-" + name,
                "IPAMConfig", n.endpointConfig().getOrDefault("IPAMConfig", Map.of()))));
        Map<String, Object> inspect = new LinkedHashMap<>();
        inspect.put("Id", c.id());
        inspect.put("Name", "/" + c.name());
        inspect.put("Image", c.imageId());
        inspect.put("Config", config);
        inspect.put("HostConfig", host);
        inspect.put("State", Map.of("Status", c.status(), "Running", c.running(), "Paused", false));
        inspect.put("NetworkSettings", Map.of("Networks", networks));
        return inspect;
    }

    @Override
    public io.swarmplay.connection.docker.CreatedContainer createContainer(String name, Map<String, Object> body) {
        calls.add("create " + name + " from " + body.get("Image"));
        containers.put(name, new ContainerState("id-" + name + "-new", name, (String) body.get("Image"), "sha256:new", "created",
                false, 0, null, List.of(), List.of(), Map.of(), Map.of(), "", "", "", List.of(), List.of(), Map.of(), "default", "",
                false, false, "no", false, false, List.of(), List.of()));
        return new io.swarmplay.connection.docker.CreatedContainer("id-" + name + "-new", List.of());
    }

    @Override
    public List<String> updateContainer(String id, Map<String, Object> body) {
        calls.add("update " + id + " " + body);
        return List.of();
    }

    @Override
    public void pauseContainer(String id) {
        calls.add("pause " + id);
    }

    @Override
    public void unpauseContainer(String id) {
        calls.add("unpause " + id);
    }

    @Override
    public void restartContainer(String id, Duration timeout) {
        calls.add("restart " + id);
    }

    @Override
    public void killContainer(String id, String signal) {
        calls.add("kill " + id + (signal == null ? "" : " " + signal));
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

    @Override
    public String createNetwork(Map<String, Object> body) {
        calls.add("create network " + body.get("Name") + (body.get("IPAM") instanceof Map<?, ?> ipam
                && ipam.get("Config") instanceof List<?> c && !c.isEmpty() ? " " + ((Map<?, ?>) c.get(0)).get("Subnet") : ""));
        return "net-" + body.get("Name");
    }

    @Override
    public void createVolume(Map<String, Object> body) {
        calls.add("create volume " + body.get("Name"));
    }
}
