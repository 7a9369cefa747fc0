package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.connection.docker.VolumeInfo;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.docker.support.ContainerData;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about a container, image, volume or network, for {@code register}; never changes anything
 * (also in check mode and plans). Each asked-for object registers {@code exists} and its details.
 * <pre>{@code
 * - docker_info: {container: sn-1, network: swarm-net}
 *   register: facts
 * - debug: {msg: "{{ facts.container.networks['swarm-net'] }}"}
 * }</pre>
 * Registers {@code server_version} too. Container env values are never registered.
 */
@ModuleInfo(name = "docker_info", readOnly = true,
        checkMode = CheckSupport.FULL)
public final class DockerInfoModule extends DockerModule<DockerInfoModule.Args> {

    public record Args(@Doc("Container to read.") @io.swarmplay.module.Alias("name") String container,
                       @Doc("Image to read.") String image,
                       @Doc("Volume to read.") String volume,
                       @Doc("Network to read.") String network) {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("server_version", docker.serverVersion());
        if (args.container() != null) {
            var state = docker.inspectContainer(args.container()).orElse(null);
            data.put("exists", state != null);
            data.put("container", state == null ? Map.of("exists", false) : withExists(ContainerData.of(state)));
        }
        if (args.image() != null) data.put("image", docker.inspectImage(args.image()).map(DockerInfoModule::image).orElse(absent()));
        if (args.volume() != null) data.put("volume", docker.inspectVolume(args.volume()).map(DockerInfoModule::volume).orElse(absent()));
        if (args.network() != null) data.put("network", docker.inspectNetwork(args.network()).map(DockerInfoModule::network).orElse(absent()));
        return Results.none("read Docker facts on " + host.name(), data);
    }

    private static Map<String, Object> absent() {
        return Map.of("exists", false);
    }

    private static Map<String, Object> withExists(Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exists", true);
        m.putAll(facts);
        return m;
    }

    private static Map<String, Object> image(ImageInfo i) {
        return withExists(Map.of("id", i.id(), "repo_tags", i.repoTags(), "labels", i.labels()));
    }

    private static Map<String, Object> volume(VolumeInfo v) {
        return withExists(Map.of("name", v.name(), "driver", v.driver(), "labels", v.labels(), "mountpoint",
                String.valueOf(v.mountpoint())));
    }

    private static Map<String, Object> network(NetworkInfo n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("name", n.name());
        m.put("driver", n.driver());
        m.put("subnet", n.subnet());
        m.put("gateway", n.gateway());
        m.put("labels", n.labels());
        m.put("containers", List.copyOf(n.containers().values()));
        return withExists(m);
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        if (change.payload() instanceof Outcome done) return done;
        throw new ModuleException("docker_info never changes anything");
    }
}
