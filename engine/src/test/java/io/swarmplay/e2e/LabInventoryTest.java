package io.swarmplay.e2e;

import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.inventory.InventoryLoader;
import io.swarmplay.inventory.ShadowedGroupVars;
import io.swarmplay.source.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab/e2e inventory generated from the repository's topology inventories (no Docker needed). */
class LabInventoryTest {

    static final Path REPO = findRepo();

    @TempDir
    Path dir;

    static Path findRepo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("inventory/two-hosts.yaml"))) return p;
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    static LabInventory topology(String name) throws IOException {
        return new LabInventory(Files.readString(REPO.resolve("inventory/" + name + ".yaml")));
    }

    @Test
    void namesAreTheTopologysHostsThenNumberedHosts() throws IOException {
        assertEquals(List.of("host-1", "host-2"), topology("two-hosts").names(0));
        assertEquals(List.of("host-1", "host-2", "host-3"), topology("two-hosts").names(3));
        assertEquals(List.of("org-a", "org-b", "org-c"), topology("three-orgs").names(0));
        assertEquals(List.of("org-a", "org-b", "org-c", "host-4"), topology("three-orgs").names(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topology("three-orgs").names(2));
        assertEquals("this topology needs at least 3 hosts: [org-a, org-b, org-c]", e.getMessage());
    }

    @Test
    void onlyAddressesKeysAndStandInsDifferFromTheTopology() throws IOException {
        Path out = generate("two-hosts", 2, Map.of("poll_interval", 1));
        Map<String, Object> lab = yaml(Files.readString(out));
        Map<String, Object> original = yaml(Files.readString(REPO.resolve("inventory/two-hosts.yaml")));
        Map<String, Object> h1 = host(lab, "host-1");
        assertEquals("172.31.9.11", h1.get("ansible_host"));
        assertEquals("172.31.9.11", h1.get("host_ip"));
        assertEquals("172.31.9.12", host(lab, "host-2").get("host_ip"));
        Set<String> changed = Set.of("ansible_host", "host_ip", "ansible_user", "ansible_ssh_private_key_file", "ssh_known_hosts", "apls_ip",
                "image_tars", "extra_images", "wheel_file", "logs_dest", "models_dest", "poll_interval");
        for (Map.Entry<String, Object> e : host(original, "host-1").entrySet()) {
            if (!changed.contains(e.getKey())) assertEquals(e.getValue(), h1.get(e.getKey()), "host-1 keeps " + e.getKey());
        }
        assertEquals(vars(original), vars(lab), "the topology's group vars stay as they are");
        for (String name : List.of("host-1", "host-2")) {
            Map<String, Object> h = host(lab, name);
            assertEquals("root", h.get("ansible_user"));
            assertEquals(dir.resolve("client_ed25519").toString(), h.get("ansible_ssh_private_key_file"));
            assertEquals(dir.resolve("known_hosts").toString(), h.get("ssh_known_hosts"));
            assertEquals("172.31.9.10", h.get("apls_ip"));
            assertEquals(Map.of("ghcr.io/spiffe/spire-server:1.8.4", "/w/spire-server-1.tar", "hello-world:latest", "/w/hello-2.tar"),
                    h.get("image_tars"));
            assertEquals(1, h.get("poll_interval"));
            assertTrue(Files.readString(Path.of((String) h.get("wheel_file"))).contains("TEST DOUBLE"));
        }
        assertFalse(Files.readString(out).contains("*id"), "no YAML aliases: every host's values written out");
        assertEquals(REPO.resolve("inventory/group_vars"), Files.readSymbolicLink(out.getParent().resolve("group_vars")));
        assertTrue(Files.readString(out).startsWith("# GENERATED from two-hosts.yaml"));
    }

    @Test
    void theLabsValuesWinOverGroupVarsAllAsInAnsible() throws IOException {
        Path out = generate("three-orgs", 4, Map.of("poll_interval", 1, "min_peers", 4));
        assertEquals(Set.of(), ShadowedGroupVars.of(out));
        Inventory inventory = InventoryLoader.load(List.of(out.toString()), new Diagnostics());
        for (Host h : inventory.hosts()) {
            if (h.implicit()) continue;
            Map<String, Object> effective = new HashMap<>(inventory.groupVarsFor(h));
            effective.putAll(h.vars());
            assertEquals(1, effective.get("poll_interval"), h.name());
            assertEquals(4, effective.get("min_peers"), h.name());
            assertEquals("172.31.9.10", effective.get("apls_ip"), h.name());
        }
    }

    @Test
    void withDnsNamesPeersAndContainersUseTheSetsNamesAndItsDnsServer() throws IOException {
        generate("two-hosts", 2, Map.of());
        Files.writeString(dir.resolve("dns_domain"), "swarmplay-e2e.test\n");
        Files.writeString(dir.resolve("dns_ip"), "172.31.9.9\n");
        Path out = LabInventory.generateWithDnsNames(REPO.resolve("inventory/two-hosts.yaml"), dir, dir.resolve("lab/dns.yaml"), false,
                Map.of("poll_interval", 1));
        Map<String, Object> lab = yaml(Files.readString(out));
        assertEquals("172.31.9.12", host(lab, "host-2").get("ansible_host"), "swarmplay itself still connects to the IP");
        assertEquals("host-2.swarmplay-e2e.test", host(lab, "host-2").get("host_ip"));
        assertEquals("host-1.swarmplay-e2e.test", host(lab, "host-1").get("host_ip"));
        for (String name : List.of("host-1", "host-2")) {
            assertEquals("apls.swarmplay-e2e.test", host(lab, name).get("apls_ip"));
            assertEquals(List.of("172.31.9.9"), host(lab, name).get("dns_servers"));
            assertEquals(1, host(lab, name).get("poll_interval"));
        }
    }

    @Test
    void hostsBeyondTheTopologyGetTheirOwnOrganisationAndItsSwarmWideValues() throws IOException {
        Map<String, Object> lab = yaml(Files.readString(generate("three-orgs", 4, Map.of())));
        Map<String, Object> added = host(lab, "host-4");
        assertEquals("org4", added.get("org"));
        assertEquals("org4.swarm.learning", added.get("trust_domain"));
        assertEquals(2, added.get("ml_nodes"));
        assertEquals("172.31.9.14", added.get("ansible_host"));
        assertEquals("172.31.9.14", added.get("host_ip"));
        assertEquals(3, added.get("min_peers"), "a value every topology host has, equal");
        assertFalse(added.containsKey("sentinel"), "a value one topology host has");
        assertEquals("orga.swarm.learning", host(lab, "org-a").get("trust_domain"));
        assertEquals(3, host(lab, "org-a").get("min_peers"), "the topology's own vars stay");
    }

    @Test
    void testHostsThatAreNotTheTopologysAreRefused() throws IOException {
        Files.writeString(dir.resolve("hosts.txt"), "org-a c1 172.31.9.11 v1\nhost-2 c2 172.31.9.12 v2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> topology("two-hosts").write(LabInventory.testHosts(dir), false, Map.of()));
        assertEquals("the test hosts [org-a, host-2] are not the topology's [host-1, host-2]", e.getMessage());
    }

    @Test
    void dockerOverTcpGoesIntoEveryHost() throws IOException {
        Files.writeString(dir.resolve("hosts.txt"), "host-1 c1 172.31.9.11 v1\nhost-2 c2 172.31.9.12 v2\n");
        Map<String, Object> lab = yaml(topology("two-hosts").write(LabInventory.testHosts(dir), true, Map.of()));
        assertEquals("tcp://172.31.9.12:2375", host(lab, "host-2").get("docker_host"));
    }

    /** A state directory as hosts.sh writes it, with {@code n} hosts of the topology. */
    Path generate(String topology, int n, Map<String, Object> extra) throws IOException {
        StringBuilder hosts = new StringBuilder();
        List<String> names = topology(topology).names(n);
        for (int i = 0; i < names.size(); i++) hosts.append(names.get(i)).append(" c").append(i).append(" 172.31.9.").append(11 + i).append(" v\n");
        Files.writeString(dir.resolve("hosts.txt"), hosts);
        Files.writeString(dir.resolve("images.txt"), "ghcr.io/spiffe/spire-server:1.8.4 /w/spire-server-1.tar sha256:1\nhello-world:latest /w/hello-2.tar sha256:2\n");
        Files.writeString(dir.resolve("apls_ip"), "172.31.9.10\n");
        return LabInventory.generate(REPO.resolve("inventory/" + topology + ".yaml"), dir, dir.resolve("lab/inventory.yaml"), false, extra);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> swarm(Map<String, Object> doc) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("all")).get("children")).get("swarm");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> host(Map<String, Object> doc, String name) {
        return (Map<String, Object>) ((Map<String, Object>) swarm(doc).get("hosts")).get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> vars(Map<String, Object> doc) {
        return (Map<String, Object>) swarm(doc).get("vars");
    }
}
