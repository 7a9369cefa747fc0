package io.swarmplay.connection.ssh;

import io.swarmplay.cli.Main;
import io.swarmplay.connection.docker.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker modules on a host whose engine is reached only through its SSH connection: the
 * remote {@code /var/run/docker.sock} is forwarded with {@code direct-streamlocal} to a private
 * local socket. Here the "remote" engine is this machine's own, logged into over a loopback sshd
 * as a user in the {@code docker} group.
 */
@ExtendWith(TestEngine.class)
class DockerOverSshIT {

    private static final String CONTAINER = TestEngine.PREFIX + "over-ssh";

    @TempDir
    Path dir;
    private SshdHost host;

    @BeforeEach
    void start() throws Exception {
        host = SshdHost.startForGroups("127.0.0.43", List.of("docker"));
        Files.writeString(dir.resolve("inventory.yaml"), "all:\n  hosts:\n    remote:\n"
                + "      ansible_host: " + host.address + "\n      ansible_port: " + host.port
                + "\n      ansible_user: " + SshdHost.USER + "\n      ansible_ssh_private_key_file: " + host.clientKey
                + "\n      ssh_known_hosts: " + host.knownHosts + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private String run(String playbook, int expectedCode) throws Exception {
        Files.writeString(dir.resolve("site.yaml"), playbook);
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"-i", dir.resolve("inventory.yaml").toString(),
                dir.resolve("site.yaml").toString()}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(expectedCode, code, out.toString());
        return out.toString();
    }

    private static int changed(String output) {
        Matcher m = Pattern.compile("remote\\s+: ok=\\d+\\s+changed=(\\d+)").matcher(output);
        assertTrue(m.find(), output);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void containerLifecycleThroughTheForwardedSocket() throws Exception {
        String up = """
                - hosts: remote
                  gather_facts: false
                  tasks:
                    - name: start a container over ssh
                      docker_container:
                        name: %s
                        image: %s
                        command: ["sh", "-c", "echo ready; sleep 300"]
                        wait_for: {log: ready, timeout: 30}
                    - name: exec in it
                      docker_exec: {container: %s, argv: [sh, -c, "echo hello from $(hostname)"]}
                      register: hello
                    - assert: {that: "hello.stdout is search('hello from')"}
                """.formatted(CONTAINER, TestEngine.IMAGE, CONTAINER);
        String first = run(up, 0);
        assertTrue(TestEngine.endpoint().inspectContainer(CONTAINER).isPresent(), first);
        assertEquals(1, changed(run(up, 0)), "only the exec runs again");
        String down = "- hosts: remote\n  gather_facts: false\n  tasks:\n    - docker_container: {name: " + CONTAINER
                + ", state: absent}\n";
        run(down, 0);
        assertFalse(TestEngine.endpoint().inspectContainer(CONTAINER).isPresent());
        assertEquals(0, changed(run(down, 0)));
    }
}
