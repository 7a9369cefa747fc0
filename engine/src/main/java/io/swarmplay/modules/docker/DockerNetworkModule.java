package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerObject;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.module.Action;
import io.swarmplay.module.Alias;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.docker.support.NetworkFields;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network, present or absent, as community.docker's {@code docker_network}: driver and its
 * options, IPAM config, IPv6, internal, attachable, scope and labels compared with the engine's
 * inspect output ({@link NetworkFields}); {@code connected} containers connected (and, without
 * {@code appends}, the others disconnected).
 * <pre>{@code
 * - docker_network:
 *     name: swarm-net
 *     ipam_config: [{subnet: 172.30.0.0/24, gateway: 172.30.0.1}]
 *     labels: {app: swarm}
 * }</pre>
 * A setting that differs cannot change in place: the step is a REPLACE, which first disconnects
 * the network's containers, as community.docker does (the plan lists them); removing a network
 * disconnects them the same way. {@code force: true} recreates the network even when it is as declared.
 * Several networks of one name (two clients creating it at once) are resolved: the one with the most
 * containers attached, else the oldest, is kept and the others removed; {@code absent} removes them all.
 */
@ModuleInfo(name = "docker_network", aliases = "community.docker.docker_network", checkMode = CheckSupport.FULL, diff = true)
public final class DockerNetworkModule extends DockerModule<DockerNetworkModule.Args> {

    /** One {@code ipam_config} entry. */
    public record Ipam(String subnet, String iprange, String gateway, Map<String, String> aux_addresses) {
    }

