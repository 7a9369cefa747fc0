package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerObject;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * community.docker's {@code docker_prune}: {@code docker container|image|network|volume prune}
 * and the builder cache, through the engine's prune requests, each chosen by its Docker
 * {@code *_filters} ({@code label}, {@code until}, {@code dangling}, ...). The engine never prunes
 * a running container, nor an image, network or volume in use.
 * <pre>{@code
 * - docker_prune:
 *     containers: true
 *     containers_filters: {label: app=swarm-learning}
 * }</pre>
 * Registers what community.docker 3.4.7 does: {@code containers} (IDs) and
 * {@code containers_space_reclaimed}, {@code images}, {@code images_space_reclaimed},
 * {@code networks}, {@code volumes}, {@code volumes_space_reclaimed},
 * {@code builder_cache_space_reclaimed}, each only when asked for; changed when something was
 * removed or space reclaimed (as Debian's community.docker 3.4.7 reports it, which carries
 * upstream 3.5.1's fix). No check mode: skipped under {@code --check}, like Ansible.
 * To remove running containers, see swarmplay's own {@code docker_purge}.
 */
@ModuleInfo(name = "docker_prune", aliases = "community.docker.docker_prune", checkMode = CheckSupport.NONE)
public final class DockerPruneModule extends DockerModule<DockerPruneModule.Args> {

    public record Args(@Doc("Prune stopped containers (never a running one).") @Default("false") boolean containers,
                       @Doc("Docker filters of the container prune (label, until).") Map<String, Object> containers_filters,
                       @Doc("Prune images (dangling ones unless filters say otherwise).") @Default("false") boolean images,
                       @Doc("Docker filters of the image prune (dangling, label, until).") Map<String, Object> images_filters,
                       @Doc("Prune networks no container uses.") @Default("false") boolean networks,
                       @Doc("Docker filters of the network prune (label, until).") Map<String, Object> networks_filters,
                       @Doc("Prune volumes no container uses.") @Default("false") boolean volumes,
                       @Doc("Docker filters of the volume prune (label).") Map<String, Object> volumes_filters,
                       @Doc("Prune the builder cache.") @Default("false") boolean builder_cache,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        List<String> what = new ArrayList<>();
        if (args.containers()) what.add("stopped containers");
        if (args.images()) what.add("images");
        if (args.networks()) what.add("networks");
        if (args.volumes()) what.add("volumes");
        if (args.builder_cache()) what.add("the builder cache");
        return Change.run(what.isEmpty() ? "prune nothing" : "prune unused " + String.join(", ", what));
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (args.containers()) {
            Map<String, Object> res = docker.prune(DockerObject.CONTAINER, filters(args.containers_filters()));
            result.put("containers", listOr(res.get("ContainersDeleted")));
            result.put("containers_space_reclaimed", res.getOrDefault("SpaceReclaimed", 0));
        }
        if (args.images()) {
            Map<String, Object> res = docker.prune(DockerObject.IMAGE, filters(args.images_filters()));
            result.put("images", listOr(res.get("ImagesDeleted")));
            result.put("images_space_reclaimed", res.getOrDefault("SpaceReclaimed", 0));
        }
        if (args.networks()) {
            Map<String, Object> res = docker.prune(DockerObject.NETWORK, filters(args.networks_filters()));
            result.put("networks", listOr(res.get("NetworksDeleted")));
        }
        if (args.volumes()) {
            Map<String, Object> res = docker.prune(DockerObject.VOLUME, filters(args.volumes_filters()));
            result.put("volumes", listOr(res.get("VolumesDeleted")));
            result.put("volumes_space_reclaimed", res.getOrDefault("SpaceReclaimed", 0));
        }
        if (args.builder_cache()) {
            result.put("builder_cache_space_reclaimed", docker.pruneBuildCache().getOrDefault("SpaceReclaimed", 0));
        }
        boolean changed = result.entrySet().stream().anyMatch(e -> e.getValue() instanceof List<?> l ? !l.isEmpty()
                : e.getValue() instanceof Number n && n.longValue() != 0);
        return (changed ? Outcome.changed(change) : Outcome.ok(change.summary() + ": nothing to prune on " + host.name()))
                .withData(result);
    }

    private static Object listOr(Object deleted) {
        return deleted == null ? List.of() : deleted;
    }

    /**
     * Docker's filters from a module's {@code *_filters}, as community.docker converts them: a
     * boolean becomes {@code true}/{@code false}, a single value a one-element list, everything a string.
     */
    static Map<String, List<String>> filters(Map<String, Object> given) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (given == null) return out;
        given.forEach((k, v) -> {
            List<?> values = v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
            out.put(k, values.stream().map(DockerPruneModule::text).toList());
        });
        return out;
    }

    private static String text(Object v) {
        if (v instanceof Boolean b) return b ? "true" : "false";
        return String.valueOf(v);
    }
}
