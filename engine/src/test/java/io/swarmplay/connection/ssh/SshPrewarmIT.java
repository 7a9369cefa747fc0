package io.swarmplay.connection.ssh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosts that only a later play uses are connected in the background when the run starts: the
 * later play runs on them as before, and a host that cannot be reached is reported once, as
 * unreachable, by the play that needs it.
 */
class SshPrewarmIT {

    @TempDir
    Path dir;
    private SshdHost one;
    private SshdHost two;

    @BeforeEach
    void start() throws Exception {
        one = SshdHost.start("127.0.0.54");
        two = SshdHost.start("127.0.0.55");
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
    }

    @Test
    void aLaterPlayRunsOnItsPrewarmedHost() throws Exception {
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two));
        SshPlaybooks.Result result = SshPlaybooks.run(inventory, """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - command: "sh -c 'echo made > {{ work }}/made'"
                - hosts: host-2
                  gather_facts: false
                  tasks:
                    - command: "sh -c 'echo second > {{ work }}/second'"
                """);
        assertEquals(0, result.code(), result.out());
        assertEquals("second\n", Files.readString(two.work.resolve("second")));
        assertTrue(result.out().matches("(?s).*host-2\\s+: ok=1\\s+changed=1\\s+unreachable=0\\s+failed=0.*"), result.out());
    }

    @Test
    void aLaterHostThatIsDownIsUnreachableOnceWhenItsPlayComes() throws Exception {
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two));
        two.kill();
        SshPlaybooks.Result result = SshPlaybooks.run(inventory, """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - command: "true"
                - hosts: host-2
                  gather_facts: false
                  tasks:
                    - command: "true"
                """);
        assertTrue(result.code() != 0, result.out());
        assertEquals(1, result.out().split("UNREACHABLE!", -1).length - 1, result.out());
        assertTrue(result.out().matches("(?s).*host-1\\s+: ok=1\\s+changed=1\\s+unreachable=0.*"), result.out());
        assertTrue(result.out().matches("(?s).*host-2\\s+: ok=0\\s+changed=0\\s+unreachable=1.*"), result.out());
    }
}
