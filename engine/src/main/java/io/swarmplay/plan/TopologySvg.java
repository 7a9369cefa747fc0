package io.swarmplay.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link Topology} as SVG without Graphviz: hosts side by side, each a box listing its
 * networks, volumes and containers (published ports beside; SWOP-started ones dashed), the
 * control node below, and per host an arrow up for the files it sends and one down for those
 * it receives, all through the control node.
 */
public final class TopologySvg {

    private static final int MARGIN = 20;
    private static final int WIDTH = 300;
    private static final int GAP = 40;
    private static final int TITLE = 30;
    private static final int ROW = 24;
    private static final int CONTAINER = 40;
    private static final int CONTROL_GAP = 150;

    private TopologySvg() {
    }

    public static String render(Topology topology) {
        List<Topology.HostNode> hosts = topology.hosts();
        int boxHeight = hosts.stream().mapToInt(TopologySvg::height).max().orElse(TITLE);
        int width = Math.max(hosts.size(), 1) * (WIDTH + GAP) - GAP + 2 * MARGIN;
        int controlY = MARGIN + boxHeight + CONTROL_GAP;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(controlY + 60 + MARGIN).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < hosts.size(); i++) host(svg, hosts.get(i), x(i), boxHeight);
        int controlX = width / 2 - 100;
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"200\" height=\"40\" rx=\"8\" fill=\"#f3f3f3\" stroke=\"#333\""
                + " stroke-width=\"2\"/>\n", controlX, controlY));
        text(svg, width / 2, controlY + 25, Topology.CONTROL, "middle", "bold");
        for (int i = 0; i < hosts.size(); i++) transfers(svg, topology, hosts.get(i).name(), x(i), MARGIN + boxHeight, width / 2, controlY);
        return svg.append("</svg>\n").toString();
    }

    private static int x(int column) {
        return MARGIN + column * (WIDTH + GAP);
    }

    private static int height(Topology.HostNode host) {
        return TITLE + (host.networks().size() + host.volumes().size()) * ROW + host.containers().size() * CONTAINER + 10;
    }

    private static void host(StringBuilder svg, Topology.HostNode host, int x, int height) {
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"10\" fill=\"#fbfbfb\" stroke=\"#333\""
                + " stroke-width=\"2\"/>\n", x, MARGIN, WIDTH, height));
        text(svg, x + WIDTH / 2, MARGIN + 20, host.name(), "middle", "bold");
        int y = MARGIN + TITLE;
        for (String n : host.networks()) y = row(svg, x, y, "network " + n, "#e8f0fe");
        for (String v : host.volumes()) y = row(svg, x, y, "volume " + v, "#fef7e0");
        for (Topology.Container c : host.containers()) y = container(svg, x, y, c);
    }

    private static int row(StringBuilder svg, int x, int y, String label, String fill) {
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"#999\"/>\n",
                x + 10, y, WIDTH - 20, ROW - 4, fill));
        text(svg, x + 18, y + 14, label, "start", "normal");
        return y + ROW;
    }

    private static int container(StringBuilder svg, int x, int y, Topology.Container c) {
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"#666\"%s/>\n",
                x + 10, y, WIDTH - 20, CONTAINER - 4, c.bySwop() ? "#f1f8e9" : "#e6f4ea",
                c.bySwop() ? " stroke-dasharray=\"5,3\"" : ""));
        String ports = c.ports().isEmpty() ? "" : "  ports " + String.join(", ", c.ports());
        text(svg, x + 18, y + 15, c.name() + ports, "start", "bold");
        text(svg, x + 18, y + 30, shorten(c.image() + (c.bySwop() ? "  (started by SWOP)" : ""), 42), "start", "normal");
        return y + CONTAINER;
    }

    // one arrow up with what the host sends, one down with what it receives
    private static void transfers(StringBuilder svg, Topology topology, String host, int x, int bottom, int controlX, int controlY) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> in = new LinkedHashSet<>();
        for (Topology.Transfer t : topology.transfers()) {
            if (t.from().equals(host)) out.add(t.what());
            if (t.to().equals(host)) in.add(t.what());
        }
        int mid = x + WIDTH / 2;
        // what a host sends is labelled just below it, what it receives lower down: neighbours' labels never share a line
        if (!out.isEmpty()) arrow(svg, mid - 30, bottom, controlX - 20, controlY, new ArrayList<>(out), "sends ", mid - 34, 22, "end");
        if (!in.isEmpty()) arrow(svg, controlX + 20, controlY, mid + 30, bottom, new ArrayList<>(in), "receives ", mid + 34, 72, "start");
    }

    private static void arrow(StringBuilder svg, int x1, int y1, int x2, int y2, List<String> files, String verb, int labelX,
                              int below, String anchor) {
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-width=\"1.5\""
                + " marker-end=\"url(#arrow)\"/>\n", x1, y1, x2, y2));
        int y = Math.min(y1, y2) + below;
        for (String f : files) {
            text(svg, labelX, y, verb + f, anchor, "normal");
            verb = "";
            y += 14;
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }

    private static void text(StringBuilder svg, int x, int y, String text, String anchor, String weight) {
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>\n", x, y, anchor, weight,
                text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
}