    public record Args(@Required @Alias("network_name") @Doc("Name of the network.") String name,
                       @Doc("Whether the network exists.") @Choices({"present", "absent"}) String state,
                       @Doc("Network driver (bridge by default).") String driver,
                       @Doc("Driver options.") Map<String, String> driver_options,
                       @Doc("Remove and recreate the network even when it is as declared; lets duplicates of the name with containers be removed.") boolean force,
                       @Doc("Keep containers connected that connected does not list.") boolean appends,
                       @Alias("containers") @Doc("Containers to connect.") List<String> connected,
                       @Doc("Enable IPv6.") Boolean enable_ipv6,
                       @Doc("IPAM driver.") String ipam_driver,
                       @Doc("IPAM driver options.") Map<String, String> ipam_driver_options,
                       @Doc("IPAM pools: {subnet, iprange, gateway, aux_addresses}.") List<Ipam> ipam_config,
                       @Doc("Restrict external access.") Boolean internal,
                       @Doc("Labels.") Map<String, String> labels,
                       @Choices({"", "local", "global", "swarm"}) @Doc("Scope.") String scope,
                       @Doc("Let standalone containers attach (swarm networks).") Boolean attachable,
                       @Doc("swarmplay's shortcut for ipam_config: [{subnet, gateway}].") String subnet,
                       @Doc("With subnet: the gateway.") String gateway,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {

        /** {@code ipam_config}, or the one pool of {@code subnet}/{@code gateway}. */
        public List<Ipam> pools() {
            if (ipam_config != null) return ipam_config;
            return subnet == null ? null : List.of(new Ipam(subnet, null, gateway, null));
        }
    }

    /**
     * What plan found: the network's inspect output (null when missing), containers to connect or
     * disconnect, and the networks apply removes first (duplicates of the name; all of them for absent).
     */
    private record Found(Map<String, Object> current, boolean recreate, List<String> connect, List<String> disconnect,
                         List<NetworkInfo> remove) {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        if (args.state().equals("present")) NetworkFields.validate(args);
        String name = args.name();
        List<NetworkInfo> named = kept(docker.listNetworksNamed(name));
        if (args.state().equals("absent")) {
            if (named.isEmpty()) return Change.none("network " + name + " does not exist");
            String all = named.size() == 1 ? "" : " (all " + named.size() + " of that name)";
            return Change.delete("remove network " + name + all + disconnecting(attached(named)))
                    .withPayload(new Found(null, false, List.of(), List.of(), named));
        }
        List<String> wanted = args.connected() == null ? List.of() : args.connected();
        Map<String, Object> current = named.isEmpty() ? null
                : docker.inspect(DockerObject.NETWORK, named.get(0).id()).orElse(null);
        if (current == null) {
            return Change.create("create network " + name).withDiff(Diff.fields("network " + name,
                    List.of(new Diff.FieldChange("exists", "false", "true"))))
                    .withPayload(new Found(null, false, wanted, List.of(), List.of()));
        }
        List<NetworkInfo> duplicates = named.subList(1, named.size());
        List<Diff.FieldChange> changes = NetworkFields.differences(args, current);
        if (!changes.isEmpty() || args.force()) {
            String why = changes.isEmpty() ? "force requested"
                    : changes.get(0).field() + " changed " + changes.get(0).before() + " → " + changes.get(0).after();
            return Change.replace("replace: " + why + disconnecting(attached(named)))
                    .withDiff(Diff.fields("network " + name, changes))
                    .withPayload(new Found(current, true, wanted, List.of(), duplicates));
        }
        return keep(args, host, docker, current, duplicates);
    }

    /** The network exists as declared: connect and disconnect containers, remove duplicates of its name. */
    private static Change keep(Args args, HostView host, DockerReader docker, Map<String, Object> current,
                               List<NetworkInfo> duplicates) {
        String name = args.name();
        List<String> attached = NetworkFields.containerNames(current);
        List<String> connect = args.connected() == null ? List.of() : args.connected().stream().filter(c -> !attached.contains(c)).toList();
        List<String> disconnect = args.connected() == null || args.appends() ? List.of()
                : attached.stream().filter(c -> !args.connected().contains(c)).toList();
        if (connect.isEmpty() && disconnect.isEmpty() && duplicates.isEmpty()) {
            return Results.none("network " + name + " exists as declared", registered(docker, name, List.of()));
        }
        List<String> steps = new ArrayList<>();
        if (!connect.isEmpty()) steps.add("connect " + String.join(", ", connect));
        if (!disconnect.isEmpty()) steps.add("disconnect " + String.join(", ", disconnect));
        String summary = steps.isEmpty() ? "" : String.join(", ", steps) + " on network " + name;
        if (!duplicates.isEmpty()) {
            summary = "remove " + duplicates.size() + " duplicate network(s) named " + name + ", keep "
                    + shortId(String.valueOf(current.get("Id"))) + (attached.isEmpty() ? " (the oldest)" : " (in use)")
                    + detaching(args, attached(duplicates), "removing the duplicates", host)
                    + (summary.isEmpty() ? "" : "; " + summary);
        }
        Change change = Change.update(summary)
                .withPayload(new Found(current, false, connect, disconnect, duplicates));
        return duplicates.isEmpty() ? change : change.withDiff(Diff.fields("network " + name, List.of(
                new Diff.FieldChange("networks named " + name, String.valueOf(duplicates.size() + 1), "1"))));
    }

    /** The network to keep first (the most containers attached, then the oldest), then the duplicates. */
    private static List<NetworkInfo> kept(List<NetworkInfo> oldestFirst) {
        return oldestFirst.stream()
                .sorted(java.util.Comparator.comparingInt((NetworkInfo n) -> -n.containers().size())).toList();
    }

    private static List<String> attached(List<NetworkInfo> networks) {
        return networks.stream().flatMap(n -> n.containers().values().stream()).toList();
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** {@code " (disconnects a, b)"}, or "" without containers: removing or recreating a network disconnects them, as community.docker does. */
    private static String disconnecting(List<String> containers) {
        List<String> names = containers.stream().sorted().toList();
        return names.isEmpty() ? "" : " (disconnects " + String.join(", ", names) + ")";
    }

    /** Removing duplicates of the name (swarmplay's own step) disconnects their containers only with force; else fails listing them. */
    private static String detaching(Args args, List<String> containers, String doing, HostView host) {
        List<String> names = containers.stream().sorted().toList();
        if (names.isEmpty() || args.force()) return disconnecting(names);
        throw new ModuleException("network " + args.name() + " on " + host.name() + " has containers attached ("
                + String.join(", ", names) + "); " + doing + " needs them disconnected: remove them first, or set force: true");
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        Found found = (Found) change.payload();
        String id = found.current() == null ? null : String.valueOf(found.current().get("Id"));
        for (NetworkInfo network : found.remove()) {
            network.containers().keySet().forEach(c -> docker.disconnectNetwork(network.id(), c));
            docker.removeNetwork(network.id());
        }
        if (found.recreate()) {
            NetworkFields.containerIds(found.current()).forEach(c -> docker.disconnectNetwork(id, c));
            docker.removeNetwork(id);
        }
        if (change.action() == Action.DELETE) return Outcome.changed(change);
        if (found.current() == null || found.recreate()) docker.createNetwork(NetworkFields.createBody(args));
        for (String c : found.connect()) docker.connectNetwork(args.name(), c, new NetworkAttachment(args.name(), List.of(), null));
        for (String c : found.disconnect()) docker.disconnectNetwork(args.name(), c);
        List<String> differences = change.diff() == null ? List.of() : change.diff().fields().stream().map(Diff.FieldChange::field).toList();
        return Outcome.changed(change).withData(registered(docker, args.name(), differences));
    }

    /** {@code network}: the engine's inspect output, as community.docker returns it, its diff, and swarmplay's {@code network_id}. */
    private static Map<String, Object> registered(DockerReader docker, String name, List<String> differences) {
        Map<String, Object> data = new LinkedHashMap<>();
        docker.inspect(DockerObject.NETWORK, name).ifPresent(n -> {
            data.put("network_id", n.get("Id"));
            data.put("network", n);
        });
        data.put("diff", Map.of("differences", differences));
        return data;
    }
}
