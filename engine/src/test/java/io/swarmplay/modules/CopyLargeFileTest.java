package io.swarmplay.modules;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code copy: src} of a file large enough for the parallel converged check (over 1 MiB): the same
 * ok/changed results as for small content, the host's checksum asked only when the sizes agree, and
 * the registered checksum that of the bytes sent.
 */
class CopyLargeFileTest {

    private static final int SIZE = 3 << 20;

    @TempDir
    Path control;

    @Test
    void anIdenticalFileIsOkAfterOneHashOnEachSide() throws Exception {
        byte[] content = source(1);
        Host host = host(Map.of("/data/big.bin", file(content)));
        Change change = plan(host);
        assertTrue(change.isNone(), change.summary());
        assertEquals(1, host.remoteHashes.get());
        // what Ansible registers for a copy that changed nothing: its SHA-1 checksum, dest, size, state
        Map<String, Object> data = io.swarmplay.modules.support.Results.outcome(change).data();
        assertEquals(sha1(content), data.get("checksum"));
        assertEquals("/data/big.bin", data.get("dest"));
        assertEquals(SIZE, data.get("size"));
        assertEquals("file", data.get("state"));
    }

    @Test
    void aFileOfTheSameSizeWithOtherBytesIsRewrittenWithTheChecksumOfWhatWasSent() throws Exception {
        byte[] old = source(2);
        byte[] content = source(1);
        Host host = host(Map.of("/data/big.bin", file(old)));
        Change change = plan(host);
        assertEquals("update /data/big.bin: content", change.summary());
        assertEquals(1, host.remoteHashes.get());
        Outcome outcome = apply(host, change);
        assertArrayEquals(content, host.writes.get("/data/big.bin").content());
        assertEquals(sha1(content), outcome.data().get("checksum"));
        assertEquals(SIZE, outcome.data().get("size"));
    }

    @Test
    void aFileOfAnotherSizeIsRewrittenWithoutAskingTheHostForItsChecksum() throws Exception {
        byte[] content = source(1);
        Host host = host(Map.of("/data/big.bin", file(new byte[] {1, 2, 3})));
        Change change = plan(host);
        assertEquals("update /data/big.bin: content", change.summary());
        assertEquals(0, host.remoteHashes.get());
        assertEquals(sha1(content), apply(host, change).data().get("checksum"));
    }

    @Test
    void aNewFileIsCreatedAndItsChecksumIsThatOfTheBytesSent() throws Exception {
        byte[] content = source(3);
        Host host = host(Map.of("/data/other", file(new byte[] {0})));
        Change change = plan(host);
        assertEquals("create /data/big.bin (" + SIZE + " bytes)", change.summary());
        assertEquals(sha1(content), apply(host, change).data().get("checksum"));
        assertEquals(0, host.remoteHashes.get());
    }

    @Test
    void whenNothingReadsTheResultTheConvergedCheckComputesNoSha1AndTheResultHasNoChecksum() throws Exception {
        byte[] content = source(1);
        Host host = host(Map.of("/data/big.bin", file(content)));
        host.resultRead = false;
        Change change = plan(host);
        assertTrue(change.isNone(), change.summary());
        Map<String, Object> data = io.swarmplay.modules.support.Results.outcome(change).data();
        assertFalse(data.containsKey("checksum"), data.toString());
        assertEquals("/data/big.bin", data.get("dest"));
        assertEquals(SIZE, data.get("size"));
    }

    @Test
    void aModeFixOfAnUnreadResultFixesTheModeWithoutReadingTheContentOrRegisteringItsDigests() throws Exception {
        byte[] content = source(1);
        Host host = host(Map.of("/data/big.bin", file(content)));
        host.resultRead = false;
        CopyModule.Args args = ArgsBinder.bind(CopyModule.Args.class,
                Map.of("src", "big.bin", "dest", "/data/big.bin", "mode", "0600"));
        Change change = new CopyModule().plan(args, host);
        assertEquals("update /data/big.bin: mode 0644 → 0600", change.summary());
        Map<String, Object> data = new CopyModule().apply(args, change, host).data();
        assertTrue(host.commands.stream().anyMatch(c -> c.contains("chmod") && c.contains("0600")), host.commands.toString());
        assertFalse(data.containsKey("checksum"), data.toString());
        assertFalse(data.containsKey("md5sum"), data.toString());
        assertEquals("0600", data.get("mode"));
    }

    // nothing shows, registers or tests the result: no SHA-1/MD5 beside the send, no stat of the
    // written file for uid/gid/owner/group (one round trip less per file)
    @Test
    void aCopyWhoseResultNobodyReadsIsSentWithoutDigestsOrAStatOfTheWrittenFile() throws Exception {
        byte[] content = source(3);
        Host host = host(Map.of("/data/other", file(new byte[] {0})));
        host.resultRead = false;
        Outcome outcome = apply(host, plan(host));
        assertArrayEquals(content, host.writes.get("/data/big.bin").content());
        assertTrue(outcome.isChanged());
        Map<String, Object> data = outcome.data();
        assertFalse(data.containsKey("checksum") || data.containsKey("md5sum") || data.containsKey("uid"), data.toString());
        assertEquals("/data/big.bin", data.get("dest"));
        assertEquals(SIZE, data.get("size"));
        assertTrue(host.probed.stream().noneMatch(p -> p.startsWith("stat -c")), host.probed.toString());
    }

    @Test
    void aCopyWhoseResultIsReadRegistersBothDigestsAndTheWrittenFilesOwner() throws Exception {
        byte[] content = source(3);
        Host host = host(Map.of("/data/other", file(new byte[] {0})));
        Map<String, Object> data = apply(host, plan(host)).data();
        assertEquals(sha1(content), data.get("checksum"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)), data.get("md5sum"));
        assertEquals("root", data.get("owner"), data.toString());
    }

    /** The fake host, counting the checksums asked of it. */
    private static final class Host extends FakeSession {
        final AtomicInteger remoteHashes = new AtomicInteger();
        boolean resultRead = true;

        @Override
        public boolean resultRead() {
            return resultRead;
        }

        Host(FakeHostView view) {
            super(view, Map.of());
        }

        @Override
        public Optional<String> sha256(String path) {
            remoteHashes.incrementAndGet();
            return super.sha256(path);
        }
    }

    private Host host(Map<String, FakeHostView.FakeFile> files) {
        return new Host(new FakeHostView("web1", new LinkedHashMap<>(files), Map.of(), Map.of(), Map.of(), List.of(control)));
    }

    private Change plan(Host host) {
        return new CopyModule().plan(args(), host);
    }

    private Outcome apply(Host host, Change change) {
        return new CopyModule().apply(args(), change, host);
    }

    private static CopyModule.Args args() {
        return ArgsBinder.bind(CopyModule.Args.class, Map.of("src", "big.bin", "dest", "/data/big.bin"));
    }

    private byte[] source(long seed) throws Exception {
        byte[] content = new byte[SIZE];
        new Random(seed).nextBytes(content);
        Files.createDirectories(control.resolve("files"));
        Files.write(control.resolve("files/big.bin"), content);
        return content;
    }

    private static FakeHostView.FakeFile file(byte[] content) {
        return new FakeHostView.FakeFile(FileStat.Type.FILE, content, 0644, "root", "root", null);
    }

    /** Ansible's checksum of a copy: SHA-1 of the bytes. */
    private static String sha1(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    }
}
