package io.swarmplay.plan;

import io.swarmplay.module.Action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a playbook builds, read from its plan: per host its containers (with their published
 * ports, those SWOP starts included), volumes and networks, and the files that move between
 * hosts through the control node ({@code transfer} from another host, {@code fetch} to the
 * control node). Rendered by {@link TopologyDot} and {@link TopologySvg}.
 *
 * @param hosts     the hosts in plan order
 * @param transfers the moves between hosts, each once
 */
public record Topology(List<HostNode> hosts, List<Transfer> transfers) {

    /** The control node, as transfers name it. */
    public static final String CONTROL = "control node";

    /** A host and what runs on it. */
    public record HostNode(String name, List<Container> containers, List<String> volumes, List<String> networks) {
    }

    /** A container; {@code bySwop}: started by SWOP at apply, not by a step. */
    public record Container(String name, String image, List<String> ports, boolean bySwop) {
    }

    /** A file moving from one host to another (or to the control node). */
    public record Transfer(String from, String to, String what) {
    }

    public static Topology of(Plan plan) {
        Map<String, HostNode> hosts = new LinkedHashMap<>();
        Set<Transfer> transfers = new LinkedHashSet<>();
        for (PlannedResource r : plan.resources()) {
            PlannedStep step = r.steps().stream().filter(s -> !s.skipped() && !s.hidden()).findFirst().orElse(null);
            if (step == null || step.action() == Action.DELETE || r.host().contains(" -> ")) continue;
            HostNode host = hosts.computeIfAbsent(r.host(), h -> new HostNode(h, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            add(host, step, transfers);
        }
        return new Topology(List.copyOf(hosts.values()), List.copyOf(transfers));
    }

    private static void add(HostNode host, PlannedStep step, Set<Transfer> transfers) {
        Map<String, Object> args = step.args();
        String name = String.valueOf(args.get(step.type().equals("transfer") || step.type().equals("fetch") ? "dest" : "name"));
        switch (step.type()) {
            case "docker_container" -> host.containers().add(new Container(name, String.valueOf(args.getOrDefault("image", "")),
                    ports(args.get("published_ports")), step.task().equals(SwopContainers.STARTED_BY_SWOP)));
            case "docker_volume" -> host.volumes().add(name);
            case "docker_network" -> host.networks().add(name);
            case "transfer" -> transfers.add(new Transfer(String.valueOf(args.get("from")), host.name(), base(args.get("src"))));
            case "fetch" -> transfers.add(new Transfer(host.name(), CONTROL, base(args.get("src"))));
            default -> { }
        }
    }

    private static List<String> ports(Object published) {
        if (!(published instanceof List<?> list)) return List.of();
        return list.stream().map(String::valueOf).filter(p -> !p.contains(PlannedStep.KNOWN_AFTER_APPLY)).toList();
    }

    private static String base(Object path) {
        String p = String.valueOf(path);
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
