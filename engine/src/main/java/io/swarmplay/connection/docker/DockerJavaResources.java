package io.swarmplay.connection.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Network;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client's lifecycle and the image, volume and network half of {@link DockerJavaEndpoint}.
 * Every request goes through {@link DockerClients#call}, so failures say what was tried.
 */
abstract class DockerJavaResources {

    final DockerTarget target;
    private final Supplier<String> dockerHost;
    private DockerClient client;
    private String address;

    DockerJavaResources(DockerTarget target, Supplier<String> dockerHost) {
        this.target = target;
        this.dockerHost = dockerHost;
    }

    /** The client, built on first use (forwarding an SSH host's socket then). */
    synchronized DockerClient client() {
        if (client == null) {
            address = dockerHost.get();
            client = DockerClients.create(address, target);
        }
        return client;
    }

    /** Where the client connects: the socket, or the local end of its forwarding. */
    synchronized String address() {
        client();
        return address;
    }

    <T> T call(String what, Supplier<T> request) {
        return DockerClients.call(target, what, request);
    }

    <T> Optional<T> find(String what, Supplier<T> request) {
        return DockerClients.find(target, what, request);
    }

    public synchronized void close() {
        if (client != null) DockerJavaEndpoint.closeQuietly(client);
        client = null;
    }

    // ---- images

    public Optional<ImageInfo> inspectImage(String reference) {
        return find("inspect image " + reference, () -> Inspections.image(client().inspectImageCmd(reference).exec()));
    }

    public List<ImageInfo> listImages() {
        return call("list images", () -> client().listImagesCmd().exec().stream().map(Inspections::image).toList());
    }

    public void removeImage(String reference, boolean force) {
        try {
            call("remove image " + reference, () -> client().removeImageCmd(reference).withForce(force).exec());
        } catch (DockerException e) {
            if (!(e.getCause() instanceof NotFoundException)) throw e;
        }
    }

    public void loadImage(InputStream tar) {
        call("load an image", () -> client().loadImageCmd(tar).exec());
    }

    public void saveImage(String reference, java.io.OutputStream out) {
        call("save image " + reference, () -> {
            try (InputStream tar = client().saveImageCmd(reference).exec()) {
                return tar.transferTo(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    String build(Path contextDir, String dockerfile, Map<String, String> args, List<String> tags) {
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        Tars.writeContext(contextDir, context);
        return call("build an image from " + contextDir, () -> {
            var build = client().buildImageCmd().withTarInputStream(new ByteArrayInputStream(context.toByteArray()))
                    .withDockerfilePath(dockerfile == null ? "Dockerfile" : dockerfile).withTags(new HashSet<>(tags))
                    .withForcerm(true);
            args.forEach(build::withBuildArg);
            return build.exec(new BuildImageResultCallback()).awaitImageId();
        });
    }

    public void pullImage(String repository, String tag, RegistryAuth auth) {
        call("pull " + repository + ":" + tag, () -> {
            var pull = client().pullImageCmd(repository).withTag(tag);
            if (auth != null) {
                pull.withAuthConfig(new AuthConfig().withRegistryAddress(auth.registry())
                        .withUsername(auth.username()).withPassword(auth.password()));
            }
            try {
                return pull.exec(new PullImageResultCallback()).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException("pull of " + repository + ":" + tag + " was interrupted");
            }
        });
    }

    public void tagImage(String reference, String repository, String tag) {
        call("tag " + reference + " as " + repository + ":" + tag,
                () -> client().tagImageCmd(reference, repository, tag).withForce(true).exec());
    }

    // ---- volumes

    public Optional<VolumeInfo> inspectVolume(String name) {
        return find("inspect volume " + name, () -> Inspections.volume(client().inspectVolumeCmd(name).exec()));
    }

    public void createVolume(String name, String driver, Map<String, String> labels) {
        call("create volume " + name, () -> client().createVolumeCmd().withName(name)
                .withDriver(driver == null ? "local" : driver).withLabels(labels).exec());
    }

    public void removeVolume(String name) {
        try {
            call("remove volume " + name, () -> client().removeVolumeCmd(name).exec());
        } catch (DockerException e) {
            if (!(e.getCause() instanceof NotFoundException)) throw e;
        }
    }

    public List<VolumeInfo> listVolumes(Map<String, String> labels) {
        return call("list volumes", () -> {
            var list = client().listVolumesCmd();
            if (!labels.isEmpty()) list.withFilter("label", labelFilter(labels));
            var volumes = list.exec().getVolumes();
            return volumes == null ? List.<VolumeInfo>of() : volumes.stream().map(Inspections::volume).toList();
        });
    }

    // ---- networks

    public Optional<NetworkInfo> inspectNetwork(String name) {
        return find("inspect network " + name,
                () -> Inspections.network(client().inspectNetworkCmd().withNetworkId(name).exec()));
    }

    public List<NetworkInfo> listNetworksNamed(String name) {
        return call("list networks named " + name, () -> client().listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> name.equals(n.getName()))
                .sorted(java.util.Comparator.comparing((Network n) -> n.getCreated() == null ? new java.util.Date(0)
                        : n.getCreated()).thenComparing(Network::getId))
                // the list leaves out the attached containers: inspect each by its ID
                .map(n -> Inspections.network(client().inspectNetworkCmd().withNetworkId(n.getId()).exec()))
                .toList());
    }

    public String createNetwork(NetworkSpec spec) {
        return call("create network " + spec.name(), () -> {
            // the engine refuses a second network of this name instead of creating a duplicate
            var create = client().createNetworkCmd().withName(spec.name()).withCheckDuplicate(true)
                    .withDriver(spec.driver() == null ? "bridge" : spec.driver()).withLabels(spec.labels());
            if (spec.subnet() != null) {
                create.withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(spec.subnet())
                        .withGateway(spec.gateway())));
            }
            return create.exec().getId();
        });
    }

    public void removeNetwork(String name) {
        try {
            call("remove network " + name, () -> client().removeNetworkCmd(name).exec());
        } catch (DockerException e) {
            if (!(e.getCause() instanceof NotFoundException)) throw e;
        }
    }

    /** Connects as the Engine API's connect request, the {@code EndpointConfig} being the attachment's own. */
    public void connectNetwork(String network, String container, NetworkAttachment attachment) {
        Map<String, Object> body = Map.of("Container", container, "EndpointConfig", attachment.endpointConfig());
        EngineApi.post(target, client(), "connect " + container + " to network " + network,
                "/networks/" + network + "/connect", Map.of(), body);
    }

    public void disconnectNetwork(String network, String container) {
        call("disconnect " + container + " from network " + network, () -> client().disconnectFromNetworkCmd()
                .withNetworkId(network).withContainerId(container).withForce(true).exec());
    }

    public List<NetworkInfo> listNetworks(Map<String, String> labels) {
        return call("list networks", () -> {
            var list = client().listNetworksCmd();
            if (!labels.isEmpty()) list.withFilter("label", labelFilter(labels));
            return list.exec().stream().map(Inspections::network).toList();
        });
    }

    private static List<String> labelFilter(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
