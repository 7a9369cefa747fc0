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
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * community.docker's {@code docker_image_info}: {@code images}, the engine's inspect output
 * (Docker's own keys: {@code Id}, {@code RepoTags}, {@code Config}, ...) of each named image that
 * exists (missing ones are left out), or of every image when no {@code name} is given.
 * <pre>{@code
 * - docker_image_info: {name: [busybox:latest]}
 *   register: i
 * - debug: {msg: "{{ i.images[0].Id }}"}
 * }</pre>
 */
@ModuleInfo(name = "docker_image_info", readOnly = true, aliases = "community.docker.docker_image_info", checkMode = CheckSupport.FULL)
public final class DockerImageInfoModule extends DockerModule<DockerImageInfoModule.Args> {

    public record Args(@Doc("Images to read (names or IDs); all images when not given.") List<String> name,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        List<String> names = args.name();
        if (names == null) {
            names = new ArrayList<>();
            for (Object listed : (List<?>) docker.read("/images/json", Map.of())) {
                names.add(String.valueOf(((Map<?, ?>) listed).get("Id")));
            }
        }
        List<Map<String, Object>> images = new ArrayList<>();
        for (String name : names) docker.inspect(DockerObject.IMAGE, name).ifPresent(images::add);
        return Results.none("read " + images.size() + " image(s) on " + host.name(), Map.of("images", images));
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        return Results.outcome(change);
    }
}
