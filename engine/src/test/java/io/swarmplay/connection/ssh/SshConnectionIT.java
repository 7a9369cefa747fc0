package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionFactory;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands against a real OpenSSH sshd ({@link SshdHost}), on one shared connection. */
class SshConnectionIT {

    private static SshdHost host;
    private static Connection ssh;

    @BeforeAll
    static void start() throws Exception {
        host = SshdHost.start("127.0.0.30");
        ssh = new SshConnectionFactory().open(host.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ssh != null) ssh.close();
        if (host != null) host.close();
    }

    @Test
    void factoryIsFoundByServiceLoaderAsSsh() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(ConnectionFactory.class).forEach(f -> types.add(f.type()));
        assertTrue(types.contains("ssh"), types.toString());
    }

    @Test
    void describeNamesUserAddressAndPort() {
        assertEquals("ssh swarmplay-it@127.0.0.30:" + host.port, ssh.describe());
    }

    @Test
    void execReportsStatusAndSeparateStreams() {
        ExecResult r = ssh.exec(Command.shell("echo out; echo err >&2; exit 7"));
        assertEquals(7, r.rc());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertNull(r.signal());
        assertFalse(r.timedOut());
    }

    @Test
    void execLogsInAsTheTestUser() {
        assertEquals(SshdHost.USER, ssh.exec(Command.of("id", "-un")).stdoutTrimmed());
    }

    @Test
    void execReportsTheKillingSignal() {
        ExecResult r = ssh.exec(Command.shell("kill -TERM $$"));
        assertEquals("TERM", r.signal());
        assertEquals(143, r.rc());
        assertFalse(r.succeeded());
    }

    @Test
    void execPassesEnvironmentDirectoryAndStdin() {
        Command c = Command.of("sh", "-c", "printf '%s|%s|' \"$FOO\" \"$(pwd)\"; cat")
                .withEnv(Map.of("FOO", "a b'c $(x)")).inDirectory("/tmp").withStdin("input\n".getBytes());
        assertEquals("a b'c $(x)|/tmp|input\n", ssh.exec(c).stdout());
    }

    @Test
    void execWithoutStdinSeesEndOfFileAtOnce() {
        ExecResult r = ssh.exec(Command.of("cat").withTimeout(Duration.ofSeconds(5)));
        assertFalse(r.timedOut());
        assertEquals("", r.stdout());
    }

    @Test
    void execTimeoutClosesTheChannelAndTheConnectionStaysUsable() {
        ExecResult r = ssh.exec(Command.of("sleep", "30").withTimeout(Duration.ofMillis(500)));
        assertTrue(r.timedOut());
        assertTrue(r.duration().toMillis() < 5000, r.duration().toString());
        assertEquals("ok", ssh.exec(Command.of("echo", "ok")).stdoutTrimmed());
    }

    @Test
    void noArgumentCanBreakOutOfItsWord() throws Exception {
        String marker = host.work.resolve("pwned").toString();
        List<String> nasty = List.of("a b", "'", "\"", "$(touch " + marker + ")", "`touch " + marker + "`",
                "line1\nline2", "; touch " + marker, "*", "\\", "", "-n", "ünïcødé ✓", "$HOME", "a'b\"c", "\t");
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(nasty);
        ExecResult r = ssh.exec(Command.of(argv).inDirectory(host.work.toString()));
        assertEquals(0, r.rc(), r.stderr());
        assertEquals(nasty, Arrays.asList(r.stdout().split("\0", -1)).subList(0, nasty.size()));
        assertFalse(Files.exists(host.work.resolve("pwned")));
    }

    @Test
    void shellCommandsRunTheScriptWithSh() {
        ExecResult r = ssh.exec(Command.shell("a='x y'; echo \"$a\" | tr x z; echo \"$0\""));
        assertEquals("z y\n/bin/sh\n", r.stdout());
    }

    @Test
    void moreConcurrentExecsThanMaxSessionsAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<ExecResult>> runs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Command c = Command.shell("sleep 0.3; echo " + i);
                runs.add(pool.submit((Callable<ExecResult>) () -> ssh.exec(c)));
            }
            for (int i = 0; i < 30; i++) {
                ExecResult r = runs.get(i).get();
                assertEquals(0, r.rc(), r.stderr());
                assertEquals(String.valueOf(i), r.stdoutTrimmed());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sshMaxSessionsCapsConcurrentChannels() throws Exception {
        String dir = host.work.resolve("running").toString();
        ssh.exec(Command.of("mkdir", "-p", dir));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Connection two = new SshConnectionFactory().open(host.settings(Map.of("ssh_max_sessions", 2)))) {
            List<Future<ExecResult>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Command c = Command.shell("cd " + dir + " && touch " + i + " && ls | wc -l && sleep 0.3 && rm " + i);
                runs.add(pool.submit((Callable<ExecResult>) () -> two.exec(c)));
            }
            int most = 0;
            for (Future<ExecResult> run : runs) most = Math.max(most, Integer.parseInt(run.get().stdoutTrimmed()));
            assertTrue(most <= 2, "at most 2 commands at once, saw " + most);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writeSetsOwnerAndGroupBeforeTheRenameAndCleansUpWhenItCannot() throws Exception {
        String path = host.work.resolve("owned.conf").toString();
        String me = SshdHost.USER;
        ssh.write(path, new ByteArrayInputStream("x".getBytes()), new FileAttrs(0600, me, me));
        assertEquals(new FileStat(FileStat.Type.FILE, 0600, 1, me, me, null), ssh.stat(path).orElseThrow());
        String other = host.work.resolve("root-owned.conf").toString();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ssh.write(other, new ByteArrayInputStream("x".getBytes()), new FileAttrs(null, "root", null)));
        assertTrue(e.getCause().getMessage().startsWith("cannot write " + other + " on it-host: chown root failed: "),
                e.getCause().getMessage());
        assertTrue(ssh.stat(other).isEmpty());
        assertEquals(List.of("owned.conf"), remoteList("owned.conf root-owned.conf"));
    }

    @Test
    void statDescribesFileDirectoryLinkAndMissing() throws Exception {
        String dir = host.work.resolve("statdir").toString();
        ssh.exec(Command.shell("mkdir -p " + dir + " && cd " + dir + " && printf abc > f && chmod 640 f"
                + " && ln -sf 'f' link")).requireSuccess(Command.of("setup"));
        FileStat file = ssh.stat(dir + "/f").orElseThrow();
        assertEquals(new FileStat(FileStat.Type.FILE, 0640, 3, SshdHost.USER, SshdHost.USER, null), file);
        assertEquals(FileStat.Type.DIRECTORY, ssh.stat(dir).orElseThrow().type());
        FileStat link = ssh.stat(dir + "/link").orElseThrow();
        assertEquals(FileStat.Type.LINK, link.type());
        assertEquals("f", link.target());
        assertTrue(ssh.stat(dir + "/missing").isEmpty());
    }

    @Test
    void sha256MatchesAndIsEmptyForMissingFiles() throws Exception {
        String path = host.work.resolve("hash.txt").toString();
        byte[] content = "hello sha\n".getBytes(StandardCharsets.UTF_8);
        ssh.write(path, new ByteArrayInputStream(content), FileAttrs.DEFAULT);
        assertEquals(Bytes.sha256(content), ssh.sha256(path).orElseThrow());
        assertTrue(ssh.sha256(path + ".missing").isEmpty());
    }

    @Test
    void writeSetsModeAndKeepsItOnRewrite() throws Exception {
        String path = host.work.resolve("mode.conf").toString();
        ssh.write(path, new ByteArrayInputStream("one".getBytes()), FileAttrs.mode(0640));
        assertEquals(0640, ssh.stat(path).orElseThrow().mode());
        ssh.write(path, new ByteArrayInputStream("two".getBytes()), FileAttrs.DEFAULT);
        assertEquals(0640, ssh.stat(path).orElseThrow().mode());
        assertEquals("two", Files.readString(host.work.resolve("mode.conf")));
        String fresh = host.work.resolve("fresh.conf").toString();
        ssh.write(fresh, new ByteArrayInputStream("new".getBytes()), FileAttrs.DEFAULT);
        assertEquals(0644, ssh.stat(fresh).orElseThrow().mode());
        assertEquals(List.of("fresh.conf", "mode.conf"), remoteList("fresh.conf mode.conf"));
    }

    /** Which of the names exist in the work dir (no temp files left behind). */
    private static List<String> remoteList(String names) {
        String out = ssh.exec(Command.shell("cd " + host.work + " && ls -a | grep -v '^\\.\\.\\?$' | grep -E '"
                + names.replace(' ', '|').replace(".", "\\.") + "|swarmplay'")).stdout();
        return Arrays.asList(out.strip().split("\n"));
    }

    @Test
    void writeIntoAMissingDirectoryFailsWithThePath() {
        String path = host.work.resolve("nodir/x.conf").toString();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ssh.write(path, new ByteArrayInputStream(new byte[1]), FileAttrs.DEFAULT));
        assertEquals("cannot write " + path + " on it-host as swarmplay-it: no such directory", e.getCause().getMessage());
    }

    @Test
    void readStreamsALargeFileIntoTheSink() throws Exception {
        String path = host.work.resolve("big.bin").toString();
        ssh.exec(Command.shell("head -c 20971520 /dev/urandom > " + path)).requireSuccess(Command.of("head"));
        Bytes.HashingSink sink = new Bytes.HashingSink();
        ssh.read(path, sink);
        assertEquals(20L << 20, sink.count());
        assertTrue(sink.largestWrite() <= 1 << 20, "largest write " + sink.largestWrite());
        assertEquals(ssh.sha256(path).orElseThrow(), sink.hex());
    }

    @Test
    void readOfAMissingFileSaysNoSuchFile() {
        String path = host.work.resolve("absent.txt").toString();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ssh.read(path, new ByteArrayOutputStream()));
        assertEquals("no such file: " + path, e.getCause().getMessage());
    }

    @Test
    void writeStreamsOneHundredMebibytes() {
        String path = host.work.resolve("hundred.bin").toString();
        Bytes.Generated content = new Bytes.Generated(100L << 20);
        ssh.write(path, content, FileAttrs.mode(0600));
        assertEquals(content.hex(), ssh.sha256(path).orElseThrow());
        assertEquals(100L << 20, ssh.stat(path).orElseThrow().size());
        ssh.exec(Command.of("rm", "-f", path));
    }

    @Test
    void aReaderNeverSeesAPartialFileOrTheModeBeforeItIsSet() throws Exception {
        String path = host.work.resolve("atomic.bin").toString();
        ssh.write(path, new ByteArrayInputStream(new byte[1000]), FileAttrs.mode(0600));
        String done = path + ".done";
        String watch = "while [ ! -e " + done + " ]; do stat -c '%a %s' -- " + path + " 2>/dev/null; done | sort -u";
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<ExecResult> watcher = background.submit(
                    () -> ssh.exec(Command.shell(watch).withTimeout(Duration.ofSeconds(60))));
            Thread.sleep(300);
            ssh.write(path, new Bytes.Throttled(new Bytes.Generated(4 << 20), 10), FileAttrs.mode(0640));
            Thread.sleep(300);
            ssh.exec(Command.of("touch", done));
            List<String> seen = Arrays.asList(watcher.get().stdout().strip().split("\n"));
            assertEquals(List.of("600 1000", "640 4194304"), seen);
        } finally {
            background.shutdownNow();
        }
    }
}
