package io.swarmplay.playbooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stand-ins' config checkers (TEST DOUBLES of SPIRE 1.8.4's and HPE's input handling, in
 * {@code e2e/standins/lib/}) run directly with perl on what the playbook renders: they accept the
 * rendered files (non-default ports and a DNS name included, as the real programs do) and refuse
 * each kind of mistake the real programs refuse: an unknown key, a misspelt key, wrong nesting,
 * a bad value, invalid YAML, a task definition with an extra key.
 */
class StandInInputTest {

    static final Path LIB = LocalSwarm.REPO.resolve("e2e/standins/lib");

    @TempDir
    Path dir;

    LocalSwarm swarm;

    @BeforeEach
    void swarm() {
        swarm = new LocalSwarm(dir);
    }

    record Checked(int exit, String stdout, String stderr) {
    }

    static Checked check(String tool, String kind, Path file) throws IOException, InterruptedException {
        return check(List.of("perl", LIB.resolve(tool).toString(), kind, file.toString()));
    }

    static Checked check(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Checked(p.waitFor(), out, err);
    }

    /** The playbook's rendering of {@code template} for host-1 (join token and SWOP ids given), edited by {@code edit}. */
    Path rendered(String template, String vars, UnaryOperator<String> edit) throws IOException {
        LocalSwarm.Run run = swarm.render("join_token: 6a3c8f9e-1b2d-4c3e-9f8a-0b1c2d3e4f5a\nhost_ids: {stdout: '0 0 999'}\n" + vars, template);
        assertEquals(0, run.exit(), run.out());
        String text = swarm.rendered("host-1");
        String edited = edit.apply(text);
        Path file = dir.resolve("edited-" + Path.of(template).getFileName());
        Files.writeString(file, edited);
        return file;
    }

    Checked refused(String tool, String kind, String template, String from, String to) throws Exception {
        Path file = rendered(template, "", t -> {
            assertTrue(t.contains(from), "the rendered " + template + " has no '" + from + "'");
            return t.replace(from, to);
        });
        Checked c = check(tool, kind, file);
        assertEquals(1, c.exit(), "accepted:\n" + Files.readString(file));
        return c;
    }

    void refusedWith(String tool, String kind, String template, String from, String to, String message) throws Exception {
        Checked c = refused(tool, kind, template, from, to);
        assertTrue(c.stderr().contains(message), c.stderr());
    }

    /** The rendered server.conf with {@code from} replaced by {@code to} is refused with {@code message}. */
    void serverConfRefused(String from, String to, String message) throws Exception {
        refusedWith("spire-conf", "server", "templates/spire/server.conf.j2", from, to, message);
    }

    @Test
    void whatThePlaybookRendersIsAcceptedWithOtherPortsAndADnsName() throws Exception {
        String vars = "sn_api_port: 31304\nspire_bundle_port: 9443\nspire_server_port: 31307\napls_port: 15814";
        Checked server = check("spire-conf", "server", rendered("templates/spire/server.conf.j2", vars, UnaryOperator.identity()));
        assertEquals(0, server.exit(), server.stderr());
        assertTrue(server.stdout().contains("server.federation.federates_with.org2.swarm.learning.bundle_endpoint_url=https://swarm-2.example.org:9443\n"),
                server.stdout());
        Checked agent = check("spire-conf", "agent", rendered("templates/spire/agent.conf.j2", vars, UnaryOperator.identity()));
        assertEquals(0, agent.exit(), agent.stderr());
        assertTrue(agent.stdout().contains("agent.server_port=31307\n"), agent.stdout());
        Checked profile = check("swarm-yaml", "profile", rendered("templates/swop/profile.yaml.j2", vars, UnaryOperator.identity()));
        assertEquals(0, profile.exit(), profile.stderr());
        assertTrue(profile.stdout().contains("nodes.1.slnodedef.slenvvars.0.swarm_node_type=sl\n"), profile.stdout());
        assertTrue(profile.stdout().contains("apls.locator.port=15814\n"), profile.stdout());
        for (String task : List.of("user_env_tf_build_task.yaml", "spire_cifar10_task.yaml")) {
            Checked t = check("swarm-yaml", "taskdef", rendered("templates/swci/taskdefs/" + task + ".j2", vars, UnaryOperator.identity()));
            assertEquals(0, t.exit(), t.stderr());
        }
    }

