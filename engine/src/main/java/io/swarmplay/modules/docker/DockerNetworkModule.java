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

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        NetworkInfo current = docker.inspectNetwork(args.name()).orElse(null);
        String name = args.name();
        if (args.state().equals("absent")) {
            if (current == null) return Change.none("network " + name + " does not exist");
            return Change.delete("remove network " + name + detaching(args, current, "removing it", host)).withPayload(current);
        }
        if (current == null) {
            return Change.create("create network " + name)
                    .withDiff(Diff.fields("network " + name, List.of(new Diff.FieldChange("exists", "false", "true"))));
        }
        List<Diff.FieldChange> changes = changes(args, current);
        if (changes.isEmpty()) return Results.none("network " + name + " exists as declared", registered(docker, name));
        String field = changes.get(0).field();
        return Change.replace("replace: " + field + " changed " + changes.get(0).before() + " → " + changes.get(0).after()
                        + detaching(args, current, "changing its " + field, host))
                .withDiff(Diff.fields("network " + name, changes)).withPayload(current);
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
    private static String detaching(Args args, NetworkInfo current, String doing, HostView host) {
        if (current.containers().isEmpty()) return "";
        String names = String.join(", ", current.containers().values().stream().sorted().toList());
        if (args.force()) return " (disconnects " + names + ")";
        throw new ModuleException("network " + args.name() + " on " + host.name() + " has containers attached (" + names
                + "); " + doing + " needs them disconnected: remove them first, or set force: true");
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        if (change.payload() instanceof NetworkInfo current) {
            current.containers().keySet().forEach(id -> docker.disconnectNetwork(current.id(), id));
            docker.removeNetwork(current.id());
        }
        if (change.action() == io.swarmplay.module.Action.DELETE) return Outcome.changed(change);
        docker.createNetwork(new NetworkSpec(args.name(), args.driver(), args.subnet(), args.gateway(), args.labels()));
        return Outcome.changed(change).withData(registered(docker, args.name()));
    }

    /** {@code network}: the engine's inspect output, as community.docker returns it (and swarmplay's {@code network_id}). */
    private static Map<String, Object> registered(DockerReader docker, String name) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        docker.inspect(io.swarmplay.connection.docker.DockerObject.NETWORK, name).ifPresent(n -> {
            data.put("network_id", n.get("Id"));
            data.put("network", n);
        });
        return data;
    }
}
