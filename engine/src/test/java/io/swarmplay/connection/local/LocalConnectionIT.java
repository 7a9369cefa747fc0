package io.swarmplay.connection.local;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalConnectionIT {

    private final Connection local = new LocalConnection();
    @TempDir
    Path dir;

    @Test
    void capturesRcStdoutAndStderrSeparately() {
        ExecResult r = local.exec(Command.shell("echo out; echo err >&2; exit 3"));
        assertEquals(3, r.rc());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertNull(r.signal());
        assertFalse(r.succeeded());
    }

    @Test
    void missingProgramIsRc127NotAnException() {
        ExecResult r = local.exec(Command.of("/no/such/program"));
        assertEquals(127, r.rc());
        assertTrue(r.stderr().startsWith("cannot run '/no/such/program'"), r.stderr());
    }

    @Test
    void addsEnvironmentToInheritedOneAndHonoursChdir() throws Exception {
        ExecResult r = local.exec(Command.shell("echo \"$GREETING $HOME\"; pwd")
                .withEnv(Map.of("GREETING", "hi")).inDirectory(dir.toString()));
        assertEquals("hi " + System.getenv("HOME") + "\n" + dir.toRealPath() + "\n", r.stdout());
    }

    @Test
    void missingWorkingDirectoryIsAFailedResultNamingIt() {
        ExecResult r = local.exec(Command.of("true").inDirectory(dir.resolve("gone").toString()));
        assertEquals(1, r.rc());
        assertEquals("cannot change to directory " + dir.resolve("gone") + ": no such directory", r.stderr());
    }

    @Test
    void feedsStdinThenClosesIt() {
        assertEquals("a\nb\n", local.exec(Command.of("cat").withStdin("a\nb\n".getBytes())).stdout());
        assertEquals("", local.exec(Command.of("cat")).stdout(), "no stdin: cat sees EOF at once");
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() {
        ExecResult r = local.exec(Command.shell("head -c 3000000 /dev/zero | tr '\\0' x; head -c 3000000 /dev/zero | tr '\\0' y >&2")
                .withTimeout(Duration.ofSeconds(30)));
        assertEquals(3_000_000, r.stdout().length());
        assertEquals(3_000_000, r.stderr().length());
    }

    @Test
    void largeStdinWhileChildWritesDoesNotDeadlock() {
        byte[] input = new byte[2_000_000];
        java.util.Arrays.fill(input, (byte) 'z');
        ExecResult r = local.exec(Command.of("cat").withStdin(input).withTimeout(Duration.ofSeconds(30)));
        assertEquals(2_000_000, r.stdout().length());
    }

    @Test
    void timeoutKillsTheWholeTree() throws Exception {
        Path marker = dir.resolve("child.pid");
        long start = System.nanoTime();
        ExecResult r = local.exec(Command.shell("sleep 3600 & echo $! > " + marker + "; wait")
                .withTimeout(Duration.ofMillis(500)));
        assertTrue(r.timedOut());
        assertEquals("KILL", r.signal());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 60_000, "returned after the timeout, not after the hour-long sleep");
        long child = Long.parseLong(Files.readString(marker).strip());
        for (int i = 0; i < 40 && running(child); i++) Thread.sleep(50);
        assertFalse(running(child), "grandchild sleep was killed too");
    }

    /** Alive and not a zombie waiting for init to reap it. */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) return false;
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void argvReachesTheProgramUnchanged() {
        List<String> nasty = List.of("it's", "\"double\"", "$(touch " + dir + "/pwned)", "`id`", "two\nlines",
                "  spaces  ", "*", "; rm -rf /", "");
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(nasty);
        ExecResult r = local.exec(Command.of(argv));
        StringBuilder expected = new StringBuilder();
        nasty.forEach(a -> expected.append('[').append(a).append("]\n"));
        assertEquals(expected.toString(), r.stdout());
        assertFalse(Files.exists(dir.resolve("pwned")));
        ExecResult viaShell = local.exec(Command.shell("printf '[%s]\\n' " + Command.of(nasty).toShellLine()));
        assertEquals(expected.toString(), viaShell.stdout(), "ShellQuote keeps each word intact through sh -c");
    }

    @Test
    void writesAtomicallyWithModeAndKeepsModeOnRewrite() throws Exception {
        Path file = dir.resolve("app.conf");
        local.write(file.toString(), bytes("one"), FileAttrs.mode(0600));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        local.write(file.toString(), bytes("two"), FileAttrs.DEFAULT);
        assertEquals("two", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temp files left behind");
        }
    }

    @Test
    void writeAppliesOwnerAndGroupWhenRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Path file = dir.resolve("owned");
        local.write(file.toString(), bytes("x"), new FileAttrs(04750, "nobody", "nogroup"));
        FileStat stat = local.stat(file.toString()).orElseThrow();
        assertEquals("nobody", stat.owner());
        assertEquals("nogroup", stat.group());
        assertEquals("4750", stat.modeOctal(), "owner set before mode, so chown does not clear set-id");
    }

    @Test
    void writeIntoMissingDirectoryFailsNamingIt() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> local.write(dir.resolve("nope/x").toString(), bytes("x"), FileAttrs.DEFAULT));
        assertEquals("no such directory: " + dir.resolve("nope"), e.getMessage());
    }

    @Test
    void statsFilesDirectoriesAndLinks() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "hello");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        Path link = Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));
        FileStat f = local.stat(file.toString()).orElseThrow();
        assertEquals(FileStat.Type.FILE, f.type());
        assertEquals("0750", f.modeOctal());
        assertEquals(5, f.size());
        assertEquals(System.getProperty("user.name"), f.owner());
        assertEquals(FileStat.Type.DIRECTORY, local.stat(dir.toString()).orElseThrow().type());
        FileStat l = local.stat(link.toString()).orElseThrow();
        assertEquals(FileStat.Type.LINK, l.type());
        assertEquals("f", l.target());
        assertEquals(Optional.empty(), local.stat(dir.resolve("missing").toString()));
    }

    @Test
    void checksumsAndReadsFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "hello");
        assertEquals(Optional.of("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
                local.sha256(file.toString()));
        assertEquals(Optional.empty(), local.sha256(dir.resolve("missing").toString()));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        local.read(file.toString(), sink);
        assertEquals("hello", sink.toString(StandardCharsets.UTF_8));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> local.read(dir.resolve("missing").toString(), new ByteArrayOutputStream()));
        assertEquals("no such file: " + dir.resolve("missing"), e.getMessage());
    }

    @Test
    void tildeIsTheHomeDirectory() {
        assertEquals(FileStat.Type.DIRECTORY, local.stat("~").orElseThrow().type());
        assertEquals(System.getProperty("user.home") + "\n",
                local.exec(Command.of("pwd").inDirectory("~")).stdout());
    }

    @Test
    void factoryIsFoundAsLocal() {
        boolean found = ServiceLoader.load(io.swarmplay.connection.ConnectionFactory.class).stream()
                .anyMatch(p -> p.get().type().equals("local") && p.get().open(new io.swarmplay.connection.ConnectionSettings(
                        "localhost", "local", "localhost", 0, null, null, null, java.util.Map.of())) instanceof LocalConnection);
        assertTrue(found);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
