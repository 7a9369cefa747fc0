package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.FileAttrs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a write leaves when it cannot finish: the connection drops, or the disk fills up. */
class SshTempFilesIT {

    /** NOPASSWD sudo for the test user, under a name of this class's own (other classes remove theirs). */
    private static final Path SUDOERS = Path.of("/etc/sudoers.d/swarmplay-it-tempfiles");

    private SshdHost host;

    @BeforeEach
    void start() throws Exception {
        host = SshdHost.start("127.0.0.56");
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private List<Path> temps(String name) throws IOException {
        try (Stream<Path> files = Files.list(host.work)) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + name + ".swarmplay-")).toList();
        }
    }

    @Test
    void aTempFileLeftByADroppedConnectionIsRemovedByTheNextWrite() throws Exception {
        droppedWriteIsCleanedUp(Map.of());
    }

    @Test
    void underBecomeToo() throws Exception {
        Files.writeString(SUDOERS, SshdHost.USER + " ALL=(root) NOPASSWD: ALL\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
        try {
            droppedWriteIsCleanedUp(Map.of("ansible_become", true));
        } finally {
            Files.deleteIfExists(SUDOERS);
        }
    }

    private void droppedWriteIsCleanedUp(Map<String, Object> vars) throws Exception {
        String path = host.work.resolve("bundle.bin").toString();
        Connection first = new SshConnectionFactory().open(host.settings(vars));
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() ->
                first.write(path, new Bytes.Throttled(new Bytes.Generated(64 << 20), 10), FileAttrs.DEFAULT));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (temps("bundle.bin").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(1, temps("bundle.bin").size(), "the upload never started");
        host.kill();
        ExecutionException dropped = assertThrows(ExecutionException.class, () -> slow.get(20, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionException.class, dropped.getCause(), () -> trace(dropped.getCause()));
        first.close();
        assertEquals(1, temps("bundle.bin").size(), "the dropped write leaves its temp file");

        host.restart();
        try (Connection next = new SshConnectionFactory().open(host.settings(vars))) {
            next.write(path, new ByteArrayInputStream("fresh\n".getBytes()), FileAttrs.DEFAULT);
        }
        assertEquals("fresh\n", Files.readString(Path.of(path)));
        assertEquals(List.of(), temps("bundle.bin"), "the next write removes what the dropped one left");
    }

    private static String trace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Test
    void aWriteInProgressOnAnotherConnectionKeepsItsTempFile() throws Exception {
        String path = host.work.resolve("shared.bin").toString();
        try (Connection slowOne = new SshConnectionFactory().open(host.settings());
             Connection other = new SshConnectionFactory().open(host.settings())) {
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() ->
                    slowOne.write(path, new Bytes.Throttled(new Bytes.Generated(6 << 20), 20), FileAttrs.DEFAULT));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (temps("shared.bin").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            other.write(path, new ByteArrayInputStream("other\n".getBytes()), FileAttrs.DEFAULT);
            slow.get(60, TimeUnit.SECONDS);
        }
        assertEquals(6 << 20, Files.size(Path.of(path)), "the slow write finished: its temp file was left alone");
        assertEquals(List.of(), temps("shared.bin"));
    }

    @Test
    void aFullDiskIsNamedWithTheMountAndWhatIsFree() throws Exception {
        Path small = Files.createDirectory(host.work.resolve("small"));
        SshdHost.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString());
        try {
            SshdHost.chownToUser(small);
            String path = small.resolve("big.bin").toString();
            try (Connection ssh = new SshConnectionFactory().open(host.settings())) {
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> ssh.write(path, new Bytes.Generated(3 << 20), FileAttrs.DEFAULT));
                String message = e.getCause().getMessage();
                assertTrue(message.matches("cannot write " + java.util.regex.Pattern.quote(path) + " on it-host as "
                        + SshdHost.USER + ": no space left on device \\(" + java.util.regex.Pattern.quote(small.toString())
                        + " has \\d+ KiB free\\)"), message);
            }
            try (Stream<Path> left = Files.list(small)) {
                assertEquals(List.of(), left.toList(), "the partial file is removed");
            }
        } finally {
            SshdHost.run("umount", small.toString());
        }
    }
}
