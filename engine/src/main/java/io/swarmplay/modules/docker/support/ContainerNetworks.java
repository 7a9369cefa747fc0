package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.NetworkAttachment;
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

    private static boolean differs(Nested.Network n, Map<?, ?> info) {
        Map<?, ?> ipam = info.get("IPAMConfig") instanceof Map<?, ?> m ? m : Map.of();
        if (n.ipv4_address() != null && !n.ipv4_address().equals(ipam.get("IPv4Address"))) return true;
        if (n.ipv6_address() != null && !n.ipv6_address().equals(ipam.get("IPv6Address"))) return true;
        if (n.aliases() != null && !n.aliases().isEmpty()
                && !Comparison.matches(n.aliases(), info.get("Aliases"), Comparison.MORE, Comparison.Kind.SET)) return true;
        if (n.links() != null && !n.links().isEmpty()) {
            List<String> links = n.links().stream().map(l -> l.contains(":") ? l : l + ":" + l).toList();
            return !Comparison.matches(links, info.get("Links"), Comparison.MORE, Comparison.Kind.SET);
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> connected(Map<String, Object> inspect) {
        Object networks = io.swarmplay.modules.docker.container.ApiValues.get(inspect, "NetworkSettings.Networks");
        return networks instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public static void apply(Plan plan, String id, DockerEndpoint docker) {
        for (Nested.Network n : plan.connect()) {
            if (plan.reconnect().contains(n.name())) docker.disconnectNetwork(n.name(), id);
            docker.connectNetwork(n.name(), id, new NetworkAttachment(n.name(), n.aliases(), n.ipv4_address()));
        }
        for (String name : plan.leave()) docker.disconnectNetwork(name, id);
    }
}
