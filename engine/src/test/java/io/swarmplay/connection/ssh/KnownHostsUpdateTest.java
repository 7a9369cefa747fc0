package io.swarmplay.connection.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code swarmplay trust} writes into known_hosts files: changed keys are replaced, never added beside. */
class KnownHostsUpdateTest {

    private static final String HOST = "[127.0.0.9]:2222";
    private static final String OLD = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAPN2Mkk1qdQgNDQ0ueuwZKGYeKYc0mc3VMndUoZPMti";
    private static final String OLD_FP = "SHA256:EbpPmAyjpo+UH5fxCrSjGMoKNKfxNJ1XfcGdaUXB4qI";
    private static final String NEW = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINBb9WTlPMtR0AXfwiu58FVe6PXkCc61Qra9ed41rnme";
    private static final String NEW_FP = "SHA256:st1OJfaWgqJLnc41r0dQmN0J7kzxsuiDpUmDIkYP1+c";
    private static final String OTHER = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILKuAWl9xYsLg93BPbr4NS06j5uosgNx2n0vkRis+W/3";
    private static final ScannedKey OFFERED = new ScannedKey("ssh-ed25519", NEW_FP, HOST + " " + NEW);

    @TempDir
    Path dir;

    private KnownHostsUpdate update(Path... files) {
        return new KnownHostsUpdate(List.of(files), HOST);
    }

    @Test
    void aChangedKeyIsReplacedInItsLineAndTheRestOfTheFileIsKept() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# mine\nother.example " + OTHER + "\n" + HOST + " " + OLD
                + " old comment\n");
        HostKeys.Recorded done = update(file).record(List.of(OFFERED));
        assertEquals(List.of(new HostKeys.Replaced(file, 3, "ssh-ed25519", OLD_FP, NEW_FP)), done.replaced());
        assertEquals(List.of(), done.added());
        assertEquals("# mine\nother.example " + OTHER + "\n" + HOST + " " + NEW + "\n", Files.readString(file));
        assertEquals("line 3 of " + file + ": ssh-ed25519 " + OLD_FP + " → " + NEW_FP, done.replaced().get(0).describe());
    }

    @Test
    void aHashedLineStaysHashed() throws Exception {
        String hashed = "|1|1ORz+2jWQk0l3otjrMowai8K3CE=|gO5cabastlu5qISEzT2KVIzv2Fc=";
        Path file = Files.writeString(dir.resolve("known_hosts"), hashed + " " + OLD + "\n");
        update(file).record(List.of(OFFERED));
        assertEquals(hashed + " " + NEW + "\n", Files.readString(file));
    }

    @Test
    void aLineListingSeveralHostsLosesOnlyThisOneAndTheNewKeyIsAppended() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "a.example," + HOST + ",b.example " + OLD + "\n");
        HostKeys.Recorded done = update(file).record(List.of(OFFERED));
        assertEquals(1, done.replaced().size());
        assertEquals("a.example,b.example " + OLD + "\n" + HOST + " " + NEW + "\n", Files.readString(file));
    }

    @Test
    void anOldKeyBesideTheNewOneIsDroppedInEveryCheckedFile() throws Exception {
        Path first = Files.writeString(dir.resolve("first"), HOST + " " + NEW + "\n");
        Path second = Files.writeString(dir.resolve("second"), HOST + " " + OLD + "\nx.example " + OTHER + "\n");
        HostKeys.Recorded done = update(first, second).record(List.of(OFFERED));
        assertEquals(List.of(new HostKeys.Replaced(second, 1, "ssh-ed25519", OLD_FP, NEW_FP)), done.replaced());
        assertEquals(HOST + " " + NEW + "\n", Files.readString(first));
        assertEquals("x.example " + OTHER + "\n", Files.readString(second));
    }

    @Test
    void aNewHostIsAppendedAndATrustedOneLeftAlone() throws Exception {
        Path file = dir.resolve("known_hosts");
        assertEquals(List.of(OFFERED), update(file).record(List.of(OFFERED)).added());
        HostKeys.Recorded again = update(file).record(List.of(OFFERED));
        assertEquals(List.of(), again.added());
        assertEquals(List.of(), again.replaced());
        assertEquals(HOST + " " + NEW + "\n", Files.readString(file));
    }

    @Test
    void aChangedKeyListedThroughAWildcardCannotBeReplacedSilently() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "[127.0.0.*]:2222 " + OLD + "\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> update(file).record(List.of(OFFERED)));
        assertEquals("cannot replace the changed ssh-ed25519 key of " + HOST + ": line 1 of " + file + " lists it through"
                + " '[127.0.0.*]:2222'; edit or remove that line by hand", e.getCause().getMessage());
        assertEquals("[127.0.0.*]:2222 " + OLD + "\n", Files.readString(file));
    }

    @Test
    void revokedKeysAreFoundAndCertAuthoritiesAreNotHostKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "@cert-authority * " + OTHER + "\n@revoked * " + NEW
                + "\n" + HOST + " " + NEW + "\n");
        assertEquals(Map.of(OFFERED, "line 2 of " + file), update(file).revoked(List.of(OFFERED)));
        assertEquals(List.of(), update(file).changes(List.of(OFFERED)));
        assertTrue(KnownHostsFile.read(file).matching(net.schmizz.sshj.common.KeyType.ED25519, HOST).stream()
                .allMatch(l -> l.number() == 3));
    }
}
