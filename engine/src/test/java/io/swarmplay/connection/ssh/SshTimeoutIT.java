package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time limits over SSH end the command and everything it started, on time: a command's own limit,
 * and a task's {@code timeout:} through the CLI, with and without become (sudo runs the command in
 * a session of its own, out of reach of sshd's signal).
 */
class SshTimeoutIT {

    /** NOPASSWD sudo for the test user, under a name of this class's own (other classes remove theirs). */
    private static final Path SUDOERS = Path.of("/etc/sudoers.d/swarmplay-it-timeout");

    private static SshdHost host;
    @TempDir
    Path dir;
    private final String marker = "61" + (System.nanoTime() % 100000) + ".5";

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(SUDOERS, SshdHost.USER + " ALL=(root) NOPASSWD: ALL\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
        host = SshdHost.start("127.0.0.53");
    }

    @AfterAll
    static void stop() throws Exception {
        Files.deleteIfExists(SUDOERS);
        if (host != null) host.close();
    }

    @AfterEach
    void cleanUp() {
        RemoteProcesses.killLeftovers("sleep " + marker);
    }

    @Test
    void aCommandsLimitKillsItsChildrenEvenThoseInANewSession() throws Exception {
        try (Connection ssh = new SshConnectionFactory().open(host.settings())) {
            Command c = Command.shell("setsid sleep " + marker + " & sleep " + marker + " & echo started; wait")
                    .withTimeout(Duration.ofSeconds(2));
            long start = System.nanoTime();
            ExecResult r = ssh.exec(c);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(r.timedOut(), r.toString());
            assertEquals("started\n", r.stdout());
            // the command would sleep for days: returning within a minute means the 2 s limit ended it (the
            // bound is loose because the machine is shared; the figure belongs to benchmarks)
            assertTrue(millis < 60_000, "returned after " + millis + " ms for a 2 s limit");
            assertEquals(List.of(), RemoteProcesses.awaitGone("sleep " + marker, 1000), "processes left on the host");
            assertEquals("ok", ssh.exec(Command.of("echo", "ok")).stdoutTrimmed(), "the connection stays usable");
        }
    }

    @Test
    void aTaskTimeoutHoldsAndKillsTheCommandWithoutBecome() throws Exception {
        taskTimeoutHolds(false);
    }

    @Test
    void aTaskTimeoutHoldsAndKillsTheCommandUnderBecome() throws Exception {
        taskTimeoutHolds(true);
    }

    private void taskTimeoutHolds(boolean become) throws Exception {
        Path inventory = SshPlaybooks.inventory(dir, Map.of("host-1", host));
        String playbook = """
                - hosts: host-1
                  gather_facts: false
                  become: %s
                  tasks:
                    - name: slow
                      shell: "sleep %s; echo done"
                      timeout: 3
                    - name: never reached
                      command: "true"
                """.formatted(become, marker);
        SshPlaybooks.Result result = SshPlaybooks.run(inventory, playbook, "--timings");
        assertEquals(2, result.code(), result.out());
        Matcher failed = Pattern.compile("fatal: \\[host-1]: FAILED! => \\{.*\"msg\": \"task 'slow' timed out on host-1 after its"
                + " timeout of 3s; killed 'sleep " + Pattern.quote(marker) + "; echo done'\".*} \\((\\d+(\\.\\d+)?)s\\)")
                .matcher(result.out());
        assertTrue(failed.find(), result.out());
        double seconds = Double.parseDouble(failed.group(1));
        // the step opens the connection too: the timeout covers that
        assertTrue(seconds < 3 + 1.5, "the step took " + seconds + " s for a 3 s task timeout:\n" + result.out());
        assertTrue(!result.out().contains("never reached"), result.out());
        assertEquals(List.of(), RemoteProcesses.awaitGone("sleep " + marker, 1000), "processes left on the host");
    }
}
