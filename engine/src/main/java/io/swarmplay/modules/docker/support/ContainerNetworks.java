package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.modules.docker.container.ApiValues;
import io.swarmplay.modules.docker.container.Comparison;
import io.swarmplay.modules.docker.container.Nested;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code networks} as community.docker handles them, apart from the other options: a declared
 * network the container is not on, or is on with other aliases or addresses, is (re)connected;
 * with {@code comparisons: {networks: strict}} (or {@code purge_networks}) the others are left.
 */
public final class ContainerNetworks {

    /** What to do: networks to (re)connect and networks to leave. */
    public record Plan(List<Nested.Network> connect, List<String> reconnect, List<String> leave) {

        public boolean isEmpty() {
            return connect.isEmpty() && leave.isEmpty();
        }

        public List<String> steps() {
            List<String> steps = new ArrayList<>();
            connect.forEach(n -> steps.add((reconnect.contains(n.name()) ? "reconnect to " : "connect to ") + n.name()));
            leave.forEach(n -> steps.add("disconnect from " + n));
            return steps;
        }
    }

    private ContainerNetworks() {
    }

    public static Plan plan(ContainerArgs args, Map<String, String> modes, Map<String, Object> inspect, boolean created) {
        List<Nested.Network> wanted = args.options().get("networks");
        Map<String, Object> connected = connected(inspect);
        List<Nested.Network> connect = new ArrayList<>();
        List<String> reconnect = new ArrayList<>();
        if (wanted != null && (!modes.get("networks").equals(Comparison.IGNORE) || created)) {
            for (Nested.Network n : wanted) {
                Object info = connected.get(n.name());
                if (info == null) {
                    connect.add(n);
                } else if (differs(n, (Map<?, ?>) info)) {
                    connect.add(n);
                    reconnect.add(n.name());
                }
            }
        }
        List<String> leave = new ArrayList<>();
        boolean purge = modes.get("networks").equals(Comparison.STRICT) && wanted != null || args.purge_networks();
        if (purge) {
            for (String name : connected.keySet()) {
                if (wanted == null || wanted.stream().noneMatch(n -> n.name().equals(name))) leave.add(name);
            }
        }
        return new Plan(connect, reconnect, leave);
    }

    /**
     * A network's sub-options as community.docker compares them against the connected network's
     * inspect entry, only when declared: the fixed addresses must be what was asked for, aliases
     * and links may have more present.
     */
    private record EndpointOption(String name, NetworkAttachment.Setting setting, String mode) {

        @SuppressWarnings("unchecked")
        boolean differs(NetworkAttachment wanted, Map<?, ?> info) {
            Object value = setting.of(wanted);
            if (value == null) return false;
            Object current = ApiValues.get((Map<String, Object>) info, setting.path());
            return mode.equals(Comparison.STRICT) ? !value.equals(current)
                    : !Comparison.matches(value, current, mode, Comparison.Kind.SET);
        }
    }

    private static final List<EndpointOption> ENDPOINT = List.of(
            new EndpointOption("ipv4_address", NetworkAttachment.Setting.IPV4_ADDRESS, Comparison.STRICT),
            new EndpointOption("ipv6_address", NetworkAttachment.Setting.IPV6_ADDRESS, Comparison.STRICT),
            new EndpointOption("aliases", NetworkAttachment.Setting.ALIASES, Comparison.MORE),
            new EndpointOption("links", NetworkAttachment.Setting.LINKS, Comparison.MORE));

    private static boolean differs(Nested.Network n, Map<?, ?> info) {
        NetworkAttachment wanted = attachment(n);
        return ENDPOINT.stream().anyMatch(o -> o.differs(wanted, info));
    }

    /** The declared network as a connect request: links as {@code container:alias}, an alias being the name by default. */
    static NetworkAttachment attachment(Nested.Network n) {
        List<String> links = n.links() == null ? List.of()
                : n.links().stream().map(l -> l.contains(":") ? l : l + ":" + l).toList();
        return new NetworkAttachment(n.name(), n.aliases(), n.ipv4_address(), n.ipv6_address(), links);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> connected(Map<String, Object> inspect) {
        Object networks = ApiValues.get(inspect, "NetworkSettings.Networks");
        return networks instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public static void apply(Plan plan, String id, DockerEndpoint docker) {
        for (Nested.Network n : plan.connect()) {
            if (plan.reconnect().contains(n.name())) docker.disconnectNetwork(n.name(), id);
            docker.connectNetwork(n.name(), id, attachment(n));
        }
        for (String name : plan.leave()) docker.disconnectNetwork(name, id);
    }
}
