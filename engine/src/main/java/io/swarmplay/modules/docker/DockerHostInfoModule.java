package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
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
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * community.docker's {@code docker_host_info}: {@code host_info} (the engine's {@code docker
 * system info}), {@code can_talk_to_docker}, and when asked for, the lists {@code containers}
 * ({@code containers_all} for stopped ones too), {@code images}, {@code networks},
 * {@code volumes}, each chosen by Docker's {@code *_filters}, and {@code disk_usage}. Without
 * {@code verbose_output} an item keeps only the columns of {@code docker <kind> ls}.
 * <pre>{@code
 * - docker_host_info: {containers: true, containers_filters: {label: app=swarm}}
 *   register: h
 * }</pre>
 */
@ModuleInfo(name = "docker_host_info", readOnly = true, aliases = "community.docker.docker_host_info", checkMode = CheckSupport.FULL)
public final class DockerHostInfoModule extends DockerModule<DockerHostInfoModule.Args> {

    public record Args(@Doc("List the running containers.") @Default("false") boolean containers,
                       @Doc("With containers: list the stopped ones too.") @Default("false") boolean containers_all,
                       @Doc("Docker filters of the container list (label, name, status, ...).") Map<String, Object> containers_filters,
                       @Doc("List the images.") @Default("false") boolean images,
                       @Doc("Docker filters of the image list (label, dangling, ...).") Map<String, Object> images_filters,
                       @Doc("List the networks.") @Default("false") boolean networks,
                       @Doc("Docker filters of the network list.") Map<String, Object> networks_filters,
                       @Doc("List the volumes.") @Default("false") boolean volumes,
                       @Doc("Docker filters of the volume list.") Map<String, Object> volumes_filters,
                       @Doc("Return the engine's disk usage (docker system df).") @Default("false") boolean disk_usage,
                       @Doc("Every field of a listed item, not only the columns of docker KIND ls.") @Default("false") boolean verbose_output,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    private static final List<String> CONTAINER_COLUMNS = List.of("Id", "Image", "Command", "Created", "Status", "Ports", "Names");
    private static final List<String> VOLUME_COLUMNS = List.of("Driver", "Name");
    private static final List<String> IMAGE_COLUMNS = List.of("Id", "RepoTags", "Created", "Size");
    private static final List<String> NETWORK_COLUMNS = List.of("Id", "Driver", "Name", "Scope");

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("can_talk_to_docker", true);
        data.put("host_info", docker.read("/info", Map.of()));
        if (args.disk_usage()) {
            Map<?, ?> df = (Map<?, ?>) docker.read("/system/df", Map.of());
            data.put("disk_usage", args.verbose_output() ? df : Map.of("LayersSize", df.get("LayersSize")));
        }
        if (args.volumes()) {
            Map<?, ?> answer = (Map<?, ?>) docker.read("/volumes", query(args.volumes_filters(), Map.of()));
            data.put("volumes", columns(answer.get("Volumes"), VOLUME_COLUMNS, args.verbose_output()));
        }
        if (args.networks()) {
            Object answer = docker.read("/networks", query(args.networks_filters(), Map.of()));
            data.put("networks", columns(answer, NETWORK_COLUMNS, args.verbose_output()));
        }
        if (args.containers()) {
            Object answer = docker.read("/containers/json", query(args.containers_filters(),
                    Map.of("limit", "-1", "all", args.containers_all() ? "1" : "0", "size", "0", "trunc_cmd", "0")));
            data.put("containers", columns(answer, CONTAINER_COLUMNS, args.verbose_output()));
        }
        if (args.images()) {
            Object answer = docker.read("/images/json", query(args.images_filters(), Map.of("only_ids", "0", "all", "0")));
            data.put("images", columns(answer, IMAGE_COLUMNS, args.verbose_output()));
        }
        return Results.none("read Docker host facts on " + host.name(), data);
    }

    private static Map<String, String> query(Map<String, Object> filters, Map<String, String> rest) {
        Map<String, String> q = new LinkedHashMap<>(rest);
        if (filters != null && !filters.isEmpty()) q.put("filters", DockerEndpoint.filtersJson(DockerPruneModule.filters(filters)));
        return q;
    }

    private static List<Object> columns(Object items, List<String> keep, boolean verbose) {
        List<Object> out = new ArrayList<>();
        if (!(items instanceof List<?> list)) return out;
        for (Object item : list) {
            if (verbose || !(item instanceof Map<?, ?> m)) {
                out.add(item);
                continue;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            for (String k : keep) record.put(k, m.get(k));
            out.add(record);
        }
        return out;
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        return Results.outcome(change);
    }
}
