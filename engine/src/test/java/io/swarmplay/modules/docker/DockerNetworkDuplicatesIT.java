package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.connection.docker.TestEngine;
import io.swarmplay.modules.docker.Playbooks.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two networks of one name on the real engine (what two clients creating it at once leave, and
 * what the engine then refuses by name as "ambiguous"): docker_network resolves them.
 */
@ExtendWith(TestEngine.class)
class DockerNetworkDuplicatesIT {

    private static final String NAME = "swarmplay-it-dup";
    private static final String PLAYBOOK = """
            - hosts: localhost
              gather_facts: false
              tasks:
                - name: net
                  docker_network: {name: %s, state: %s}
            """;

    @TempDir
    Path dir;

    private Playbooks playbooks;
    private final DockerEndpoint docker = TestEngine.endpoint();

    @BeforeEach
    void clean() {
        TestEngine.cleanUp();
        playbooks = new Playbooks(dir);
    }

    /** Creates a network through the Engine API without its duplicate check, as a racing client does. */
    private static String createUnchecked(String name) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-sf", "--unix-socket", "/var/run/docker.sock", "-X", "POST",
                "-H", "Content-Type: application/json", "-d", "{\"Name\": \"" + name + "\", \"CheckDuplicate\": false}",
                "http://localhost/networks/create").redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor(), out);
        return out.replaceAll("(?s).*\"Id\":\"([0-9a-f]+)\".*", "$1");
    }

    @Test
    void duplicatesAreResolvedToTheOneInUseAndTheNextRunIsANoOp() throws Exception {
        String first = createUnchecked(NAME);
        String second = createUnchecked(NAME);
        assertEquals(2, docker.listNetworksNamed(NAME).size(), "the engine made no duplicate");
        docker.connectNetwork(second, startContainer(), new io.swarmplay.connection.docker.NetworkAttachment(
                second, List.of(), null));
        Path pb = playbooks.write(PLAYBOOK.formatted(NAME, "present"));
        Run plan = playbooks.plan(pb);
        assertEquals("update", plan.step("net").action(), plan.output());
        Run run = playbooks.apply(pb);
        assertEquals(0, run.code(), run.output());
        assertEquals("remove 1 duplicate network(s) named " + NAME + ", keep " + second.substring(0, 12) + " (in use)",
                run.step("net").msg());
        List<NetworkInfo> left = docker.listNetworksNamed(NAME);
        assertEquals(List.of(second), left.stream().map(NetworkInfo::id).toList(), "kept " + first + "?");
        assertEquals("none", playbooks.apply(pb).step("net").action());
    }

    @Test
    void withoutContainersTheOldestIsKeptAndAbsentRemovesThemAll() throws Exception {
        String oldest = createUnchecked(NAME);
        Thread.sleep(1100); // the engine's creation times have a resolution finer than this, but be sure
        createUnchecked(NAME);
        Path pb = playbooks.write(PLAYBOOK.formatted(NAME, "present"));
        assertEquals(0, playbooks.apply(pb).code());
        assertEquals(List.of(oldest), docker.listNetworksNamed(NAME).stream().map(NetworkInfo::id).toList());
        createUnchecked(NAME);
        Run absent = playbooks.apply(playbooks.write(PLAYBOOK.formatted(NAME, "absent")));
        assertEquals("remove network " + NAME + " (all 2 of that name)", absent.step("net").msg(), absent.output());
        assertTrue(docker.listNetworksNamed(NAME).isEmpty());
    }

    private String startContainer() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_container:
                        name: swarmplay-it-dupc
                        image: %s
                        command: [sleep, "300"]
                        force_kill: true
                """.formatted(TestEngine.IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals(0, run.code(), run.output());
        return docker.inspectContainer("swarmplay-it-dupc").orElseThrow().id();
    }
}
