package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Connection;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.modules.support.Pipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reading and writing one host at the same time over its one connection: a {@code transfer} from a
 * host to itself, every host pulling from one, and two hosts swapping files. These used to wait
 * forever on the host's SFTP channel.
 */
class SshTransferIT {

    private static final int BIG = 3 << 20;

    @TempDir
    Path dir;
    private SshdHost one;
    private SshdHost two;

    @BeforeEach
    void start() throws Exception {
        one = SshdHost.start("127.0.0.51");
        two = SshdHost.start("127.0.0.52");
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
    }

    @Test
    void aConnectionReadsAndWritesItsHostAtTheSameTime() throws Exception {
        for (int size : new int[] {8, BIG}) {
            byte[] content = random(size);
            Path source = Files.write(one.work.resolve("src-" + size), content);
            String dest = one.work.resolve("dest-" + size).toString();
            try (Connection ssh = new SshConnectionFactory().open(one.settings())) {
                CompletableFuture<Void> copy = CompletableFuture.runAsync(() -> Pipe.stream(
                        out -> ssh.read(source.toString(), out),
                        in -> ssh.write(dest, in, FileAttrs.DEFAULT)));
                await(copy, "copying " + size + " bytes from " + source + " to " + dest + " on one connection");
            }
            assertArrayEquals(content, Files.readAllBytes(Path.of(dest)));
        }
    }

    @Test
    void everyHostPullsFromHostOneIncludingHostOneItself() throws Exception {
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two));
        String playbook = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: make the source
                      command: sh -c 'head -c %d /dev/urandom > {{ work }}/bundle.bin'
                      when: inventory_hostname == 'host-1'
                    - name: spread it
                      transfer:
                        from: host-1
                        src: "{{ hostvars['host-1'].work }}/bundle.bin"
                        dest: "{{ work }}/copy.bin"
                """.formatted(BIG);
        SshPlaybooks.Result result = runBounded(inventory, playbook);
        assertEquals(0, result.code(), result.out());
        byte[] source = Files.readAllBytes(one.work.resolve("bundle.bin"));
        assertArrayEquals(source, Files.readAllBytes(one.work.resolve("copy.bin")));
        assertArrayEquals(source, Files.readAllBytes(two.work.resolve("copy.bin")));
    }

    @Test
    void twoHostsSwapFilesInOneTask() throws Exception {
        Files.write(one.work.resolve("mine.bin"), random(BIG));
        Files.write(two.work.resolve("mine.bin"), random(BIG + 1));
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two));
        String playbook = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: take the other's file
                      transfer:
                        from: "{{ 'host-2' if inventory_hostname == 'host-1' else 'host-1' }}"
                        src: "{{ hostvars['host-2' if inventory_hostname == 'host-1' else 'host-1'].work }}/mine.bin"
                        dest: "{{ work }}/theirs.bin"
                """;
        SshPlaybooks.Result result = runBounded(inventory, playbook);
        assertEquals(0, result.code(), result.out());
        assertArrayEquals(Files.readAllBytes(two.work.resolve("mine.bin")), Files.readAllBytes(one.work.resolve("theirs.bin")));
        assertArrayEquals(Files.readAllBytes(one.work.resolve("mine.bin")), Files.readAllBytes(two.work.resolve("theirs.bin")));
    }

    private static SshPlaybooks.Result runBounded(Path inventory, String playbook) throws Exception {
        CompletableFuture<SshPlaybooks.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return SshPlaybooks.run(inventory, playbook);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return await(run, "the playbook");
    }

    private static <T> T await(CompletableFuture<T> work, String what) throws Exception {
        try {
            return work.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail(what + " did not finish within 30 s (deadlock)");
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }
}
