package io.swarmplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code swarmplay graph}: the CIFAR-10 topology drawn from the offline plan, as DOT and as SVG. */
class GraphTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String INVENTORY = REPO.resolve("inventory/two-hosts.yaml").toString();
    private static final String PLAYBOOK = REPO.resolve("playbooks/cifar10-spire.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void dotHasAClusterPerHostItsContainersWithPortsAndTheBundleExchangeThroughTheControlNode() {
        CliTest.Result dot = CliTest.swarmplay("graph", "-i", INVENTORY, PLAYBOOK, "--format", "dot");
        assertEquals(0, dot.code(), dot.err());
        String out = dot.out();
        assertTrue(out.startsWith("digraph swarmplay {\n"), out);
        assertTrue(out.contains("subgraph \"cluster_host-1\" {\n    label=\"host-1\";"), out);
        assertTrue(out.contains("\"host-1/sn-1\" [label=\"sn-1\\nhub.myenterpriselicense.hpe.com/hpe/swarm-learning/sn:2.3.0"
                + "\\nports 30304:30304, 30303:30303\"];"), out);
        assertTrue(out.contains("\"host-2/ml-4\" [label=\"ml-4\\nuser-env-tf2.7.0-swop\\n(started by SWOP)\", style=\"rounded,dashed\"];"), out);
        assertTrue(out.contains("\"host-2/net/host-2-net\" [label=\"network host-2-net\", shape=hexagon];"), out);
        assertTrue(out.contains("\"host-1/volume/sl-cli-lib\" [label=\"volume sl-cli-lib\", shape=cylinder];"), out);
        assertTrue(out.contains("\"host-1/\" -> \"control node\" [label=\"org1.swarm.learning.bundle\", ltail=\"cluster_host-1\"];"), out);
        assertTrue(out.contains("\"control node\" -> \"host-2/\" [label=\"org1.swarm.learning.bundle\", lhead=\"cluster_host-2\"];"), out);
    }

    @Test
    void svgIsWellFormedAndWrittenToTheFileGiven() throws Exception {
        Path file = dir.resolve("topology.svg");
        CliTest.Result svg = CliTest.swarmplay("graph", "-i", INVENTORY, PLAYBOOK, "-o", file.toString());
        assertEquals(0, svg.code(), svg.err());
        String text = Files.readString(file);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        for (String label : new String[] {">host-1</text>", ">host-2</text>", ">control node</text>",
                ">sn-2  ports 30304:30304, 30303:30303</text>", ">sends org2.swarm.learning.bundle</text>",
                ">receives org1.swarm.learning.bundle</text>", ">ml-1</text>"}) {
            assertTrue(text.contains(label), label + " missing:\n" + text);
        }
        assertTrue(text.contains("stroke-dasharray"), "SWOP-started containers are dashed");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliTest.Result bad = CliTest.swarmplay("graph", "-i", INVENTORY, PLAYBOOK, "--format", "png");
        assertEquals(5, bad.code());
        assertTrue(bad.err().contains("error: --format png: use dot or svg"), bad.err());
    }
}