    @Test
    void dnsServersBecomeTheProfilesDnsForTheContainersSwopStarts() throws Exception {
        Checked with = check("swarm-yaml", "profile", rendered("templates/swop/profile.yaml.j2", "dns_servers: [10.9.0.53, 10.9.1.53]", UnaryOperator.identity()));
        assertEquals(0, with.exit(), with.stderr());
        assertTrue(with.stdout().contains("dns.0=10.9.0.53\ndns.1=10.9.1.53\n"), with.stdout());
        Checked without = check("swarm-yaml", "profile", rendered("templates/swop/profile.yaml.j2", "", UnaryOperator.identity()));
        assertEquals(0, without.exit(), without.stderr());
        assertTrue(!without.stdout().contains("dns"), "no dns key by default (Docker's DNS): " + without.stdout());
    }

    @Test
    void spireRefusesAnUnknownKey() throws Exception {
        Checked c = refused("spire-conf", "server", "templates/spire/server.conf.j2", "    ca_ttl = \"24h\"\n",
                "    ca_ttl = \"24h\"\n    colour = \"blue\"\n");
        assertTrue(c.stderr().contains("msg=\"Unknown configuration detected\" keys=\"colour (line "), c.stderr());
        assertTrue(c.stderr().contains("section=\"server\""), c.stderr());
    }

    @Test
    void spireRefusesAMisspeltKey() throws Exception {
        Checked c = refused("spire-conf", "agent", "templates/spire/agent.conf.j2", "trust_bundle_path =", "trust_bundel_path =");
        assertTrue(c.stderr().contains("keys=\"trust_bundel_path (line "), c.stderr());
    }

    @Test
    void spireRefusesWrongNesting() throws Exception {
        Checked c = refused("spire-conf", "server", "templates/spire/server.conf.j2", "    federation {\n",
                "    federates_with \"org9.swarm.learning\" {\n        bundle_endpoint_url = \"https://a:1\"\n    }\n    federation {\n");
        assertTrue(c.stderr().contains("keys=\"federates_with (line ") && c.stderr().contains("section=\"server\""), c.stderr());
        Checked top = refused("spire-conf", "agent", "templates/spire/agent.conf.j2", "plugins {", "trust_domain = \"x\"\nplugins {");
        assertTrue(top.stderr().contains("keys=\"trust_domain (line ") && top.stderr().contains("section=top-level"), top.stderr());
    }

    @Test
    void spireRefusesBadValuesAndBadSyntax() throws Exception {
        serverConfRefused("ca_ttl = \"24h\"", "ca_ttl = \"24 hours\"",
                "server.ca_ttl: time: invalid duration \"24 hours\"");
        serverConfRefused("bind_port = \"8081\"", "bind_port = \"80x81\"",
                "server.bind_port: strconv.ParseInt: parsing \"80x81\": invalid syntax");
        serverConfRefused("KeyManager \"memory\"", "KeyManager \"memroy\"",
                "no built-in plugin \"memroy\" for type \"KeyManager\"");
        serverConfRefused("    ca_subject {", "    ca_subject {{",
                "expected a key, got '{'");
    }

    @Test
    void spireRefusesABadTrustDomainFederationUrlOrEndpointSpiffeId() throws Exception {
        serverConfRefused("trust_domain = \"org1.swarm.learning\"", "trust_domain = \"Org1.Swarm\"",
                "server.trust_domain: could not parse trust_domain \"Org1.Swarm\"");
        serverConfRefused("bundle_endpoint_url = \"https://", "bundle_endpoint_url = \"http://",
                "must use the https scheme and name a host");
        serverConfRefused("endpoint_spiffe_id = \"spiffe://", "endpoint_spiffe_id = \"spife://",
                "is not a SPIFFE ID (spiffe://<trust domain>/<path>)");
        serverConfRefused("bundle_endpoint_profile \"https_spiffe\"", "bundle_endpoint_profile \"https_spiffy\"",
                "unknown profile \"https_spiffy\" (https_spiffe or https_web)");
    }

