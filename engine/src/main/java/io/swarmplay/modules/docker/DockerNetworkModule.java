package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.connection.docker.NetworkSpec;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Diff;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A network, present (driver, subnet, gateway, labels) or absent.
 * <pre>{@code
 * - docker_network:
 *     name: swarm-net
 *     subnet: 172.30.0.0/24
 *     gateway: 172.30.0.1
 *     labels: {app: swarm}
 * }</pre>
 * A declared driver, subnet, gateway or label that differs cannot change in place: the step is a
 * REPLACE, which first disconnects the network's containers when {@code force: true}, and
 * otherwise fails listing them. Removing a network with containers attached works the same way.
 *
 * <p>Several networks of the same name (two clients created it at once; the engine then refuses
 * it by name as "ambiguous") are resolved: the one with the most containers attached, else the
 * oldest, is kept and the others are removed (an UPDATE; containers on them are handled as
 * above); {@code state: absent} removes them all.
 */
@ModuleInfo(name = "docker_network", aliases = "community.docker.docker_network", checkMode = CheckSupport.FULL, diff = true)
public final class DockerNetworkModule extends DockerModule<DockerNetworkModule.Args> {

    public record Args(@Required @Alias("network_name") String name, @Choices({"present", "absent"}) String state,
                       String driver, String subnet, String gateway, Map<String, String> labels, boolean force) {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    /** What apply removes before it creates the network again ({@code create}), or not. */
    private record Removal(List<NetworkInfo> networks, boolean create, String kept) {
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        String name = args.name();
        List<NetworkInfo> found = kept(docker.listNetworksNamed(name));
        if (args.state().equals("absent")) {
            if (found.isEmpty()) return Change.none("network " + name + " does not exist");
            String all = found.size() == 1 ? "" : " (all " + found.size() + " of that name)";
            return Change.delete("remove network " + name + all + detaching(args, found, "removing it", host))
                    .withPayload(new Removal(found, false, null));
        }
        if (found.isEmpty()) {
            return Change.create("create network " + name)
                    .withDiff(Diff.fields("network " + name, List.of(new Diff.FieldChange("exists", "false", "true"))));
        }
        NetworkInfo current = found.get(0);
        List<NetworkInfo> duplicates = found.subList(1, found.size());
        List<Diff.FieldChange> changes = changes(args, current);
        if (changes.isEmpty() && duplicates.isEmpty()) {
            return Results.none("network " + name + " exists as declared", registered(docker, current.id()));
        }
        if (changes.isEmpty()) {
            return Change.update("remove " + duplicates.size() + " duplicate network(s) named " + name + ", keep "
                            + shortId(current) + (current.containers().isEmpty() ? " (the oldest)" : " (in use)")
                            + detaching(args, duplicates, "removing the duplicates", host))
                    .withDiff(Diff.fields("network " + name, List.of(new Diff.FieldChange("networks named " + name,
                            String.valueOf(found.size()), "1"))))
                    .withPayload(new Removal(duplicates, false, current.id()));
        }
        String field = changes.get(0).field();
        return Change.replace("replace: " + field + " changed " + changes.get(0).before() + " → " + changes.get(0).after()
                        + detaching(args, found, "changing its " + field, host))
                .withDiff(Diff.fields("network " + name, changes)).withPayload(new Removal(found, true, null));
    }

    /** The network to keep first (the most containers attached, then the oldest), then the duplicates. */
    private static List<NetworkInfo> kept(List<NetworkInfo> oldestFirst) {
        return oldestFirst.stream()
                .sorted(java.util.Comparator.comparingInt((NetworkInfo n) -> -n.containers().size())).toList();
    }

    private static String shortId(NetworkInfo network) {
        return network.id().length() > 12 ? network.id().substring(0, 12) : network.id();
    }

    private static List<Diff.FieldChange> changes(Args args, NetworkInfo current) {
        List<Diff.FieldChange> changes = new ArrayList<>();
        compare(changes, "driver", current.driver(), args.driver());
        compare(changes, "subnet", current.subnet(), args.subnet());
        compare(changes, "gateway", current.gateway(), args.gateway());
        if (args.labels() != null) {
            args.labels().forEach((k, v) -> compare(changes, "labels." + k, current.labels().get(k), v));
        }
        return changes;
    }

    private static void compare(List<Diff.FieldChange> changes, String field, String actual, String wanted) {
        if (wanted != null && !wanted.equals(actual)) {
            changes.add(new Diff.FieldChange(field, actual == null ? "(engine's choice)" : actual, wanted));
        }
    }

    /** {@code " (disconnects a, b)"} with force, "" without containers; else fails listing them. */
    private static String detaching(Args args, List<NetworkInfo> networks, String doing, HostView host) {
        List<String> attached = networks.stream().flatMap(n -> n.containers().values().stream()).sorted().toList();
        if (attached.isEmpty()) return "";
        String names = String.join(", ", attached);
        if (args.force()) return " (disconnects " + names + ")";
        throw new ModuleException("network " + args.name() + " on " + host.name() + " has containers attached (" + names
                + "); " + doing + " needs them disconnected: remove them first, or set force: true");
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        Removal removal = (Removal) change.payload();
        if (removal != null) {
            for (NetworkInfo network : removal.networks()) {
                network.containers().keySet().forEach(id -> docker.disconnectNetwork(network.id(), id));
                docker.removeNetwork(network.id());
            }
            if (!removal.create()) {
                Outcome changed = Outcome.changed(change);
                return removal.kept() == null ? changed : changed.withData(registered(docker, removal.kept()));
            }
        }
        String id = docker.createNetwork(new NetworkSpec(args.name(), args.driver(), args.subnet(), args.gateway(),
                args.labels()));
        return Outcome.changed(change).withData(registered(docker, id));
    }

    /** {@code network}: the engine's inspect output, as community.docker returns it (and swarmplay's {@code network_id}). */
    private static Map<String, Object> registered(DockerReader docker, String id) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        docker.inspect(io.swarmplay.connection.docker.DockerObject.NETWORK, id).ifPresent(n -> {
            data.put("network_id", n.get("Id"));
            data.put("network", n);
        });
        return data;
    }
}
