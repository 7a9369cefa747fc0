package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication and host key checking against a real sshd with ed25519 and ECDSA host keys. */
class SshHostKeysIT {

    private static SshdHost host;
    private static String home;

    @BeforeAll
    static void start() throws Exception {
        host = SshdHost.start("127.0.0.31", "ed25519");
        home = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts").toString();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) host.close();
    }

    private static String run(ConnectionSettings settings) {
        try (Connection c = new SshConnectionFactory().open(settings)) {
            return c.exec(Command.of("echo", "ok")).stdoutTrimmed();
        }
    }

    private static ConnectionException refused(ConnectionSettings settings) {
        return assertThrows(ConnectionException.class, () -> run(settings));
    }

    private static ConnectionSettings withKnownHosts(Path file, Map<String, Object> more) {
        Map<String, Object> vars = new HashMap<>(more);
        vars.put("ssh_known_hosts", file.toString());
        return host.settings(vars);
    }

    private static String pattern() {
        return "[127.0.0.31]:" + host.port;
    }

    @Test
    void authenticatesWithTheKeyFile() {
        assertEquals("ok", run(host.settings()));
    }

    @Test
    void openDoesNotConnectAndARefusedPortNamesTheTarget() throws Exception {
        ConnectionSettings s = new ConnectionSettings("gone", "ssh", "127.0.0.31", 1, "bob", host.clientKey.toString(),
                java.time.Duration.ofSeconds(2), Map.of("ssh_known_hosts", host.knownHosts.toString()));
        Connection c = new SshConnectionFactory().open(s);
        ConnectionException e = assertThrows(ConnectionException.class, () -> c.exec(Command.of("true")));
        assertEquals("cannot connect to bob@127.0.0.31:1 (host gone): connection refused", e.getMessage());
        c.close();
        c.close();
    }

