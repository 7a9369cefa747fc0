package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionSettings;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Host keys for {@code swarmplay trust HOST...}: {@link #scan} asks a server for its keys (no
 * authentication, nothing recorded) so the CLI can show their fingerprints, and {@link #record}
 * records the ones the user accepted, replacing the lines of keys the host no longer has.
 */
public final class HostKeys {

    /** One connection per key family, as ssh-keyscan does; each yields the server's key of that family. */
    private static final List<List<String>> FAMILIES = List.of(
            List.of("ssh-ed25519"),
            List.of("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"),
            List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));

    private HostKeys() {
    }

    /**
     * The host keys the server at {@code settings} offers (ed25519, ECDSA, RSA, as available).
     *
     * @throws ConnectionException when the server cannot be reached
     */
    public static List<ScannedKey> scan(ConnectionSettings settings) {
        SshOptions options = SshOptions.from(settings);
        List<ScannedKey> keys = new ArrayList<>();
        for (List<String> family : FAMILIES) {
            PublicKey key = offered(options, family);
            if (key != null) keys.add(scanned(options.address(), options.port(), key));
        }
        return keys;
    }

    /**
     * A known_hosts line that listed the host with a key it no longer offers, replaced by {@link #record}.
     *
     * @param file           the known_hosts file
     * @param line           the 1-based line number
     * @param type           the key type, e.g. {@code ssh-ed25519}
     * @param oldFingerprint the fingerprint of the key the line had
     * @param newFingerprint the fingerprint of the key the host offers now
     */
    public record Replaced(Path file, int line, String type, String oldFingerprint, String newFingerprint) {

        /** E.g. {@code line 3 of /root/.ssh/known_hosts: ssh-ed25519 SHA256:old → SHA256:new}. */
        public String describe() {
            return "line " + line + " of " + file + ": " + type + " " + oldFingerprint + " → " + newFingerprint;
        }
    }

    /**
     * What {@link #record} did.
     *
     * @param file     the first known_hosts file, where new lines go
     * @param replaced the lines whose old key it replaced (or dropped, when the new key was already listed)
     * @param added    the keys it appended
     */
    public record Recorded(Path file, List<Replaced> replaced, List<ScannedKey> added) {
    }

    /**
     * The offered keys that a {@code @revoked} line lists for the host, each with where ("line 3 of
     * FILE"); {@link #record} must not be given them.
     */
    public static java.util.Map<ScannedKey, String> revoked(ConnectionSettings settings, List<ScannedKey> keys) {
        return update(settings).revoked(keys);
    }

    /** The lines that recording {@code keys} would replace, because they list the host with another key of that type. */
    public static List<Replaced> changes(ConnectionSettings settings, List<ScannedKey> keys) {
        return update(settings).changes(keys);
    }

    /**
     * Records {@code keys} across the host's known_hosts files (see {@link #knownHostsFiles}): a line
     * that lists the host with another key of the same type gets the new key in place (or loses the
     * host when the new key is already listed elsewhere), so the old key is no longer trusted; keys
     * not listed anywhere are appended to the first file.
     *
     * @throws UncheckedIOException when a file cannot be written, or a changed key is listed through a
     *                              wildcard pattern that cannot be edited for this host alone
     */
    public static Recorded record(ConnectionSettings settings, List<ScannedKey> keys) {
        KnownHostsUpdate update = update(settings);
        try {
            return update.record(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record host keys: " + e.getMessage(), e);
        }
    }

    private static KnownHostsUpdate update(ConnectionSettings settings) {
        SshOptions options = SshOptions.from(settings);
        return new KnownHostsUpdate(options.knownHosts(), hostPattern(options.address(), options.port()));
    }

    /** The known_hosts files checked for this host, in order; new keys go to the first. */
    public static List<Path> knownHostsFiles(ConnectionSettings settings) {
        return SshOptions.from(settings).knownHosts();
    }

    /** The key the server offers among {@code algorithms}, or null when it has none of them. */
    private static PublicKey offered(SshOptions options, List<String> algorithms) {
        DefaultConfig config = new SshConfig();
        config.setKeyAlgorithms(config.getKeyAlgorithms().stream().filter(a -> algorithms.contains(a.getName())).toList());
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        SSHClient client = SshLink.newClient(options, config, capture(seen));
        try {
            client.connect(options.address(), options.port());
        } catch (IOException e) {
            if (seen.get() == null && !negotiationFailed(e)) {
                throw new ConnectionException("cannot scan host keys of " + options.endpoint() + " (host "
                        + options.hostName() + "): " + SshLink.rootMessage(e), e);
            }
        } finally {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // the scan connection is throwaway
            }
        }
        return seen.get();
    }

    private static boolean negotiationFailed(IOException e) {
        return SshLink.rootMessage(e).toLowerCase(Locale.ROOT).contains("unable to reach a settlement");
    }

    private static HostKeyVerifier capture(AtomicReference<PublicKey> seen) {
        return new HostKeyVerifier() {
            @Override
            public boolean verify(String hostname, int port, PublicKey key) {
                seen.set(key);
                return false;
            }

            @Override
            public List<String> findExistingAlgorithms(String hostname, int port) {
                return List.of();
            }
        };
    }

    static ScannedKey scanned(String address, int port, PublicKey key) {
        return new ScannedKey(KeyType.fromKey(key).toString(), fingerprint(key), knownHostsLine(address, port, key));
    }

    /** OpenSSH's {@code SHA256:} fingerprint: unpadded base64 of the SHA-256 of the key blob. */
    static String fingerprint(PublicKey key) {
        return fingerprint(blob(key));
    }

    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@code host} for port 22, else {@code [host]:port}, as known_hosts writes them. */
    static String hostPattern(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    static String knownHostsLine(String host, int port, PublicKey key) {
        return hostPattern(host, port) + " " + keyText(key);
    }

    /** The key as known_hosts writes it: {@code ssh-ed25519 AAAA...}. */
    static String keyText(PublicKey key) {
        return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}
