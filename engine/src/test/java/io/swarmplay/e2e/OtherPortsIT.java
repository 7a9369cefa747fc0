package io.swarmplay.e2e;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code playbooks/cifar10-spire.yaml} end to end with {@code e2e/inventory/other-ports.yaml} and
 * DNS names: no default port anywhere (SPIRE server and bundle endpoint, each SN's API and P2P
 * port, different on the sentinel and the other SN, SL ports), another SWOP group, and every
 * address the peers and containers use ({@code host_ip}, {@code apls_ip}) a name in the test
 * network's DNS, which the containers reach only through {@code dns_servers} (the SL/ML containers
 * SWOP starts through the profile's {@code dns}). The stand-ins (TEST DOUBLES) accept what the real
 * programs accept and resolve names as they do (federation over TLS to the peer's name, the SN
 * sentinel, SWCI's SN, every SL's peers), so the bring-up trains and the ports are the inventory's.
 */
class OtherPortsIT {

    @RegisterExtension
    static final TestHosts HOSTS = new TestHosts("host-1", "host-2");

    static String sh(int n, String command) {
        return HOSTS.sshOk(HOSTS.host("host-" + n), command);
    }

    static int swarmplay(String... args) {
        StringWriter out = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
        if (exit != 0) System.out.println(out);
        return exit;
    }

    @Test
    void bringUpTrainsOnTheInventorysPortsAndDnsNamesAndCleansUp() throws Exception {
        Path repo = HOSTS.repo();
        String domain = Files.readString(HOSTS.dir().resolve("dns_domain")).strip();
        String dns = Files.readString(HOSTS.dir().resolve("dns_ip")).strip();
        Path inventory = LabInventory.generateWithDnsNames(repo.resolve("e2e/inventory/other-ports.yaml"), HOSTS.dir(),
                HOSTS.dir().resolve("inventory/other-ports-e2e.yaml"), TestHosts.DOCKER_ACCESS.equals("tcp"), Cifar10SpireIT.fastWaits());
        assertEquals(0, swarmplay("-i", inventory.toString(), repo.resolve("playbooks/cifar10-spire.yaml").toString()));
        String wd = "/opt/hpe/swarm-learning/workspace/spire/cifar10";
        for (int n = 1; n <= 2; n++) {
            assertTrue(sh(n, "cat " + Cifar10SpireIT.MODEL).contains("peers=sl.sl-1 sl.sl-2 sl.sl-3 sl.sl-4"), "model on host-" + n);
            assertEquals("8081/tcp -> 0.0.0.0:31307\n8443/tcp -> 0.0.0.0:9443",
                    sh(n, "docker port spire-server | grep 0.0.0.0 | sort").strip());
            int api = n == 1 ? 31304 : 32304;
            assertTrue(sh(n, "docker port sn-" + n).contains(api + "/tcp -> 0.0.0.0:" + api), "SN API port on host-" + n);
            assertEquals("blue-spire_cifar10_task-u-0 blue-spire_cifar10_task-u-1",
                    sh(n, "docker ps -a --format '{{.Names}}' --filter ancestor=user-env-tf2.7.0-swop | sed 's/-[0-9a-f]*$//' | sort | tr '\\n' ' '").strip());
            assertEquals("26000\n26100\n", sh(n, "for c in $(docker ps -aq --filter ancestor=hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sl:2.3.0); "
                    + "do docker inspect -f '{{(index (index .HostConfig.PortBindings \"30305/tcp\") 0).HostPort}}' $c; done | sort"), "SL ports on host-" + n);
            String peer = "host-" + (3 - n) + "." + domain;
            String peerTd = "org" + (3 - n) + ".swarm.learning";
            assertTrue(sh(n, "cat " + wd + "/spire-server/server.conf").contains("bundle_endpoint_url = \"https://" + peer + ":9443\""), "federation by name on host-" + n);
            assertTrue(sh(n, "cat " + wd + "/spire-server/server.log").contains("Bundle refreshed\" subsystem_name=bundle_client trust_domain=" + peerTd),
                    "https_spiffe refresh from " + peer);
            assertTrue(sh(n, "cat " + wd + "/swop/swop" + n + "_profile.yaml").contains("\ndns:\n  - " + dns + "\n"), "profile dns on host-" + n);
            for (String c : new String[] {"spire-server", "spire-agent", "sn-" + n, "swop-" + n}) {
                assertEquals("[" + dns + "]", sh(n, "docker inspect -f '{{.HostConfig.Dns}}' " + c).strip(), c + " on host-" + n);
            }
            assertEquals("[" + dns + "]\n[" + dns + "]\n[" + dns + "]\n[" + dns + "]\n", sh(n, "for c in $(docker ps -aq --filter name=blue-spire_cifar10_task-); "
                    + "do docker inspect -f '{{.HostConfig.Dns}}' $c; done"), "SL and ML containers' DNS on host-" + n);
        }
        assertTrue(sh(2, "docker inspect -f '{{json .Config.Env}}' sn-2").contains("SENTINEL_API_SERVER_PORT=31304"));
        String init = sh(1, "cat " + wd + "/swci/swci-init");
        String sentinel = "host-1." + domain;
        assertTrue(init.contains("wait for ip " + sentinel + " 31304\n") && init.contains("create context example with ip " + sentinel + " 31304\n"), init);
        assertTrue(sh(2, "docker inspect -f '{{json .Config.Env}}' sn-2").contains("SENTINEL_NODE_IP=" + sentinel));
        assertEquals(0, swarmplay("-i", inventory.toString(), repo.resolve("playbooks/cleanup.yaml").toString()));
    }
}
