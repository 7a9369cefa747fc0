package io.swarmplay.e2e;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inventory of a set of test hosts ({@code e2e/testhost/hosts.sh}), generated from a topology
 * inventory ({@code inventory/two-hosts.yaml}, {@code inventory/three-orgs.yaml}) so that the
 * playbooks run unchanged: the hosts get the test hosts' addresses; every host of group
 * {@code swarm} gets the SSH key and known_hosts, the APLS stand-in's address and the stand-in
 * images as {@code image_tars} (TEST DOUBLES), plus the control-node paths (the stand-in wheel,
 * logs, models) inside the set's directory. Hosts beyond the topology's are added as
 * {@code host-<n>} (organisation {@code org<n>}, the topology's swarm-wide host values). Used by the e2e tests and, as a Java source
 * program (needs only snakeyaml-engine, e.g. from the engine jar), by {@code scripts/lab}:
 * <pre>
 * java -cp engine/target/swarmplay.jar LabInventory.java names TOPOLOGY N     (N 0: the topology's hosts)
 * java -cp engine/target/swarmplay.jar LabInventory.java write TOPOLOGY TESTHOST_DIR OUT [--docker-tcp] [key=yaml]...
 * </pre>
 */
public final class LabInventory {

    static final String WHEEL = "swarmlearning-client-py3-none-manylinux_2_24_x86_64.whl";

    /**
     * One test host: inventory name, IP (a line of {@code hosts.txt}; {@code ansible_host}) and the
     * address the peers and containers use ({@code host_ip}): the IP or its name in the set's DNS.
     */
    record TestHost(String name, String ip, String address) {
        TestHost(String name, String ip) {
            this(name, ip, ip);
        }
    }

    private final Map<String, Object> doc;
    private final Map<String, Object> swarm;

    @SuppressWarnings("unchecked")
    LabInventory(String topology) {
        doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(topology);
        Map<String, Object> all = (Map<String, Object>) doc.get("all");
        Map<String, Object> children = all == null ? null : (Map<String, Object>) all.get("children");
        swarm = children == null ? null : (Map<String, Object>) children.get("swarm");
        if (swarm == null || !(swarm.get("hosts") instanceof Map)) throw new IllegalArgumentException("the topology has no all: children: swarm: hosts:");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> hosts() {
        return (Map<String, Object>) swarm.get("hosts");
    }

    /**
     * The topology's host names, then {@code host-<i>} up to {@code count} (0: the topology's own);
     * fewer than the topology's is an error.
     */
    List<String> names(int count) {
        List<String> names = new ArrayList<>(hosts().keySet());
        if (count != 0 && count < names.size()) throw new IllegalArgumentException("this topology needs at least " + names.size() + " hosts: " + names);
        for (int i = names.size() + 1; i <= count; i++) names.add("host-" + i);
        return names;
    }

    /**
     * The topology with the test hosts' addresses (hosts added beyond it) and {@code vars} on every
     * host: host vars, which beat {@code group_vars/all} as in Ansible (a group's {@code vars:} in
     * the inventory file would lose to it).
     */
    @SuppressWarnings("unchecked")
    String write(List<TestHost> testHosts, boolean dockerTcp, Map<String, Object> vars) {
        List<String> expected = names(testHosts.size());
        List<String> got = testHosts.stream().map(TestHost::name).toList();
        if (!expected.equals(got)) throw new IllegalArgumentException("the test hosts " + got + " are not the topology's " + expected);
        Map<String, Object> shared = sharedHostVars();
        for (int i = 0; i < testHosts.size(); i++) {
            TestHost t = testHosts.get(i);
            Map<String, Object> h = (Map<String, Object>) hosts().computeIfAbsent(t.name(), name -> added(name, shared));
            h.put("ansible_host", t.ip());
            h.put("host_ip", t.address());
            if (dockerTcp) h.put("docker_host", "tcp://" + t.ip() + ":2375");
            h.putAll(vars);
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setDereferenceAliases(true).build()).dumpToString(doc);
    }

    /** The swarm-wide values of the topology: the host variables every one of its hosts has, equal. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> sharedHostVars() {
        Map<String, Object> shared = null;
        for (Object h : hosts().values()) {
            Map<String, Object> vars = h instanceof Map ? (Map<String, Object>) h : Map.of();
            if (shared == null) shared = new LinkedHashMap<>(vars);
            else shared.entrySet().removeIf(e -> !vars.containsKey(e.getKey()) || !Objects.equals(e.getValue(), vars.get(e.getKey())));
        }
        if (shared == null) return Map.of();
        shared.keySet().removeAll(List.of("sentinel", "swci"));   // one host each, never an added one
        return shared;
    }

    /** A host beyond the topology: its swarm-wide values and an organisation of its own. */
    private static Map<String, Object> added(String name, Map<String, Object> shared) {
        String n = name.substring("host-".length());
        Map<String, Object> h = new LinkedHashMap<>(shared);
        h.put("org", "org" + n);
        h.put("trust_domain", "org" + n + ".swarm.learning");
        h.put("ml_nodes", 2);
        return h;
    }

    /** The variables every test-host inventory gets, from the set's directory (written by hosts.sh). */
    static Map<String, Object> setVars(Path dir) throws IOException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ansible_user", "root");
        v.put("ansible_ssh_private_key_file", dir.resolve("client_ed25519").toString());
        v.put("ssh_known_hosts", dir.resolve("known_hosts").toString());
        v.put("apls_ip", Files.readString(dir.resolve("apls_ip")).strip());
        Path wheel = dir.resolve(WHEEL);
        if (!Files.exists(wheel)) Files.writeString(wheel, "swarmplay TEST DOUBLE of the Swarm Learning wheel\n");
        v.put("wheel_file", wheel.toString());
        v.put("logs_dest", dir.resolve("logs").toString());
        v.put("models_dest", dir.resolve("models").toString());
        v.put("extra_images", List.of("{{ ml_base_image }}"));   // SWOP's build task starts FROM it
        Map<String, Object> tars = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("images.txt"))) {
            String[] f = line.split(" ");
            if (f.length >= 2) tars.put(f[0], f[1]);
        }
        v.put("image_tars", tars);
        return v;
    }

    static List<TestHost> testHosts(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("hosts.txt")).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(" ")).map(f -> new TestHost(f[0], f[2])).toList();
    }

    /**
     * The set's DNS names instead of its addresses (written by {@code hosts.sh up}: {@code dns_domain},
     * {@code dns_ip}): {@code host_ip} is {@code <name>.<domain>}, {@code apls_ip} {@code apls.<domain>}
     * and {@code dns_servers} the set's DNS server, which the containers need to resolve them (the
     * test hosts resolve them themselves, their Docker engines do not). {@code ansible_host} stays the IP.
     */
    static Path generateWithDnsNames(Path topology, Path dir, Path out, boolean dockerTcp, Map<String, Object> extraVars) throws IOException {
        String domain = Files.readString(dir.resolve("dns_domain")).strip();
        Map<String, Object> vars = setVars(dir);
        vars.put("apls_ip", "apls." + domain);
        vars.put("dns_servers", List.of(Files.readString(dir.resolve("dns_ip")).strip()));
        vars.putAll(extraVars);
        List<TestHost> hosts = testHosts(dir).stream().map(t -> new TestHost(t.name(), t.ip(), t.name() + "." + domain)).toList();
        return write(topology, dir, out, new LabInventory(Files.readString(topology)).write(hosts, dockerTcp, vars));
    }

    /**
     * Writes {@code out} from {@code topology} for the test hosts in {@code dir}, with
     * {@code group_vars} beside it (a link to the topology's), and returns it.
     */
    static Path generate(Path topology, Path dir, Path out, boolean dockerTcp, Map<String, Object> extraVars) throws IOException {
        Map<String, Object> vars = setVars(dir);
        vars.putAll(extraVars);
        return write(topology, dir, out, new LabInventory(Files.readString(topology)).write(testHosts(dir), dockerTcp, vars));
    }

    private static Path write(Path topology, Path dir, Path out, String yaml) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# GENERATED from " + topology.getFileName() + " for the test hosts in " + dir + ":\n"
                + "# their addresses, SSH key and known_hosts, the APLS stand-in and the stand-in images\n"
                + "# (TEST DOUBLES, see e2e/README.md) as image_tars. Do not edit: made again by every `up`.\n" + yaml);
        Path groupVars = out.toAbsolutePath().getParent().resolve("group_vars");
        if (!Files.exists(groupVars, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(groupVars, topology.toAbsolutePath().getParent().resolve("group_vars"));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        try {
            if (args.length == 3 && args[0].equals("names")) {
                new LabInventory(Files.readString(Path.of(args[1]))).names(Integer.parseInt(args[2])).forEach(System.out::println);
            } else if (args.length >= 4 && args[0].equals("write")) {
                boolean tcp = false;
                Map<String, Object> extra = new LinkedHashMap<>();
                for (int i = 4; i < args.length; i++) {
                    if (args[i].equals("--docker-tcp")) tcp = true;
                    else extra.put(args[i].substring(0, args[i].indexOf('=')),
                            new Load(LoadSettings.builder().build()).loadFromString(args[i].substring(args[i].indexOf('=') + 1)));
                }
                generate(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), tcp, extra);
            } else {
                System.err.println("usage: LabInventory names TOPOLOGY N | write TOPOLOGY TESTHOST_DIR OUT [--docker-tcp] [key=yaml]...");
                System.exit(2);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("lab inventory: " + e.getMessage());
            System.exit(1);
        }
    }
}