    @Test
    void aServerThatNeverSpeaksSshTimesOutAfterTheConnectTimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket()) {
            silent.bind(new java.net.InetSocketAddress("127.0.0.31", 0));
            ConnectionSettings s = new ConnectionSettings("silent", "ssh", "127.0.0.31", silent.getLocalPort(), "bob",
                    host.clientKey.toString(), java.time.Duration.ofSeconds(1), Map.of());
            long start = System.nanoTime();
            ConnectionException e = refused(s);
            assertEquals("cannot connect to bob@127.0.0.31:" + silent.getLocalPort()
                    + " (host silent): timed out after 1s waiting for the SSH handshake", e.getMessage());
            assertTrue(System.nanoTime() - start < 60_000_000_000L, "a silent server never answers: only the 1 s timeout ends the wait");
        }
    }

    @Test
    void ecdsaAndRsaClientKeysAuthenticateToo() throws Exception {
        for (String type : List.of("ecdsa", "rsa")) {
            Path key = host.keygen(type, "client_" + type);
            Files.writeString(host.dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                    java.nio.file.StandardOpenOption.APPEND);
            ConnectionSettings s = new ConnectionSettings(SshdHost.HOST_NAME, "ssh", host.address, host.port,
                    SshdHost.USER, key.toString(), java.time.Duration.ofSeconds(5),
                    Map.of("ssh_known_hosts", host.knownHosts.toString()));
            assertEquals("ok", run(s), type);
        }
    }

    @Test
    void aRejectedKeyIsNamedInThePermissionDeniedMessage() throws Exception {
        Path other = host.keygen("ed25519", "other_ed25519");
        ConnectionSettings s = new ConnectionSettings(SshdHost.HOST_NAME, "ssh", host.address, host.port, SshdHost.USER,
                other.toString(), java.time.Duration.ofSeconds(5), Map.of("ssh_known_hosts", host.knownHosts.toString()));
        ConnectionException e = refused(s);
        assertTrue(e.getMessage().startsWith("permission denied for swarmplay-it@127.0.0.31:" + host.port
                + ": tried keys " + other + " (rejected)"), e.getMessage());
    }

    @Test
    void anEncryptedKeyWithoutPassphraseSaysHowToGiveIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(Authenticator.PASSPHRASE_ENV) == null);
        Path locked = host.keygen("ed25519", "locked_ed25519", "secret-pass");
        ConnectionSettings s = new ConnectionSettings(SshdHost.HOST_NAME, "ssh", host.address, host.port, SshdHost.USER,
                locked.toString(), java.time.Duration.ofSeconds(5), Map.of("ssh_known_hosts", host.knownHosts.toString()));
        String message = refused(s).getMessage();
        assertTrue(message.startsWith("permission denied for swarmplay-it@127.0.0.31:" + host.port + ": tried keys "
                + locked + " (encrypted; set SWARMPLAY_SSH_PASSPHRASE)"), message);
        assertTrue(!message.contains("secret-pass"));
    }

    @Test
    void anUnknownHostKeyIsRefusedWithFingerprintAndHint() throws Exception {
        Path empty = Files.createFile(host.dir.resolve("empty_known_hosts"));
        ConnectionException e = refused(withKnownHosts(empty, Map.of()));
        assertEquals("unknown host key for " + pattern() + " (host it-host): the server offers ssh-ed25519 "
                + host.hostFingerprint("ed25519") + ", which no known_hosts file lists (checked " + empty + ", " + home
                + ")\nrun 'swarmplay trust it-host' to record it after checking the fingerprint, or set"
                + " host_key_checking: accept-new in the inventory for first contact", e.getMessage());
    }

    @Test
    void aChangedHostKeyIsRefusedUnderEveryPolicy() throws Exception {
        Path other = host.keygen("ed25519", "impostor_ed25519");
        Path file = host.dir.resolve("changed_known_hosts");
        Files.writeString(file, "# a comment\n" + pattern() + " " + SshdHost.publicKey(other) + "\n");
        String expected = "HOST KEY CHANGED for " + pattern() + ": the server now offers ssh-ed25519 "
                + host.hostFingerprint("ed25519") + " which does not match known_hosts line 2 of " + file
                + "; refusing to connect";
        for (String policy : List.of("strict", "accept-new", "false")) {
            ConnectionException e = refused(withKnownHosts(file, Map.of("host_key_checking", policy)));
            assertEquals(expected, e.getMessage(), policy);
        }
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void aRevokedKeyIsRefusedUnderEveryPolicyEvenWhenAnotherLineTrustsIt() throws Exception {
        String key = host.hostPublicKey("ed25519");
        for (String revoked : List.of("@revoked * " + key, "@revoked " + pattern() + " " + key)) {
            Path file = host.dir.resolve("revoked_known_hosts");
            Files.writeString(file, pattern() + " " + key + "\n" + revoked + "\n");
            String expected = "REVOKED host key for " + pattern() + " (host it-host): the server offers ssh-ed25519 "
                    + host.hostFingerprint("ed25519") + ", which known_hosts line 2 of " + file
                    + " marks @revoked; refusing to connect";
            for (String policy : List.of("strict", "accept-new", "false")) {
                ConnectionException e = refused(withKnownHosts(file, Map.of("host_key_checking", policy)));
                assertEquals(expected, e.getMessage(), revoked + " / " + policy);
            }
        }
    }

    @Test
    void aCertAuthorityLineIsNotTakenForTheHostsKey() throws Exception {
        Path ca = host.keygen("ed25519", "ca_ed25519");
        Path file = host.dir.resolve("ca_known_hosts");
        Files.writeString(file, "@cert-authority * " + SshdHost.publicKey(ca) + "\n");
        ConnectionException e = refused(withKnownHosts(file, Map.of()));
        assertTrue(e.getMessage().startsWith("unknown host key for " + pattern()), e.getMessage());
    }

    /** {@code swarmplay trust -i INVENTORY it-host ARGS} with the host's known_hosts set to {@code file}. */
    private static SshPlaybooks.Result trust(Path file, String... args) throws Exception {
        Path inventory = Files.writeString(host.dir.resolve("trust-inventory.yaml"), "all:\n  hosts:\n    it-host:\n"
                + "      ansible_host: " + host.address + "\n      ansible_port: " + host.port + "\n"
                + "      ansible_user: " + SshdHost.USER + "\n      ssh_known_hosts: " + file + "\n");
        List<String> argv = new java.util.ArrayList<>(List.of("trust", "-i", inventory.toString(), "it-host"));
        argv.addAll(List.of(args));
        java.io.StringWriter out = new java.io.StringWriter();
        int code = io.swarmplay.cli.Main.execute(argv.toArray(String[]::new), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(out, true));
        return new SshPlaybooks.Result(code, out.toString());
    }

    @Test
    void trustReplacesAChangedKeyAndAlwaysSaysSo() throws Exception {
        Path impostor = host.keygen("ed25519", "old_ed25519");
        String old = SshdHost.publicKey(impostor);
        String oldPrint = SshdHost.run("ssh-keygen", "-l", "-f", impostor + ".pub").split("\\s+")[1];
        Path file = host.dir.resolve("trust_known_hosts");
        Files.writeString(file, "# kept\n" + pattern() + " " + old + "\n");
        SshPlaybooks.Result result = trust(file, "--yes");
        assertEquals(0, result.code(), result.out());
        String change = "line 2 of " + file + ": ssh-ed25519 " + oldPrint + " → " + host.hostFingerprint("ed25519");
        assertTrue(result.out().contains("WARNING: HOST KEY CHANGED for it-host: " + change
                + "; recording replaces the old key, which will no longer be trusted"), result.out());
        assertTrue(result.out().contains("replaced " + change), result.out());
        assertEquals(List.of("# kept", pattern() + " " + host.hostPublicKey("ed25519")), Files.readAllLines(file));
        assertEquals("ok", run(withKnownHosts(file, Map.of())));
    }

    @Test
    void trustNeverRecordsARevokedKey() throws Exception {
        Path file = host.dir.resolve("trust_revoked_known_hosts");
        Files.writeString(file, "@revoked * " + host.hostPublicKey("ed25519") + "\n");
        SshPlaybooks.Result result = trust(file, "--yes");
        assertEquals(3, result.code(), result.out());
        assertTrue(result.out().contains("REVOKED: ssh-ed25519 " + host.hostFingerprint("ed25519")
                + " is marked @revoked at line 1 of " + file + "; not recording it"), result.out());
        assertEquals(List.of("@revoked * " + host.hostPublicKey("ed25519")), Files.readAllLines(file));
    }

    @Test
    void acceptNewRecordsTheKeyThenStrictAcceptsIt() throws Exception {
        Path file = host.dir.resolve("new_known_hosts");
        assertEquals("ok", run(withKnownHosts(file, Map.of("host_key_checking", "accept-new"))));
        assertEquals(List.of(pattern() + " " + host.hostPublicKey("ed25519")), Files.readAllLines(file));
        assertEquals("ok", run(withKnownHosts(file, Map.of())));
    }

    @Test
    void hostKeyCheckingOffAcceptsWithoutRecording() throws Exception {
        Path file = host.dir.resolve("off_known_hosts");
        assertEquals("ok", run(withKnownHosts(file, Map.of("host_key_checking", false))));
        assertTrue(Files.notExists(file));
    }

    @Test
    void sshArgsNameTheKnownHostsFileAndStrictHostKeyChecking() throws Exception {
        Path file = host.dir.resolve("args known_hosts");
        Map<String, Object> vars = new HashMap<>();
        vars.put("ssh_known_hosts", null);
        // OpenSSH splits UserKnownHostsFile on spaces, so a path with a space is quoted inside the value
        vars.put("ansible_ssh_common_args", "-o \"UserKnownHostsFile='" + file + "'\" -oStrictHostKeyChecking=accept-new");
        assertEquals("ok", run(host.settings(vars)));
        assertEquals(List.of(pattern() + " " + host.hostPublicKey("ed25519")), Files.readAllLines(file));
    }

    @Test
    void hashedKnownHostsEntriesAreMatched() throws Exception {
        Path file = host.dir.resolve("hashed_known_hosts");
        Files.copy(host.knownHosts, file);
        SshdHost.run("ssh-keygen", "-H", "-f", file.toString());
        assertTrue(Files.readString(file).startsWith("|1|"), Files.readString(file));
        assertEquals("ok", run(withKnownHosts(file, Map.of())));
    }

    @Test
    void scanListsEveryKeyTypeAndRecordMakesThemTrusted() throws Exception {
        try (SshdHost two = SshdHost.start("127.0.0.33", "ed25519", "ecdsa")) {
            Path file = two.dir.resolve("trusted_known_hosts");
            Map<String, Object> vars = Map.of("ssh_known_hosts", file.toString());
            List<ScannedKey> keys = HostKeys.scan(two.settings(vars));
            String p = "[127.0.0.33]:" + two.port;
            assertEquals(List.of(
                    new ScannedKey("ssh-ed25519", two.hostFingerprint("ed25519"), p + " " + two.hostPublicKey("ed25519")),
                    new ScannedKey("ecdsa-sha2-nistp256", two.hostFingerprint("ecdsa"), p + " " + two.hostPublicKey("ecdsa"))),
                    keys);
            assertEquals(file, HostKeys.record(two.settings(vars), keys).file());
            HostKeys.record(two.settings(vars), keys);
            assertEquals(2, Files.readAllLines(file).size());
            try (Connection c = new SshConnectionFactory().open(two.settings(vars))) {
                assertEquals("ok", c.exec(Command.of("echo", "ok")).stdoutTrimmed());
            }
        }
    }
}
