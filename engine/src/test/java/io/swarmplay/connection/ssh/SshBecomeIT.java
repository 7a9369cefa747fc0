package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ansible_become} through {@code sudo -n}. The test user gets NOPASSWD sudo to root only
 * ({@code /etc/sudoers.d/swarmplay-it}, removed afterwards), so becoming {@code nobody} needs a password.
 */
class SshBecomeIT {

    private static final Path SUDOERS = Path.of("/etc/sudoers.d/swarmplay-it");
    private static final String NEEDS_PASSWORD =
            "sudo on it-host needs a password: give the login user NOPASSWD sudo or log in as root";

    private static SshdHost host;
    private static Connection root;
    private static Path rootOnly;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(SUDOERS, SshdHost.USER + " ALL=(root) NOPASSWD: ALL\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
        host = SshdHost.start("127.0.0.34");
        rootOnly = Files.createDirectory(host.dir.resolve("root-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        root = new SshConnectionFactory().open(host.settings(Map.of("ansible_become", true)));
    }

    @AfterAll
    static void stop() throws Exception {
        Files.deleteIfExists(SUDOERS);
        if (root != null) root.close();
        if (host != null) host.close();
    }

    @Test
    void commandsRunAsRootWithEnvironmentAndDirectoryInsideSudo() {
        Command c = Command.of("sh", "-c", "id -u; echo \"$FOO\"; pwd").withEnv(Map.of("FOO", "it's")).inDirectory(rootOnly.toString());
        ExecResult r = root.exec(c);
        assertEquals("0\nit's\n" + rootOnly + "\n", r.stdout(), r.stderr());
    }

    @Test
    void aSignalIsStillReportedThroughSudo() {
        assertEquals("TERM", root.exec(Command.shell("kill -TERM $$")).signal());
    }

    @Test
    void filesAreWrittenReadAndProbedAsRoot() {
        String path = rootOnly.resolve("secret.conf").toString();
        root.write(path, new ByteArrayInputStream("k=v\n".getBytes()), new FileAttrs(0640, "root", SshdHost.USER));
        assertEquals(new FileStat(FileStat.Type.FILE, 0640, 4, "root", SshdHost.USER, null), root.stat(path).orElseThrow());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        root.read(path, out);
        assertEquals("k=v\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(Bytes.sha256("k=v\n".getBytes()), root.sha256(path).orElseThrow());
        assertEquals("secret.conf", root.exec(Command.of("ls", "-A", rootOnly.toString())).stdoutTrimmed());
    }

    @Test
    void readingAMissingFileAsRootSaysNoSuchFile() {
        String path = rootOnly.resolve("absent").toString();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> root.read(path, new ByteArrayOutputStream()));
        assertEquals("no such file: " + path, e.getCause().getMessage());
    }

    @Test
    void becomingAUserThatNeedsAPasswordFailsClearly() {
        try (Connection nobody = new SshConnectionFactory().open(
                host.settings(Map.of("ansible_become", "yes", "ansible_become_user", "nobody")))) {
            ExecResult r = nobody.exec(Command.of("id", "-u"));
            assertEquals(1, r.rc());
            assertEquals(NEEDS_PASSWORD, r.stderr());
            String path = host.work.resolve("x").toString();
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> nobody.write(path, new ByteArrayInputStream(new byte[1]), FileAttrs.DEFAULT));
            assertEquals("cannot write " + path + " on it-host: " + NEEDS_PASSWORD, e.getCause().getMessage());
            assertTrue(Files.notExists(host.work.resolve("x")));
        }
    }
}