    @Test
    void swopRefusesInvalidYamlInAProfile() throws Exception {
        refusedWith("swarm-yaml", "profile", "templates/swop/profile.yaml.j2", "groupname: demo", "groupname: \"demo",
                "invalid YAML: unclosed double-quoted scalar");
        refusedWith("swarm-yaml", "profile", "templates/swop/profile.yaml.j2", "  mgrtype: DOCKER", "\tmgrtype: DOCKER",
                "invalid YAML: found a tab character");
        refusedWith("swarm-yaml", "profile", "templates/swop/profile.yaml.j2", "network: host-1-net\n", "network: host-1-net\n  mode: x\n",
                "invalid YAML: mapping values are not allowed here");
    }

    @Test
    void swopRefusesUnknownAndMisspeltProfileKeys() throws Exception {
        Checked c = refused("swarm-yaml", "profile", "templates/swop/profile.yaml.j2", "taskrunner:", "taskrunnr:");
        assertTrue(c.stderr().contains("profile: unknown key 'taskrunnr'") && c.stderr().contains("required key 'taskrunner' missing"), c.stderr());
        refusedWith("swarm-yaml", "profile", "templates/swop/profile.yaml.j2", "      usrhostname: ml-1\n", "      usrhostname: ml-1\n      usrimage: x\n",
                "profile.nodes[0].slnodedef: unknown key 'usrimage'");
        refusedWith("swarm-yaml", "profile", "templates/swop/profile.yaml.j2", "mgrtype: DOCKER", "mgrtype: K8S",
                "profile.resourcemgr.mgrtype: 'K8S' is not one of DOCKER");
    }

    @Test
    void swciRefusesATaskDefinitionWithAnExtraKey() throws Exception {
        refusedWith("swarm-yaml", "taskdef", "templates/swci/taskdefs/spire_cifar10_task.yaml.j2", "Author: HPESwarm\n", "Author: HPESwarm\nTimeout: 5\n",
                "task: unknown key 'Timeout'");
        refusedWith("swarm-yaml", "taskdef", "templates/swci/taskdefs/spire_cifar10_task.yaml.j2", "    WorkingDir: /tmp/test\n",
                "    WorkingDir: /tmp/test\n    Workdir: /tmp\n",
                "task.Body (RUN_SWARM): unknown key 'Workdir'");
        refusedWith("swarm-yaml", "taskdef", "templates/swci/taskdefs/user_env_tf_build_task.yaml.j2", "BuildType: INLINE", "BuildType: INLINED",
                "task.Body (MAKE_USER_CONTAINER).BuildType: 'INLINED' is not one of");
    }

    // ---- swci-init: SWCI's command grammar, then the example's command sequence ----------------

    static final String SWCI_INIT = "templates/swci/swci-init.j2";

    Checked swciInit(String vars, UnaryOperator<String> edit) throws Exception {
        return check(List.of("perl", LIB.resolve("swci-init").toString(), rendered(SWCI_INIT, vars, edit).toString()));
    }

    void swciInitRefused(String from, String to, String message) throws Exception {
        Checked c = swciInit("", t -> {
            assertTrue(t.contains(from), "the rendered swci-init has no '" + from + "'");
            return t.replace(from, to);
        });
        assertEquals(1, c.exit(), "accepted: " + to);
        assertTrue(c.stderr().contains(message), c.stderr());
    }

