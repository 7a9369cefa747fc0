package io.swarmplay.e2e;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code playbooks/cifar10-spire.yaml} end to end with {@code e2e/inventory/other-ports.yaml}: no
 * default port anywhere (SPIRE server and bundle endpoint, each SN's API and P2P port, different
 * on the sentinel and the other SN, SL ports), another SWOP group. The stand-ins (TEST DOUBLES)
 * accept what the real programs accept, so the bring-up trains and the ports are the inventory's.
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
    void bringUpTrainsOnTheInventorysPortsAndCleansUp() throws Exception {
        Path repo = HOSTS.repo();
        Path inventory = LabInventory.generate(repo.resolve("e2e/inventory/other-ports.yaml"), HOSTS.dir(),
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
        }
        assertTrue(sh(2, "docker inspect -f '{{json .Config.Env}}' sn-2").contains("SENTINEL_API_SERVER_PORT=31304"));
        String init = sh(1, "cat " + wd + "/swci/swci-init");
        String ip = HOSTS.host("host-1").ip();
        assertTrue(init.contains("wait for ip " + ip + " 31304\n") && init.contains("create context example with ip " + ip + " 31304\n"), init);
        assertEquals(0, swarmplay("-i", inventory.toString(), repo.resolve("playbooks/cleanup.yaml").toString()));
    }
}
