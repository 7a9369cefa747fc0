package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerObject;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * community.docker's {@code docker_container_info}, {@code docker_network_info} and
 * {@code docker_volume_info}: {@code exists}, and the engine's inspect output (Docker's own keys:
 * {@code Id}, {@code Config.Env}, {@code State.Status}, ...) under {@code container},
 * {@code network} or {@code volume}, null when the object does not exist. Never changes anything.
 * <pre>{@code
 * - docker_container_info: {name: sn-1}
 *   register: c
 * - debug: {msg: "{{ c.container.State.Status }}"}
 * }</pre>
 */
public abstract class DockerObjectInfoModule extends DockerModule<DockerObjectInfoModule.Args> {

    public record Args(@Doc("Name or ID of the object to read.") @Required String name,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    private final DockerObject kind;

    DockerObjectInfoModule(DockerObject kind) {
        this.kind = kind;
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        Map<String, Object> found = docker.inspect(kind, args.name()).orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exists", found != null);
        data.put(kind.noun(), found);
        return io.swarmplay.modules.docker.support.ContainerData.none("read " + kind.noun() + " " + args.name() + " on "
                + host.name() + (found == null ? " (it does not exist)" : ""), data);
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        return Results.outcome(change);
    }

    @io.swarmplay.module.ModuleInfo(name = "docker_container_info", aliases = "community.docker.docker_container_info",
            checkMode = CheckSupport.FULL)
    public static final class Container extends DockerObjectInfoModule {
        public Container() {
            super(DockerObject.CONTAINER);
        }
    }

    @io.swarmplay.module.ModuleInfo(name = "docker_network_info", aliases = "community.docker.docker_network_info",
            checkMode = CheckSupport.FULL)
    public static final class Network extends DockerObjectInfoModule {
        public Network() {
            super(DockerObject.NETWORK);
        }
    }

    @io.swarmplay.module.ModuleInfo(name = "docker_volume_info", aliases = "community.docker.docker_volume_info",
            checkMode = CheckSupport.FULL)
    public static final class Volume extends DockerObjectInfoModule {
        public Volume() {
            super(DockerObject.VOLUME);
        }
    }
}