    @Test
    void swciReadsTheRenderedInitScriptWithTheInventorysPortOrADnsNameWithoutPort() throws Exception {
        Checked port = swciInit("sn_api_port: 31304", UnaryOperator.identity());
        assertEquals(0, port.exit(), port.stderr());
        assertEquals("wait.host=10.9.0.1\nwait.port=31304\ncontext.host=10.9.0.1\ncontext.port=31304\nbuild.peers=2\nrun.peers=4\n", port.stdout());
        Checked dns = swciInit("", t -> t.replace("10.9.0.1 30304", "swarm-1.example.org").replace("EXIT ON FAILURE OFF", "exit  on failure OFF"));
        assertEquals(0, dns.exit(), dns.stderr());
        assertTrue(dns.stdout().startsWith("wait.host=swarm-1.example.org\nwait.port=\ncontext.host=swarm-1.example.org\ncontext.port=\n"), dns.stdout());
    }

    @Test
    void swciRefusesAnUnknownCommandAndWrongArguments() throws Exception {
        swciInitRefused("switch context example", "swich context example", "edited-swci-init.j2:8: unknown command\n  swich context example");
        swciInitRefused("wait for ip 10.9.0.1 30304", "wait for ip 10.9.0.1 port", "wrong arguments, expected WAIT FOR IP <ip> [<port> [<retries>]]");
        swciInitRefused("WITH 4 PEERS", "WITH four PEERS", "wrong arguments, expected ASSIGN TASK <task> TO <taskrunner> WITH <n> PEERS");
        swciInitRefused("wait for ip 10.9.0.1", "wait for ip <HOST-IP>", "untemplated placeholder <HOST-IP>");
    }

    @Test
    void swciRefusesAScriptThatIsNotTheExamplesSequence() throws Exception {
        swciInitRefused("list tasks\n", "", ": 'exit on failure off' where the example has command 12 'list tasks'");
        swciInitRefused("create context example with ip 10.9.0.1 30304", "create context other with ip 10.9.0.1 30304",
                ": 'create context other with ip 10.9.0.1 30304' where the example has command 3 'create context example with ip 10.9.0.1 30304'");
        swciInitRefused("\nEXIT\n", "\nEXIT\nlist tasks\n", ": 'list tasks' after the example's last command EXIT");
    }

    // ---- /tmp/container_info_file: HPE's `common` writes the container's id, image reference, image id

    static final String ID = "4f9c".repeat(16);

    /** The SN/SWOP/SWCI stand-ins' check of {@code lines} as the file of the container {@code ID}. */
    Checked containerInfo(String lines) throws Exception {
        Path file = Files.writeString(dir.resolve("container_info_file"), lines);
        return check(List.of("sh", "-c", ". \"$0\"; own_container_id() { echo " + ID + "; }; check_container_info \"$1\" \"$2\" && echo valid",
                LIB.resolve("testdouble.sh").toString(), "hpe/sn:2.3.0", file.toString()));
    }

    @Test
    void containerInfoFileLineOneMustBeTheContainersOwnId() throws Exception {
        String image = "sha256:" + "ab".repeat(32);
        Checked ok = containerInfo(ID + "\nhpe/sn:2.3.0\n" + image + "\n");
        assertEquals(0, ok.exit(), ok.stderr());
        assertEquals("valid\n", ok.stdout());
        Checked name = containerInfo("sn-1\nhpe/sn:2.3.0\n" + image + "\n");
        assertEquals(1, name.exit());
        assertTrue(name.stderr().contains("line 1 'sn-1' is not a container id (64 hex digits"), name.stderr());
        Checked other = containerInfo("5e".repeat(32) + "\nhpe/sn:2.3.0\n" + image + "\n");
        assertEquals(1, other.exit());
        assertTrue(other.stderr().contains("line 1 is " + "5e".repeat(32) + " but this container is " + ID), other.stderr());
        Checked ref = containerInfo(ID + "\nhpe/swop:2.3.0\n" + image + "\n");
        assertEquals(1, ref.exit());
        assertTrue(ref.stderr().contains("line 2 is 'hpe/swop:2.3.0', expected the image reference 'hpe/sn:2.3.0'"), ref.stderr());
    }
}
