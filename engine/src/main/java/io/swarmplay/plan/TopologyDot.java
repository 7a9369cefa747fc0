package io.swarmplay.plan;

/** A {@link Topology} in Graphviz DOT: a cluster per host, transfers as edges through the control node. */
public final class TopologyDot {

    private TopologyDot() {
    }

    public static String render(Topology topology) {
        StringBuilder dot = new StringBuilder("digraph swarmplay {\n  rankdir=TB;\n  compound=true;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        dot.append("  ").append(q(Topology.CONTROL)).append(" [shape=box, style=\"rounded,bold\"];\n");
        for (Topology.HostNode host : topology.hosts()) cluster(dot, host);
        // every move goes through the control node: up from the source host, down to the receiving one
        for (Topology.Transfer t : topology.transfers()) {
            edge(dot, anchor(t.from()), q(Topology.CONTROL), t.what(), "ltail=" + q("cluster_" + t.from()));
            if (!t.to().equals(Topology.CONTROL)) edge(dot, q(Topology.CONTROL), anchor(t.to()), t.what(), "lhead=" + q("cluster_" + t.to()));
        }
        return dot.append("}\n").toString();
    }

    private static void edge(StringBuilder dot, String from, String to, String label, String clip) {
        dot.append("  ").append(from).append(" -> ").append(to).append(" [label=").append(q(label)).append(", ").append(clip).append("];\n");
    }

    private static void cluster(StringBuilder dot, Topology.HostNode host) {
        dot.append("  subgraph ").append(q("cluster_" + host.name())).append(" {\n    label=").append(q(host.name()))
                .append(";\n    style=rounded;\n");
        dot.append("    ").append(anchor(host.name())).append(" [shape=point, style=invis];\n");
        for (String n : host.networks()) dot.append("    ").append(q(host.name() + "/net/" + n)).append(" [label=")
                .append(q("network " + n)).append(", shape=hexagon];\n");
        for (String v : host.volumes()) dot.append("    ").append(q(host.name() + "/volume/" + v)).append(" [label=")
                .append(q("volume " + v)).append(", shape=cylinder];\n");
        for (Topology.Container c : host.containers()) {
            String label = c.name() + "\\n" + c.image() + (c.ports().isEmpty() ? "" : "\\nports " + String.join(", ", c.ports()))
                    + (c.bySwop() ? "\\n(started by SWOP)" : "");
            dot.append("    ").append(q(host.name() + "/" + c.name())).append(" [label=\"").append(esc(label).replace("\\\\n", "\\n"))
                    .append("\"").append(c.bySwop() ? ", style=\"rounded,dashed\"" : "").append("];\n");
        }
        dot.append("  }\n");
    }

    private static String anchor(String host) {
        return q(host + "/");
    }

    private static String q(String s) {
        return "\"" + esc(s) + "\"";
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
