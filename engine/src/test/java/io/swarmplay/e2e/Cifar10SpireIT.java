package io.swarmplay.e2e;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end proof of {@code playbooks/cifar10-spire.yaml} and {@code playbooks/cleanup.yaml}: the
 * real CLI ({@link Main#execute}, in-process) against two Docker-in-Docker test hosts over SSH
 * (each host's Docker engine reached through its forwarded socket), with an inventory generated
 * from {@code inventory/two-hosts.yaml}'s variables and the stand-in images of {@code e2e/standins}
 * (TEST DOUBLES under the real image names, loaded by the playbook's preflight from
 * {@code image_tars}). Ordered: plan, bring-up, checks against the spec, idempotence, plan
 * after, cleanup twice, then a host lost mid-run and the re-run that converges.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Cifar10SpireIT {

    @RegisterExtension
    static final TestHosts HOSTS = new TestHosts("host-1", "host-2");

    static final String WD = "/opt/hpe/swarm-learning/workspace/spire/cifar10";
    static final String HPE = "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/";
    static final String MODEL = "/tmp/spire/cifar10/model/saved_models/cifar10.h5";
    static final Duration RUN_LIMIT = Duration.ofMinutes(15);
    static Path inventory;
    static Path playbook;
    static Path cleanup;
    static final List<Run> RUNS = new ArrayList<>();

    /** One CLI run: exit status and both streams. */
    record Run(List<String> args, int exit, String out, String err) {
        String all() {
            return out + "\n" + err;
        }

        String describe() {
            return "swarmplay " + String.join(" ", args) + " -> exit " + exit + "\n--- stdout:\n" + tail(out) + "\n--- stderr:\n" + tail(err);
        }

        private static String tail(String s) {
            return s.length() < 20000 ? s : "...\n" + s.substring(s.length() - 20000);
        }
    }

    @BeforeAll
    static void generateInventory() throws IOException {
        Path repo = HOSTS.repo();
        playbook = repo.resolve("playbooks/cifar10-spire.yaml");
        cleanup = repo.resolve("playbooks/cleanup.yaml");
        inventory = LabInventory.generate(repo.resolve("inventory/two-hosts.yaml"), HOSTS.dir(),
                HOSTS.dir().resolve("inventory/two-hosts-e2e.yaml"), TestHosts.DOCKER_ACCESS.equals("tcp"), fastWaits());
    }

    /** The stand-ins answer in seconds: bounded waits instead of HPE's hour-long defaults. */
    static Map<String, Object> fastWaits() {
        Map<String, Object> fast = new LinkedHashMap<>();
        fast.put("min_free_disk_mb", 100);
        fast.put("poll_interval", 1);
        fast.put("spire_ready_timeout", 60);
        fast.put("agent_ready_timeout", 60);
        fast.put("sentinel_ready_timeout", 180);
        fast.put("sn_ready_timeout", 180);
        fast.put("swop_ready_timeout", 120);
        fast.put("training_timeout", 600);
        return fast;
    }

    static Run swarmplay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(List.of(args), exit, out.toString(), err.toString());
        RUNS.add(run);
        System.out.printf("[e2e] swarmplay %s -> %d in %.1fs%n", String.join(" ", args).replace(HOSTS.dir().toString(), "$TMP"),
                exit, (System.nanoTime() - t0) / 1e9);
        return run;
    }

    static Run up(String... extra) {
        List<String> a = new ArrayList<>(List.of("-i", inventory.toString(), playbook.toString()));
        a.addAll(List.of(extra));
        return swarmplay(a.toArray(String[]::new));
    }

    static TestHosts.Host h(int n) {
        return HOSTS.host("host-" + n);
    }

    static String sh(int n, String command) {
        return HOSTS.sshOk(h(n), command);
    }

    static String td(int n) {
        return "org" + n + ".swarm.learning";
    }

    // ---- plan before anything exists ------------------------------------------------------

    @Test
    @Order(1)
    void planBeforeBringUpListsEveryStepOnBothHostsAndChangesNothing() {
        Run plan = up("--plan", "-v");
        String out = plan.out();
        for (String step : List.of("preflight", "workspace", "SPIRE server container", "import each peer's bundle",
                "SPIRE agent container", "create or update what differs", "sentinel Swarm Network node",
                "Swarm Operator (SWOP)", "SWCI runs the build and training tasks")) {
            assertTrue(out.contains(step), "plan lacks step '" + step + "':\n" + out);
        }
        for (String rendered : List.of("host-1", "host-2", "ghcr.io/spiffe/spire-server:1.8.4", HPE + "sn:2.3.0",
                "host-1-net", "host-2-net", "sn-1", "sn-2", "swop-1", "swop-2", "swci-1")) {
            assertTrue(out.contains(rendered), "plan lacks the rendered value '" + rendered + "':\n" + out);
        }
        assertTrue(Pattern.compile("Plan: [1-9]\\d* to create").matcher(out).find(), out);
        for (int n = 1; n <= 2; n++) {
            assertTrue(Pattern.compile("(?m)^\\s*host-" + n + "\\s*$").matcher(out).find(), "no steps of host-" + n + " in the plan");
            assertEquals("", sh(n, "docker ps -aq; docker network ls -q --filter name=host-; docker volume ls -q"), "--plan changed host-" + n);
            assertFalse(HOSTS.ssh(h(n), "test -e " + WD).ok(), "--plan created the workspace on host-" + n);
        }
        assertEquals(0, plan.exit(), "the plan has failing steps (marked !):\n" + String.join("\n",
                out.lines().filter(l -> l.strip().startsWith("!")).toList()));
    }

    // ---- bring-up --------------------------------------------------------------------------

    @Test
    @Order(2)
    void bringUpTrainsAndLeavesTheFinalModelOnBothHosts() {
        Run run = up("--json");
        assertEquals(0, run.exit(), run.describe());
        for (int n = 1; n <= 2; n++) {
            String model = sh(n, "cat " + MODEL);
            assertTrue(model.contains("peers=sl.sl-1 sl.sl-2 sl.sl-3 sl.sl-4"), "host-" + n + " model: " + model);
        }
        assertEquals("0", sh(1, "docker inspect -f '{{.State.ExitCode}}' swci-1").strip());
        String swci = sh(1, "docker logs swci-1 2>&1");
        assertTrue(swci.contains("TASK spire_cifar10_task STATE : COMPLETED"), swci);
        for (String c : List.of("sn-1", "swop-1", "swci-1")) {   // HPE's `common`: the container's own id on line 1
            assertEquals(sh(1, "docker inspect -f '{{.Id}}' " + c).strip(), sh(1, "docker cp " + c + ":/tmp/container_info_file - | tar -xO").lines().findFirst().orElse(""),
                    c + "'s /tmp/container_info_file");
        }
        for (int n = 1; n <= 2; n++) {
            String ml = sh(n, "for c in $(docker ps -aq --filter ancestor=user-env-tf2.7.0-swop); do docker logs $c 2>&1; done");
            assertEquals(2, ml.split("All peers and Swarm training rounds finished. Final Swarm model was loaded.", -1).length - 1,
                    "two ML containers finished on host-" + n + ":\n" + ml);
        }
    }

    @Test
    @Order(3)
    void everyContainerMatchesTheSpec() {
        for (int n = 1; n <= 2; n++) {
            String ip = h(n).ip();
            String apls = HOSTS.aplsIp();
            String sock = WD + "/spire-agent/agent.sock:/tmp/spire-agent/agent.sock";
            Inspect server = inspect(n, "spire-server");
            server.image("ghcr.io/spiffe/spire-server:1.8.4").network("bridge").port("8081/tcp", "30307").port("8443/tcp", "8443")
                    .bind(WD + "/spire-server:/opt/spire/conf/server").running();
            Inspect agent = inspect(n, "spire-agent");
            agent.image("ghcr.io/spiffe/spire-agent:1.8.4").network("bridge").bind("/var/run/docker.sock:/var/run/docker.sock")
                    .bind(WD + "/spire-agent:/opt/spire/conf/agent").field("{{.HostConfig.PidMode}}", "host").running();
            Inspect sn = inspect(n, "sn-" + n);
            sn.image(HPE + "sn:2.3.0").hostname("sn-" + n).network("host-" + n + "-net").bind(sock)
                    .env("no_proxy=", "swarm_node_type=sn", "SWARM_LICENSE_AUTOPASSJ_SERVER_PRIMARY_IP=" + apls,
                            "SWARM_SPIFFE_WORKLOAD_API_SOCKET_PATH=/tmp/spire-agent/agent.sock", "THIS_NODE_IP=" + ip,
                            "SN_API_SERVER_PORT=30304", "SN_ETH_PORT_EXT=30303")
                    .env(n == 1 ? "SN_I_AM_SENTINEL=1" : "SENTINEL_NODE_IP=" + h(1).ip())
                    .port("30304/tcp", "30304").port("30303/tcp", "30303").label("swarm-node-type", "")
                    .field("{{.Config.Tty}}", "true").field("{{.Config.OpenStdin}}", "true").running();
            Inspect swop = inspect(n, "swop-" + n);
            swop.image(HPE + "swop:2.3.0").hostname("swop-" + n).network("host-" + n + "-net").bind(sock)
                    .bind(WD + "/swop:/platform/swarm/usr").bind("/var/run/docker.sock:/var/run/docker.sock")
                    .env("http_proxy=", "https_proxy=", "SWOP_KEEP_CONTAINERS=1", "swarm_node_type=swop",
                            "SWARM_LICENSE_AUTOPASSJ_SERVER_PRIMARY_IP=" + apls, "SWOP_PROFILE=swop" + n + "_profile.yaml",
                            "SN_NODE_IP=" + ip, "SN_API_SERVER_PORT=30304", "SWOP_UID=0", "SWOP_GID=0")
                    .label("swarm-node-type", "").running();
        }
        Inspect swci = inspect(1, "swci-1");
        swci.image(HPE + "swci:2.3.0").hostname("swci-1").network("host-1-net").bind(WD + "/swci:/platform/swarm/usr")
                .bind(WD + "/spire-agent/agent.sock:/tmp/spire-agent/agent.sock")
                .env("swarm_node_type=swci", "SWCI_STARTUP_SCRIPT=swci-init", "SWARM_LICENSE_AUTOPASSJ_SERVER_PRIMARY_IP=" + HOSTS.aplsIp())
                .field("{{.HostConfig.AutoRemove}}", "false").label("swarm-node-type", "");
        assertFalse(HOSTS.ssh(h(2), "docker inspect swci-1").ok(), "SWCI runs on host-1 only");
        // SWOP-spawned SL/ML pairs: 2 per host, with the spec's hostnames and ports
        assertEquals("sl-1 16000\nsl-2 17000\n", slHostsAndPorts(1));
        assertEquals("sl-3 16000\nsl-4 17000\n", slHostsAndPorts(2));
        for (int n = 1; n <= 2; n++) {   // HPE's SWOP runs the user (ML) containers as SWOP_UID:SWOP_GID (root here)
            assertEquals("0:0\n0:0\n", sh(n, "for c in $(docker ps -aq --filter ancestor=user-env-tf2.7.0-swop); do docker inspect -f '{{.Config.User}}' $c; done"),
                    "ML containers' user on host-" + n);
        }
        for (int n = 1; n <= 2; n++) {
            assertEquals("bridge", sh(n, "docker network inspect -f '{{.Driver}}' host-" + n + "-net").strip());
            assertTrue(sh(n, "docker volume ls -q").contains("sl-cli-lib"));
        }
    }

    static String slHostsAndPorts(int n) {
        return sh(n, "for c in $(docker ps -aq --filter ancestor=" + HPE + "sl:2.3.0); do docker inspect -f "
                + "'{{.Config.Hostname}} {{(index (index .HostConfig.PortBindings \"30305/tcp\") 0).HostPort}}' $c; done | sort");
    }

    @Test
    @Order(4)
    void renderedConfigsCarryTrustDomainsPeersAndFederation() {
        for (int n = 1; n <= 2; n++) {
            int o = 3 - n;
            String server = sh(n, "cat " + WD + "/spire-server/server.conf");
            assertTrue(server.contains("trust_domain = \"" + td(n) + "\""), server);
            assertTrue(server.contains("federates_with \"" + td(o) + "\""), server);
            assertTrue(server.contains("bundle_endpoint_url = \"https://" + h(o).ip() + ":8443\""), server);
            assertTrue(server.contains("endpoint_spiffe_id = \"spiffe://" + td(o) + "/spire/server\""), server);
            assertFalse(server.contains("federates_with \"" + td(n) + "\""), server);
            String agent = sh(n, "cat " + WD + "/spire-agent/agent.conf");
            assertTrue(agent.contains("trust_domain = \"" + td(n) + "\"") && agent.contains("server_address = \"" + h(n).ip() + "\"")
                    && agent.contains("server_port = \"30307\""), "agent.conf of host-" + n);
            String profile = sh(n, "cat " + WD + "/swop/swop" + n + "_profile.yaml");
            assertTrue(profile.contains("network: host-" + n + "-net") && profile.contains("host: " + HOSTS.aplsIp())
                    && profile.contains("slhostip: " + h(n).ip()), profile);
            String log = sh(n, "cat " + WD + "/spire-server/server.log");
            assertTrue(log.contains("Bundle refreshed\" subsystem_name=bundle_client trust_domain=" + td(o)), "federation on host-" + n + ":\n" + log);
            String agentLog = sh(n, "cat " + WD + "/spire-agent/agent.log");
            assertTrue(agentLog.contains("Node attestation was successful") && agentLog.contains("Starting Workload and SDS APIs"), agentLog);
        }
        String init = sh(1, "cat " + WD + "/swci/swci-init");
        assertTrue(init.contains("wait for ip " + h(1).ip()) && init.contains("WITH 2 PEERS") && init.contains("WITH 4 PEERS"), init);
    }

    @Test
    @Order(5)
    void eachHostHoldsTheOtherOrganisationsBundleByteEqualToTheSource() {
        for (int n = 1; n <= 2; n++) {
            int o = 3 - n;
            String source = sh(o, "docker exec spire-server /opt/spire/bin/spire-server bundle show -format spiffe");
            String held = sh(n, "docker exec spire-server /opt/spire/bin/spire-server bundle list -id spiffe://" + td(o) + " -format spiffe");
            assertEquals(source.strip(), held.strip(), "host-" + n + "'s copy of " + td(o));
            String file = sh(n, "cat $(find " + WD + "/spire-server -name '" + td(o) + ".bundle' | head -n 1)");
            String sourceFile = sh(o, "cat $(find " + WD + "/spire-server -name '" + td(o) + ".bundle' | head -n 1)");
            assertEquals(sourceFile, file, "the transferred bundle file on host-" + n);
            assertEquals(source.strip(), file.strip());
        }
    }

    @Test
    @Order(6)
    void theSentinelWasReadyBeforeTheOtherSnStarted() {
        Instant ready = Instant.parse(sh(1, "docker logs -t sn-1 2>&1 | grep 'Starting SWARM-API-SERVER on port:' | head -n 1 | cut -d' ' -f1").strip());
        Instant sn2 = Instant.parse(sh(2, "docker inspect -f '{{.State.StartedAt}}' sn-2").strip());
        assertTrue(ready.isBefore(sn2), "sn-1 ready at " + ready + ", sn-2 started at " + sn2);
    }

    @Test
    @Order(7)
    void theJoinTokensAppearInNoOutput() {
        List<String> tokens = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            Matcher m = Pattern.compile("join_token/([0-9a-f-]{36})").matcher(sh(n,
                    "docker exec spire-server /testdouble/bin/cat /opt/spire/data/server/agents.txt"));
            while (m.find()) tokens.add(m.group(1));
        }
        assertEquals(2, tokens.size(), "one attested agent per server: " + tokens);
        for (String token : tokens) {
            for (Run run : RUNS) assertFalse(run.all().contains(token), "join token " + token + " printed by: swarmplay " + String.join(" ", run.args()));
        }
    }

    // ---- idempotence -----------------------------------------------------------------------

    @Test
    @Order(8)
    void aSecondRunChangesNothingAndThePlanIsEmpty() {
        Run again = up();
        assertEquals(0, again.exit(), again.describe());
        Map<String, String> recap = recap(again.out());
        for (String host : List.of("host-1", "host-2")) {
            assertEquals("0", recap.get(host), "changed on " + host + " in the second run; changed tasks:\n" + changedTasks(again.out())
                    + "\n" + again.describe());
        }
        Run plan = up("--plan");
        assertEquals(0, plan.exit(), plan.describe());
        assertTrue(Pattern.compile("Plan: 0 to create, 0 to change, 0 to delete").matcher(plan.out()).find(), plan.describe());
    }

    // ---- cleanup ---------------------------------------------------------------------------

    @Test
    @Order(9)
    void cleanupLeavesNothingBehindAndASecondCleanupChangesNothing() {
        Run clean = swarmplay("-i", inventory.toString(), cleanup.toString(), "-e", "remove_model_dir=true");
        assertEquals(0, clean.exit(), clean.describe());
        for (int n = 1; n <= 2; n++) {
            assertEquals("", sh(n, "docker ps -aq"), "containers left on host-" + n);
            assertEquals("", sh(n, "docker volume ls -q"), "volumes left on host-" + n);
            assertEquals("bridge\nhost\nnone\n", sh(n, "docker network ls --format '{{.Name}}' | sort"), "networks left on host-" + n);
            assertFalse(HOSTS.ssh(h(n), "test -e " + WD).ok(), "workspace left on host-" + n);
            assertFalse(HOSTS.ssh(h(n), "test -e " + Path.of(WD).getParent()).ok(), "empty workspace parent left on host-" + n);
            assertFalse(HOSTS.ssh(h(n), "test -e /tmp/spire").ok(), "empty model parents left on host-" + n);
        }
        Run again = swarmplay("-i", inventory.toString(), cleanup.toString(), "-e", "remove_model_dir=true");
        assertEquals(0, again.exit(), again.describe());
        Map<String, String> recap = recap(again.out());
        for (String host : List.of("host-1", "host-2")) {
            assertEquals("0", recap.get(host), "second cleanup changed " + host + ":\n" + changedTasks(again.out()));
        }
    }

    // ---- a host lost mid-run ------------------------------------------------------------------

    @Test
    @Order(10)
    void aHostStoppedMidRunIsUnreachableAndARerunConverges() throws Exception {
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> up(), r -> {
            Thread t = new Thread(r, "e2e-bring-up");
            t.setDaemon(true);
            t.start();
        });
        // wait until the run is under way on host-2 (its SPIRE server exists), then pull the plug
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!HOSTS.ssh(h(2), "docker inspect spire-server >/dev/null 2>&1").ok()) {
            assertFalse(running.isDone(), () -> "the run ended before host-2 got its SPIRE server: " + running.join().describe());
            assertTrue(System.nanoTime() < deadline, "host-2 got no spire-server within 5 min");
            TestHosts.sleepPoll(200);
        }
        HOSTS.stop(h(2));
        Run broken = running.get(RUN_LIMIT.toMinutes(), TimeUnit.MINUTES);
        assertNotEquals(0, broken.exit(), broken.describe());
        assertTrue(broken.all().contains("UNREACHABLE"), broken.describe());
        broken.all().lines().filter(l -> l.contains("UNREACHABLE")).limit(3).forEach(l -> System.out.println("[e2e] " + l));
        assertTrue(Pattern.compile("host-2.*UNREACHABLE|UNREACHABLE.*host-2").matcher(broken.all()).find(), broken.describe());
        HOSTS.restart(h(2));
        Run converge = up();
        assertEquals(0, converge.exit(), converge.describe());
        for (int n = 1; n <= 2; n++) assertTrue(sh(n, "cat " + MODEL).contains("peers=sl.sl-1 sl.sl-2 sl.sl-3 sl.sl-4"));
        Run clean = swarmplay("-i", inventory.toString(), cleanup.toString(), "-e", "remove_model_dir=true");
        assertEquals(0, clean.exit(), clean.describe());
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** host → changed=N of the PLAY RECAP. */
    static Map<String, String> recap(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher r = Pattern.compile("(?m)^(host-\\d)\\s*:\\s*ok=\\d+\\s+changed=(\\d+)").matcher(out);
        while (r.find()) m.put(r.group(1), r.group(2));
        return m;
    }

    static String changedTasks(String out) {
        StringBuilder b = new StringBuilder();
        String task = "";
        for (String line : out.split("\n")) {
            if (line.startsWith("TASK [")) task = line;
            else if (line.startsWith("changed:")) b.append(task).append(" -> ").append(line).append('\n');
        }
        return b.toString();
    }

    static Inspect inspect(int n, String container) {
        return new Inspect(n, container);
    }

    /** Assertions on one container through {@code ssh <host> docker inspect}. */
    record Inspect(int n, String container) {
        String get(String format) {
            return sh(n, "docker inspect -f '" + format + "' " + container).strip();
        }

        Inspect field(String format, String expected) {
            assertEquals(expected, get(format), container + " on host-" + n + ": " + format);
            return this;
        }

        Inspect image(String ref) {
            return field("{{.Config.Image}}", ref);
        }

        Inspect hostname(String name) {
            return field("{{.Config.Hostname}}", name);
        }

        Inspect network(String net) {
            assertTrue(get("{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}").contains(net), container + " not on " + net);
            return this;
        }

        Inspect env(String... entries) {
            List<String> env = List.of(get("{{range .Config.Env}}{{println .}}{{end}}").split("\n"));
            for (String e : entries) assertTrue(env.contains(e), container + " on host-" + n + " lacks env " + e + ": " + env);
            return this;
        }

        Inspect bind(String bind) {
            String binds = get("{{range .Mounts}}{{.Source}}:{{.Destination}}{{println}}{{end}}") + "\n";
            assertTrue(binds.contains(bind + "\n"), container + " on host-" + n + " lacks mount " + bind + ": " + binds);
            return this;
        }

        Inspect port(String containerPort, String hostPort) {
            return field("{{(index (index .HostConfig.PortBindings \"" + containerPort + "\") 0).HostPort}}", hostPort);
        }

        Inspect label(String key, String value) {
            String labels = get("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}{{println}}{{end}}");
            assertTrue(("\n" + labels + "\n").contains("\n" + key + "=" + value + "\n"), container + " on host-" + n + " lacks label " + key + "=" + value + ": " + labels);
            return this;
        }

        Inspect running() {
            return field("{{.State.Running}}", "true");
        }
    }
}
