package io.swarmplay.connection.ssh;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two runs at once against one real sshd host: the run lock on the host keeps them apart. */
class SshHostLockIT {

    private static final String PLAYBOOK = """
            - hosts: all
              gather_facts: false
              tasks:
                - name: add lines
                  lineinfile: {path: "{{ work }}/lines.txt", line: "{{ tag }}-{{ item }}", create: true}
                  loop: "{{ range(1, 16) | list }}"
                - name: keep the host a while
                  command: sleep 2
            """;

    @TempDir
    Path dir;

    private SshdHost host;
    private Path inventory;
    private Path playbook;

    @BeforeEach
    void start() throws Exception {
        host = SshdHost.start("127.0.0.57");
        inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(host));
        playbook = Files.writeString(dir.resolve("site.yaml"), PLAYBOOK);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private Path lockDirOnHost() throws IOException {
        Files.writeString(inventory, "      swarmplay_lock_dir: " + host.work.resolve("locks") + "\n",
                StandardOpenOption.APPEND);
        return host.work.resolve("locks/run.lock");
    }

    private static SshPlaybooks.Result run(Path inventory, Path playbook, String... more) {
        List<String> args = new ArrayList<>(List.of("-i", inventory.toString(), playbook.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(out, true));
        return new SshPlaybooks.Result(code, out.toString());
    }

    private CompletableFuture<SshPlaybooks.Result> firstRunHolding(Path link) throws InterruptedException {
        CompletableFuture<SshPlaybooks.Result> first = CompletableFuture.supplyAsync(
                () -> run(inventory, playbook, "-e", "tag=a"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isSymbolicLink(link) && !first.isDone() && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(Files.isSymbolicLink(link), "the first run never took the lock on the host");
        return first;
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(host.work.resolve("lines.txt"));
    }

    @Test
    void aSecondRunWithWaitLockWaitsAndNoLineIsLost() throws Exception {
        Path link = lockDirOnHost();
        CompletableFuture<SshPlaybooks.Result> first = firstRunHolding(link);
        String owner = Files.readSymbolicLink(link).toString();
        assertTrue(owner.startsWith("swarmplay:" + ProcessHandle.current().pid() + ":"), owner);
        SshPlaybooks.Result second = run(inventory, playbook, "-e", "tag=b", "--wait-lock=60");
        SshPlaybooks.Result done = first.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.code(), done.out());
        assertEquals(0, second.code(), second.out());
        assertTrue(second.out().contains("waiting: host-1 is being changed by another swarmplay run (pid "),
                second.out());
        assertEquals(30, lines().size(), String.valueOf(lines()));
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS), "released at the end");
    }

    @Test
    void withoutWaitLockTheSecondRunFailsTheHostAndChangesNothing() throws Exception {
        Path link = lockDirOnHost();
        CompletableFuture<SshPlaybooks.Result> first = firstRunHolding(link);
        SshPlaybooks.Result second = run(inventory, playbook, "-e", "tag=b");
        assertEquals(2, second.code(), second.out());
        assertTrue(second.out().contains("failed: [host-1] (item=1) => {"), second.out());
        assertTrue(second.out().contains("\"msg\": \"host-1 is being changed by another swarmplay run (pid "
                + ProcessHandle.current().pid() + " on "), second.out());
        assertTrue(second.out().contains("failed=1"), second.out());
        assertEquals(0, first.get(60, TimeUnit.SECONDS).code());
        assertTrue(lines().stream().allMatch(l -> l.startsWith("a-")), String.valueOf(lines()));
        SshPlaybooks.Result preview = run(inventory, playbook, "-e", "tag=c", "--check");
        assertEquals(0, preview.code(), preview.out());
    }

    @Test
    void theLockIsOnTheHostUnderTheLoginUsersHome() throws Exception {
        String dirOnHost = System.getProperty("swarmplay.lock.dir", "~/.swarmplay").replaceFirst("^~/", "");
        Files.writeString(playbook, PLAYBOOK + """
                    - name: read the lock
                      shell: readlink "$HOME/%s/run.lock"
                      register: lock
                    - assert:
                        that: lock.stdout.startswith('swarmplay:%d:')
                """.formatted(dirOnHost, ProcessHandle.current().pid()));
        SshPlaybooks.Result result = run(inventory, playbook, "-e", "tag=a");
        assertEquals(0, result.code(), result.out());
        String home = SshdHost.run("sh", "-c", "getent passwd " + SshdHost.USER + " | cut -d: -f6").strip();
        assertFalse(Files.exists(Path.of(home, dirOnHost, "run.lock"), LinkOption.NOFOLLOW_LINKS), "released");
    }
}
