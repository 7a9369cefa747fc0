package io.swarmplay.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline plan of the CIFAR-10 flow as a new user meets it: every object of a first
 * bring-up on its host with {@code +} (the SL/ML containers SWOP starts included), a default
 * view that fits a screen, and JSON whose plain diff between two topologies is the addresses added.
 */
class Cifar10PlanTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String PLAYBOOK = REPO.resolve("playbooks/cifar10-spire.yaml").toString();

    @TempDir
    Path dir;

    private String wheel;

    @BeforeEach
    void wheel() throws IOException {
        // the wheel lives on the control node; with it present the volume it fills is a create
        wheel = Files.writeString(dir.resolve("swarmlearning.whl"), "wheel").toString();
    }

    private CliTest.Result plan(String inventory, String... more) {
        List<String> args = new ArrayList<>(List.of("-i", inventory, PLAYBOOK, "--plan", "--offline", "--no-color",
                "-e", "wheel_file=" + wheel));
        args.addAll(List.of(more));
        return CliTest.swarmplay(args.toArray(String[]::new));
    }

    @Test
    void twoHostsListEveryObjectOfTheFlowOnItsHostWithPlusInAScreenful() {
        CliTest.Result result = plan(REPO.resolve("inventory/two-hosts.yaml").toString());
        String out = result.out();
        assertEquals(0, result.code(), out + result.err());
        assertTrue(out.lines().count() <= 150, out.lines().count() + " lines:\n" + out);
        String wd = "/opt/hpe/swarm-learning/workspace/spire/cifar10";
        for (int n = 1; n <= 2; n++) {
            String host = hostSection(out, "host-" + n);
            for (String object : List.of("docker_container.spire-server", "docker_container.sn-" + n,
                    "docker_container.swop-" + n, "docker_volume.sl-cli-lib", "docker_network.host-" + n + "-net",
                    "template." + wd + "/spire-server/server.conf", "template." + wd + "/swop/swop" + n + "_profile.yaml",
                    "file." + wd, "copy./tmp/spire/cifar10/model/cifar10.py")) {
                assertTrue(host.contains("\n    + " + object + "  ("), object + " not created on host-" + n + ":\n" + host);
            }
        }
        // fresh hosts hold no final model: SWCI starts the training
        assertTrue(hostSection(out, "host-1").contains("\n    + docker_container.swci-1  (create and start container swci-1 from "), out);
        // the SL/ML pairs SWOP starts, numbered across the swarm, on the host whose profile lists them
        for (String[] pair : new String[][] {{"host-1", "1"}, {"host-1", "2"}, {"host-2", "3"}, {"host-2", "4"}}) {
            String host = hostSection(out, pair[0]);
            String swop = pair[0].equals("host-1") ? "swop-1" : "swop-2";
            assertTrue(host.contains("+ docker_container.sl-" + pair[1] + "  (started by SWOP at apply: SL node of " + swop
                    + ", port "), host);
            assertTrue(host.contains("+ docker_container.ml-" + pair[1] + "  (started by SWOP at apply: ML node of " + swop
                    + ")"), host);
        }
        assertEquals(created(out), createLines(out), "one + line per create (on each host its group names):\n" + out);
        // ? only where a value truly depends on what apply returns, and it says which (uncut under -v)
        List<String> unknown = plan(REPO.resolve("inventory/two-hosts.yaml").toString(), "-v").out().lines()
                .filter(l -> l.startsWith("    ? ")).toList();
        // (a no_log step's reason is censored like the rest of its result)
        List<String> unexplained = unknown.stream().filter(l -> !l.matches(".*(known (only )?after apply|'no_log: true' was specified).*")).toList();
        assertTrue(!unknown.isEmpty() && unexplained.isEmpty(), "an unknown that does not say what it waits for:\n" + unexplained);
        // a fresh host has no agent (its health probe finds none): the agent is created, its config too
        for (int n = 1; n <= 2; n++) {
            String host = hostSection(out, "host-" + n);
            assertTrue(host.contains("\n    + docker_container.spire-agent  (create and start container spire-agent")
                    && host.contains("\n    + template[agents | agent config with the token]  ("), host);
        }
    }

    @Test
    void verboseShowsTheDerivedContainersArgumentsUncut() {
        String out = plan(REPO.resolve("inventory/two-hosts.yaml").toString(), "-v").out();
        assertTrue(out.contains("        image: user-env-tf2.7.0-swop\n"), out);
        assertTrue(out.contains("        image: hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sl:2.3.0\n"), out);
        assertTrue(out.contains("        published_ports: [\"17000:30305\"]\n"), out);
        assertFalse(out.contains("…"), "nothing is cut under -v");
    }

    @Test
    void threeOrgsPlanHasTheSeventhMlNodeOnOrgC() {
        String out = plan(REPO.resolve("inventory/three-orgs.yaml").toString()).out();
        String orgC = hostSection(out, "org-c");
        for (int n = 5; n <= 7; n++) assertTrue(orgC.contains("+ docker_container.ml-" + n + "  ("), orgC);
        assertEquals(created(out), createLines(out), out);
    }

    @Test
    void largerSwarmsStillFitAScreenfulWithEveryNodesObjectsUnderItsName() {
        for (String inventory : List.of("three-orgs", "four-orgs")) {
            CliTest.Result result = plan(REPO.resolve("inventory/" + inventory + ".yaml").toString());
            String out = result.out();
            assertEquals(0, result.code(), out + result.err());
            assertTrue(out.lines().count() <= 150, inventory + ": " + out.lines().count() + " lines:\n" + out);
            assertEquals(created(out), createLines(out), out);
            for (String host : List.of("org-a", "org-b", "org-c")) {
                String section = hostSection(out, host);
                for (String object : List.of("docker_container.spire-server", "docker_container.spire-agent",
                        "docker_volume.sl-cli-lib", "docker_network." + host + "-net")) {
                    assertTrue(section.contains("\n    + " + object + "  ("), object + " not created on " + host + ":\n" + out);
                }
            }
        }
    }

    @Test
    void theJsonDiffOfTwoTopologiesIsTheAddedAddressesOnly() {
        List<String> three = plan(REPO.resolve("inventory/three-orgs.yaml").toString(), "--json").out().lines().toList();
        List<String> fourLines = plan(REPO.resolve("inventory/four-orgs.yaml").toString(), "--json").out().lines().toList();
        Set<String> added = new LinkedHashSet<>(fourLines);
        three.forEach(added::remove);
        Set<String> removed = new LinkedHashSet<>(three);
        fourLines.forEach(removed::remove);
        assertTrue(removed.stream().allMatch(Cifar10PlanTest::isSummary), "removed: " + removed);
        List<String> addresses = added.stream().filter(l -> !isSummary(l)).toList();
        assertTrue(addresses.stream().allMatch(l -> l.startsWith("  , {\"address\":\"")), "added: " + addresses);
        assertTrue(addresses.stream().anyMatch(l -> l.contains("\"address\":\"org-d docker_container.ml-9\"")), "added: " + addresses);
        assertTrue(addresses.stream().anyMatch(l -> l.contains("\"address\":\"org-a transfer.") && l.contains("orgd.swarm.learning")),
                "org-a fetches the new org's bundle: " + addresses);
    }

    private static boolean isSummary(String line) {
        return line.matches("\\s*\"(none|create|update|replace|delete|run|unknown|failed|summary_text)\": .*");
    }

    private static long created(String out) {
        Matcher m = Pattern.compile("Plan: (\\d+) to create").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    /** The lines of every group of the default view whose header names the host (its own, and those it shares). */
    private static String hostSection(String out, String host) {
        StringBuilder lines = new StringBuilder();
        for (String group : out.split("\n\n")) {
            if (hostsOf(group).contains(host)) lines.append('\n').append(group, group.indexOf('\n'), group.length()).append('\n');
        }
        assertTrue(lines.length() > 0, host + " has no group:\n" + out);
        return lines.toString();
    }

    /** The hosts a group's header names: {@code host-1}, or {@code host-1, host-2 (each)}. */
    private static List<String> hostsOf(String group) {
        String header = group.lines().findFirst().orElse("");
        if (!group.contains("\n    ") || header.startsWith(" ")) return List.of();
        return List.of(header.replace(" (each)", "").split(", "));
    }

    /** The create lines of the default view, each counted once per host its group names. */
    private static long createLines(String out) {
        long n = 0;
        for (String group : out.split("\n\n")) {
            n += hostsOf(group).size() * group.lines().filter(l -> l.startsWith("    + ")).count();
        }
        return n;
    }
}
