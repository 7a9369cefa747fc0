package io.swarmplay.connection.ssh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGINT and SIGTERM to the real CLI (a child JVM) while commands run on two sshd hosts: the first
 * stops the run, kills the remote commands, prints the recap and exits 99 within seconds; a second
 * one exits at once.
 */
class SshInterruptIT {

    @TempDir
    Path dir;
    private SshdHost one;
    private SshdHost two;
    private Process cli;
    private final String marker = "62" + (System.nanoTime() % 100000) + ".5";

    @BeforeEach
    void start() throws Exception {
        one = SshdHost.start("127.0.0.54");
        two = SshdHost.start("127.0.0.55");
    }

    @AfterEach
    void stop() throws Exception {
        if (cli != null) cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        RemoteProcesses.killLeftovers("sleep " + marker);
        one.close();
        two.close();
    }

    private static final String SLOW = """
            - hosts: all
              gather_facts: false
              tasks:
                - name: slow
                  shell: "sleep %s & sleep %s; wait"
                - name: next
                  command: touch {{ work }}/next
            """;

    @Test
    void sigintKillsTheRemoteCommandsPrintsTheRecapAndExits99() throws Exception {
        interruptStopsTheRun("INT");
    }

    @Test
    void sigtermDoesTheSame() throws Exception {
        interruptStopsTheRun("TERM");
    }

    private void interruptStopsTheRun(String signal) throws Exception {
        Path log = dir.resolve("out.log");
        cli = SshPlaybooks.start(SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two)),
                SLOW.formatted(marker, marker), log);
        assertTrue(RemoteProcesses.await("sleep " + marker, 4, 30_000), "the remote commands never started:\n" + read(log));
        long start = System.nanoTime();
        send(signal, cli);
        assertTrue(cli.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIG" + signal + ":\n" + read(log));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String out = read(log);
        assertEquals(99, cli.exitValue(), out);
        assertTrue(out.contains("[swarmplay] interrupted (SIG" + signal + ")"), out);
        assertTrue(out.contains("interrupted: 'sleep " + marker + " & sleep " + marker + "; wait' was killed on host-1"), out);
        assertTrue(out.contains("PLAY RECAP"), out);
        assertTrue(out.matches("(?s).*host-2\\s+: ok=0\\s+changed=0\\s+unreachable=0\\s+failed=1.*"), out);
        assertFalse(out.contains("TASK [next]"), out);
        assertTrue(millis < 5000, "exited " + millis + " ms after the signal:\n" + out);
        assertEquals(List.of(), RemoteProcesses.awaitGone("sleep " + marker, 1000), "processes left on the hosts");
        assertFalse(Files.exists(one.work.resolve("next")));
    }

    @Test
    void aSecondInterruptExitsAtOnce() throws Exception {
        Path log = dir.resolve("out.log");
        // pause does not stop for the first interrupt: the run would wait out its grace period
        cli = SshPlaybooks.start(SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two)), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: connect
                      command: "true"
                    - name: wait
                      pause: {seconds: 120}
                """, log);
        assertTrue(awaitText(log, "TASK [wait]", 30_000), "the pause never started:\n" + read(log));
        send("INT", cli);
        assertTrue(awaitText(log, "[swarmplay] interrupted (SIGINT)", 5_000), read(log));
        long start = System.nanoTime();
        send("INT", cli);
        assertTrue(cli.waitFor(10, TimeUnit.SECONDS), "still running 10 s after the second SIGINT:\n" + read(log));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String out = read(log);
        assertEquals(99, cli.exitValue(), out);
        assertTrue(out.contains("[swarmplay] interrupted again (SIGINT): exiting at once"), out);
        assertTrue(millis < 1500, "exited " + millis + " ms after the second signal:\n" + out);
    }

    private static void send(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private static boolean awaitText(Path log, String text, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (read(log).contains(text)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
