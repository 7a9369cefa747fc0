package io.swarmplay.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e2e infrastructure on its own: two Docker-in-Docker test hosts reached over SSH, the
 * stand-in images loaded into them, and the stand-ins' CLI and checks driven by hand the way HPE's
 * scripts drive the real images (spec §3.2/§4/§6): two federated SPIRE servers, agents with join
 * tokens, entries, the Workload API with docker attestation, and the sentinel/non-sentinel SNs.
 * Wrong input must fail loudly. Ordered: each step builds on the previous one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestHostsIT {

    @RegisterExtension
    static final TestHosts HOSTS = new TestHosts("host-1", "host-2");

    static final String WD = "/opt/hpe/swarm-learning/workspace/spire/cifar10";
    static final String SERVER = "ghcr.io/spiffe/spire-server:1.8.4";
    static final String AGENT = "ghcr.io/spiffe/spire-agent:1.8.4";
    static final String SN = "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sn:2.3.0";
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Map<String, String> TOKENS = new HashMap<>();

    static TestHosts.Host h1() {
        return HOSTS.host("host-1");
    }

    static TestHosts.Host h2() {
        return HOSTS.host("host-2");
    }

    static String td(TestHosts.Host h) {
        return h == h1() ? "org1.swarm.learning" : "org2.swarm.learning";
    }

    static TestHosts.Host other(TestHosts.Host h) {
        return h.equals(h1()) ? h2() : h1();
    }

    static String cli(TestHosts.Host h, String args) {
        return HOSTS.sshOk(h, "docker exec spire-server bin/spire-server " + args);
    }

    @Test
    @Order(1)
    void hostsAreSeparateMachinesReachableOverSsh() {
        for (TestHosts.Host h : HOSTS.hosts()) {
            assertTrue(HOSTS.sshOk(h, "docker version --format '{{.Server.Version}}'").startsWith("20.10"), h.name());
            assertEquals(h.name(), HOSTS.sshOk(h, "hostname").strip());
            assertTrue(HOSTS.sshOk(h, "ip -4 -o addr show").contains(h.ip() + "/"), "own IP " + h.ip());
        }
        HOSTS.sshOk(h1(), "echo only-here > /tmp/isolation-check");
        assertFalse(HOSTS.ssh(h2(), "test -e /tmp/isolation-check").ok(), "host-2 sees host-1's file system");
        HOSTS.sshOk(h1(), "timeout 5 bash -c \"</dev/tcp/" + h2().ip() + "/22\"");
        HOSTS.sshOk(h2(), "timeout 5 bash -c \"</dev/tcp/" + HOSTS.aplsIp() + "/5814\"");
    }

    @Test
    @Order(2)
    void standInsLoadAndAreLabelledAsTestDoubles() {
        for (TestHosts.Host h : HOSTS.hosts()) {
            HOSTS.imageTars().values().forEach(tar -> HOSTS.load(h, tar));
            for (String ref : HOSTS.imageTars().keySet()) {
                assertEquals("true", HOSTS.sshOk(h, "docker image inspect -f '{{index .Config.Labels \"io.swarmplay.test-double\"}}' " + ref).strip(), ref);
            }
        }
        assertTrue(HOSTS.imageTars().keySet().containsAll(List.of(SERVER, AGENT, SN,
                "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swop:2.3.0", "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swci:2.3.0",
                "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sl:2.3.0", "hello-world:latest", "tensorflow/tensorflow:2.7.0")));
    }

    @Test
    @Order(3)
    void spireServersStartAndAnswerTheCliLikeSpire() {
        for (TestHosts.Host h : HOSTS.hosts()) {
            HOSTS.put(h, resource("server.conf").replace("%TD%", td(h)).replace("%OTHER_TD%", td(other(h)))
                    .replace("%OTHER_IP%", other(h).ip()), WD + "/spire-server/server.conf");
            HOSTS.sshOk(h, "docker run -d -p 30307:8081 -p 8443:8443 --name spire-server -v " + WD
                    + "/spire-server:/opt/spire/conf/server " + SERVER);
        }
        for (TestHosts.Host h : HOSTS.hosts()) {
            poll(h, "docker exec spire-server /opt/spire/bin/spire-server healthcheck", Duration.ofSeconds(60), "spire-server healthy");
            assertEquals("Server is healthy.\n", cli(h, "healthcheck"));
            String pem = cli(h, "bundle show");
            assertTrue(pem.matches("(?s)-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n"), pem);
            String spiffe = cli(h, "bundle show -format spiffe");
            assertTrue(spiffe.startsWith("{\n    \"keys\": [\n        {\n            \"use\": \"x509-svid\",\n"), spiffe);
            assertTrue(spiffe.contains("\"x5c\": [") && spiffe.contains("\"use\": \"jwt-svid\"") && spiffe.endsWith("}\n"), spiffe);
            String log = HOSTS.sshOk(h, "cat " + WD + "/spire-server/server.log");
            assertTrue(log.contains("Starting Server APIs") && log.contains("Serving bundle endpoint"), log);
            // no shell in the image, like the real one (FROM scratch)
            assertFalse(HOSTS.ssh(h, "docker exec spire-server sh -c true").ok(), "the SPIRE server stand-in must have no shell on PATH");
        }
    }

    @Test
    @Order(4)
    void bundlesAreExchangedThroughTheControlNodeAndFederate() {
        for (TestHosts.Host h : HOSTS.hosts()) {
            HOSTS.sshOk(h, "docker exec spire-server bin/spire-server bundle show -format spiffe > " + WD + "/spire-server/" + td(h) + ".bundle");
        }
        for (TestHosts.Host h : HOSTS.hosts()) {
            TestHosts.Host o = other(h);
            String theirs = HOSTS.sshOk(o, "cat " + WD + "/spire-server/" + td(o) + ".bundle");
            HOSTS.put(h, theirs, WD + "/spire-server/" + td(o) + ".bundle");
            assertEquals("bundle set.\n", cli(h, "bundle set -format spiffe -id spiffe://" + td(o)
                    + " -path /opt/spire/conf/server/" + td(o) + ".bundle"));
            assertEquals(theirs, cli(h, "bundle list -id spiffe://" + td(o) + " -format spiffe"));
            String all = cli(h, "bundle list -format spiffe");
            assertTrue(all.startsWith("****************************************\n* " + td(o) + "\n****************************************\n"), all);
        }
        for (TestHosts.Host h : HOSTS.hosts()) {
            poll(h, "grep -q 'Bundle refreshed.*trust_domain=" + td(other(h)) + "' " + WD + "/spire-server/server.log",
                    Duration.ofSeconds(30), "federation refresh from " + other(h).ip() + ":8443");
        }
    }

    @Test
    @Order(5)
    void wrongCliInputFailsLoudly() {
        TestHosts.Host h = h1();
        Proc.Result own = HOSTS.ssh(h, "docker exec spire-server bin/spire-server bundle set -format spiffe -id spiffe://" + td(h)
                + " -path /opt/spire/conf/server/" + td(h) + ".bundle");
        assertEquals(1, own.exit());
        assertEquals("Error: failed to set federated bundle: setting a federated bundle for the server's own trust domain is not allowed\n", own.err(), own.describe());
        Proc.Result flag = HOSTS.ssh(h, "docker exec spire-server bin/spire-server token generate -spiffeId spiffe://" + td(h) + "/agent");
        assertEquals(1, flag.exit());
        assertTrue(flag.err().contains("flag provided but not defined: -spiffeId") && flag.err().contains("Usage:"), flag.describe());
        Proc.Result empty = HOSTS.ssh(h, "touch " + WD + "/spire-server/empty.bundle && docker exec spire-server bin/spire-server bundle set -format spiffe -id spiffe://"
                + td(h2()) + " -path /opt/spire/conf/server/empty.bundle");
        assertEquals(1, empty.exit());
        assertTrue(empty.err().contains("Error: unable to parse to spiffe bundle: spiffebundle: unable to parse JWKS: unexpected end of JSON input"), empty.describe());
        Proc.Result foreign = HOSTS.ssh(h, "docker exec spire-server bin/spire-server token generate -spiffeID spiffe://" + td(h2()) + "/agent");
        assertEquals(1, foreign.exit(), foreign.describe());
    }

    @Test
    @Order(6)
    void agentsAttestWithASingleUseJoinTokenAndOpenTheWorkloadSocket() {
        for (TestHosts.Host h : HOSTS.hosts()) {
            String out = cli(h, "token generate -spiffeID spiffe://" + td(h) + "/agent");
            assertTrue(out.matches("Token: " + UUID.pattern() + "\n"), out);
            String token = out.substring("Token: ".length()).strip();
            TOKENS.put(h.name(), token);
            HOSTS.sshOk(h, "mkdir -p " + WD + "/spire-agent && docker exec spire-server bin/spire-server bundle show > " + WD + "/spire-agent/spire.crt");
            HOSTS.put(h, resource("agent.conf").replace("%TD%", td(h)).replace("%SERVER_IP%", h.ip()).replace("%TOKEN%", token),
                    WD + "/spire-agent/agent.conf");
            HOSTS.sshOk(h, "docker run -d --name spire-agent -v /var/run/docker.sock:/var/run/docker.sock -v " + WD
                    + "/spire-agent:/opt/spire/conf/agent --pid host " + AGENT);
        }
        for (TestHosts.Host h : HOSTS.hosts()) {
            poll(h, "test -S " + WD + "/spire-agent/agent.sock", Duration.ofSeconds(60), "agent.sock");
            String log = HOSTS.sshOk(h, "cat " + WD + "/spire-agent/agent.log");
            assertTrue(log.contains("Node attestation was successful") && log.contains("Starting Workload and SDS APIs"), log);
            assertEquals("Agent is healthy.\n", HOSTS.sshOk(h, "docker exec spire-agent /opt/spire/bin/spire-agent healthcheck -socketPath /opt/spire/conf/agent/agent.sock"));
            String agents = cli(h, "agent list");
            assertTrue(agents.startsWith("Found 1 attested agent:\n") && agents.contains("spiffe://" + td(h) + "/spire/agent/join_token/" + TOKENS.get(h.name())), agents);
        }
        // the token is single-use: a second agent with the same conf fails loudly
        TestHosts.Host h = h1();
        HOSTS.sshOk(h, "rm -rf /tmp/agent2 && mkdir /tmp/agent2 && cp " + WD + "/spire-agent/agent.conf " + WD + "/spire-agent/spire.crt /tmp/agent2/");
        Proc.Result again = HOSTS.ssh(h, "docker run --name agent-again -v /var/run/docker.sock:/var/run/docker.sock -v /tmp/agent2:/opt/spire/conf/agent --pid host " + AGENT);
        HOSTS.ssh(h, "docker rm -f agent-again");
        assertEquals(1, again.exit(), again.describe());
        assertTrue(again.err().contains("failed to attest: join token does not exist or has already been used"), again.describe());
    }

    @Test
    @Order(7)
    void entriesHaveSpiresOutputFormatAndDuplicatesFail() {
        for (TestHosts.Host h : HOSTS.hosts()) {
            for (String x : List.of("sn", "swop", "sl", "swci")) {
                String out = cli(h, "entry create -parentID spiffe://" + td(h) + "/agent -spiffeID spiffe://" + td(h) + "/" + x
                        + " -selector docker:env:swarm_node_type=" + x + " -federatesWith spiffe://" + td(other(h)));
                assertTrue(out.matches("Entry ID          : " + UUID.pattern() + "\n"
                        + "SPIFFE ID         : spiffe://" + td(h).replace(".", "\\.") + "/" + x + "\n"
                        + "Parent ID         : spiffe://" + td(h).replace(".", "\\.") + "/agent\n"
                        + "Revision          : 0\nX509-SVID TTL     : default\nJWT-SVID TTL      : default\n"
                        + "Selector          : docker:env:swarm_node_type=" + x + "\n"
                        + "FederatesWith     : " + td(other(h)).replace(".", "\\.") + "\n\n"), out);
            }
        }
        Proc.Result dup = HOSTS.ssh(h1(), "docker exec spire-server bin/spire-server entry create -parentID spiffe://org1.swarm.learning/agent"
                + " -spiffeID spiffe://org1.swarm.learning/sn -selector docker:env:swarm_node_type=sn -federatesWith spiffe://org2.swarm.learning");
        assertEquals(1, dup.exit());
        assertEquals("Failed to create the following entry (code: AlreadyExists, msg: \"similar entry already exists\"):\n"
                + "Error: failed to create one or more entries\n", dup.err());
        Proc.Result nofed = HOSTS.ssh(h1(), "docker exec spire-server bin/spire-server entry create -parentID spiffe://org1.swarm.learning/agent"
                + " -spiffeID spiffe://org1.swarm.learning/x -selector docker:env:swarm_node_type=x -federatesWith spiffe://org3.swarm.learning");
        assertEquals(1, nofed.exit());
        assertTrue(nofed.err().contains("unable to find federated bundle"), nofed.describe());
        String show = cli(h1(), "entry show -spiffeID spiffe://org1.swarm.learning/sn");
        assertTrue(show.startsWith("Found 1 entry\nEntry ID          : "), show);
    }

    @Test
    @Order(8)
    void snStandInsCheckTheirSpecAndTheSentinelComesFirst() {
        String sock = WD + "/spire-agent/agent.sock";
        // wrong spec: no swarm_node_type -> exits 1 with a clear line
        Proc.Result bad = HOSTS.ssh(h1(), "docker run --name sn-bad -e THIS_NODE_IP=" + h1().ip() + " " + SN);
        HOSTS.ssh(h1(), "docker rm -f sn-bad");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("TEST DOUBLE sn: ERROR: environment variable swarm_node_type is not set"), bad.describe());
        // sn-2 first (as HPE's timing usually does): it waits for the sentinel
        startSn(h2(), "sn-2", "--env=SENTINEL_NODE_IP=" + h1().ip(), sock);
        startSn(h1(), "sn-1", "--env=SN_I_AM_SENTINEL=1", sock);
        for (TestHosts.Host h : HOSTS.hosts()) {
            String name = h == h1() ? "sn-1" : "sn-2";
            poll(h, "docker logs " + name + " 2>&1 | grep -q 'INFO : Starting SWARM-API-SERVER on port:'", Duration.ofSeconds(90), name + " ready");
            String logs = HOSTS.sshOk(h, "docker logs " + name + " 2>&1");
            assertTrue(logs.contains("Got X509-SVID spiffe://" + td(h) + "/sn (federated bundles: " + td(other(h)) + ")"), logs);
        }
        String sn2 = HOSTS.sshOk(h2(), "docker logs sn-2 2>&1");
        assertTrue(sn2.indexOf("Sentinel node " + h1().ip() + " is ready") < sn2.indexOf("Starting SWARM-API-SERVER"), sn2);
        // the playbook's probe: `spire-agent api fetch x509` in a workload with an entry, and one without
        String probe = HOSTS.sshOk(h1(), "docker run --rm -e swarm_node_type=sn -v " + sock + ":/tmp/spire-agent/agent.sock --entrypoint /opt/spire/bin/spire-agent "
                + AGENT + " api fetch x509 -socketPath /tmp/spire-agent/agent.sock");
        assertTrue(probe.startsWith("Received 1 svid after ") && probe.contains("SPIFFE ID:\t\tspiffe://org1.swarm.learning/sn\n"), probe);
        Proc.Result none = HOSTS.ssh(h1(), "docker run --rm -e swarm_node_type=nobody -v " + sock + ":/tmp/spire-agent/agent.sock --entrypoint /opt/spire/bin/spire-agent "
                + AGENT + " api fetch x509 -socketPath /tmp/spire-agent/agent.sock");
        assertEquals(1, none.exit());
        assertTrue(none.err().startsWith("rpc error: code = PermissionDenied desc = no identity issued"), none.describe());
    }

    private static String readString(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(9)
    void swopAndSwciTrainOnFourSlMlPairsAcrossBothHosts() {
        String sock = WD + "/spire-agent/agent.sock";
        String wheel = "swarmlearning-client-py3-none-manylinux_2_24_x86_64.whl";
        for (TestHosts.Host h : HOSTS.hosts()) {
            int n = h == h1() ? 1 : 2;
            HOSTS.put(h, resource("swop-profile.yaml").replace("%NET%", "host-" + n + "-net").replace("%APLS%", HOSTS.aplsIp())
                    .replace("%SOCK%", sock).replace("%IP%", h.ip()).replace("%A%", String.valueOf(2 * n - 1))
                    .replace("%B%", String.valueOf(2 * n)), WD + "/swop/swop" + n + "_profile.yaml");
            // the example's own model program: its final save is serialised per host (the ML stand-in checks that)
            HOSTS.put(h, readString(HOSTS.repo().resolve("templates/model/cifar10.py")), "/tmp/spire/cifar10/model/cifar10.py");
            // run-prerequisites P7: the wheel into volume sl-cli-lib through a never-started helper
            HOSTS.sshOk(h, "docker volume create sl-cli-lib >/dev/null && echo wheel > /tmp/" + wheel
                    + " && docker container create --name helper -v sl-cli-lib:/data hello-world >/dev/null && docker cp /tmp/" + wheel
                    + " helper:/data && docker rm helper >/dev/null");
            createAndStart(h, "swop-" + n, "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swop:2.3.0", "--network=host-" + n + "-net"
                    + " --env=http_proxy= --env=https_proxy= --env=SWOP_KEEP_CONTAINERS=1 --env=swarm_node_type=swop --hostname=swop-" + n
                    + swarmCommon(sock) + " --volume=" + WD + "/swop:/platform/swarm/usr:rw --volume=/var/run/docker.sock:/var/run/docker.sock:rw"
                    + " --env=SWOP_UID=0 --env=SWOP_GID=0 --env=SWOP_DOCKER_GID=105 --env=SWOP_PROFILE=swop" + n + "_profile.yaml"
                    + " --env=SN_NODE_IP=" + h.ip() + " --env=SN_API_SERVER_PORT=30304 --interactive=true --tty=true");
        }
        HOSTS.put(h1(), resource("swci-init").replace("%IP%", h1().ip()), WD + "/swci/swci-init");
        HOSTS.put(h1(), resource("user_env_tf_build_task.yaml"), WD + "/swci/taskdefs/user_env_tf_build_task.yaml");
        HOSTS.put(h1(), resource("spire_cifar10_task.yaml"), WD + "/swci/taskdefs/spire_cifar10_task.yaml");
        createAndStart(h1(), "swci-1", "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swci:2.3.0", "--rm=false --tty=true --network=host-1-net"
                + " --env=swarm_node_type=swci --hostname=swci-1" + swarmCommon(sock) + " --volume=" + WD + "/swci:/platform/swarm/usr:rw"
                + " --env=SWCI_STARTUP_SCRIPT=swci-init --interactive=true");
        Proc.Result exit = HOSTS.ssh(h1(), "docker wait swci-1", Duration.ofMinutes(5));
        String swciLog = HOSTS.sshOk(h1(), "docker logs swci-1 2>&1");
        assertEquals("0", exit.out().strip(), "swci-1 exit status; its log:\n" + swciLog + "\nswop-1:\n" + HOSTS.sshOk(h1(), "docker logs swop-1 2>&1"));
        assertTrue(swciLog.contains("TASK spire_cifar10_task STATE : COMPLETED (") && swciLog.contains("(tasks: ok)"), swciLog);
        for (TestHosts.Host h : HOSTS.hosts()) {
            String model = HOSTS.sshOk(h, "cat /tmp/spire/cifar10/model/saved_models/cifar10.h5");
            assertTrue(model.contains("peers=sl.sl-1 sl.sl-2 sl.sl-3 sl.sl-4"), model);
            String ml = HOSTS.sshOk(h, "for c in $(docker ps -aq --filter ancestor=user-env-tf2.7.0-swop); do docker logs $c 2>&1; done");
            assertTrue(ml.contains("SwarmCallback : INFO : All peers and Swarm training rounds finished. Final Swarm model was loaded."), ml);
            assertEquals("2", HOSTS.sshOk(h, "docker ps -aq --filter ancestor=hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sl:2.3.0 | wc -l").strip());
        }
        // a wrong SWCI init script fails loudly
        HOSTS.sshOk(h1(), "sed -i 's/WITH 4 PEERS/WITH 3 PEERS/' " + WD + "/swci/swci-init");
        createAndStart(h1(), "swci-bad", "hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swci:2.3.0", "--network=host-1-net"
                + " --env=swarm_node_type=swci --hostname=swci-bad" + swarmCommon(sock) + " --volume=" + WD + "/swci:/platform/swarm/usr:rw"
                + " --env=SWCI_STARTUP_SCRIPT=swci-init");
        assertEquals("1", HOSTS.sshOk(h1(), "docker wait swci-bad").strip());
        String bad = HOSTS.sshOk(h1(), "docker logs swci-bad 2>&1");
        assertTrue(bad.contains("TEST DOUBLE swci: ERROR: the run task is assigned WITH 3 PEERS but the SWOP profiles define 4 SL/ML node(s)"), bad);
    }

    static String swarmCommon(String sock) {
        return " --env=SWARM_LICENSE_AUTOPASSJ_SERVER_PRIMARY_IP=" + HOSTS.aplsIp() + " --volume=" + sock + ":/tmp/spire-agent/agent.sock"
                + " --env=SWARM_SPIFFE_WORKLOAD_API_SOCKET_PATH=/tmp/spire-agent/agent.sock --label=swarm-node-type=";
    }

    /** HPE's run-sn/run-swop/run-swci: container create, the 3-line container_info_file, start (spec §4.0). */
    static void createAndStart(TestHosts.Host h, String name, String image, String options) {
        HOSTS.sshOk(h, "cid=$(docker container create --name=" + name + " " + options + " " + image + ") && "
                + "printf '%s\\n%s\\n%s\\n' $cid $(docker inspect -f '{{.Config.Image}}' $cid) $(docker inspect -f '{{.Image}}' $cid) > /tmp/ci && "
                + "docker cp /tmp/ci $cid:/tmp/container_info_file && docker container start $cid");
    }

    static void startSn(TestHosts.Host h, String name, String roleEnv, String sock) {
        String net = h == h1() ? "host-1-net" : "host-2-net";
        HOSTS.sshOk(h, "docker network create " + net + " >/dev/null");
        createAndStart(h, name, SN, "--network=" + net + " --env=no_proxy= --env=swarm_node_type=sn --hostname=" + name
                + swarmCommon(sock) + " --env=THIS_NODE_IP=" + h.ip() + " " + roleEnv
                + " --env=SN_API_SERVER_PORT=30304 --publish=30304:30304 --env=SN_ETH_PORT_EXT=30303 --publish=30303:30303"
                + " --interactive=true --tty=true");
    }

    /** Bounded readiness polling (every 500 ms) with a clear failure message. */
    static void poll(TestHosts.Host h, String command, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Proc.Result last;
        do {
            last = HOSTS.ssh(h, command);
            if (last.ok()) return;
            TestHosts.sleepPoll(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " on " + h.name() + " not reached within " + timeout.toSeconds() + "s: " + last.describe());
    }

    static String resource(String name) {
        try (InputStream in = TestHostsIT.class.getResourceAsStream("/e2e/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
