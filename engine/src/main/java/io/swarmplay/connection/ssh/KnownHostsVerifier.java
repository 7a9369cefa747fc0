package io.swarmplay.connection.ssh;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks a server's host key against several known_hosts files and never prompts. A key that a
 * {@code @revoked} line lists for the host is refused under every policy, even when another line
 * lists it as trusted (as OpenSSH does); a key that matches is accepted; a host listed with a
 * different key of the same type is refused with a HOST KEY CHANGED message under every policy; an
 * unlisted host follows the {@link HostKeyPolicy}.
 * When it refuses, {@link #failure()} holds the message (sshj's own exception does not tell
 * unknown from changed).
 */
final class KnownHostsVerifier implements HostKeyVerifier {

    static final String TRUST_HINT = "run 'swarmplay trust %s' to record it after checking the fingerprint,"
            + " or set host_key_checking: accept-new in the inventory for first contact";

    private final String hostName;
    private final List<Path> files;
    private final HostKeyPolicy policy;
    private volatile String failure;

    KnownHostsVerifier(String hostName, List<Path> files, HostKeyPolicy policy) {
        this.hostName = hostName;
        this.files = List.copyOf(files);
        this.policy = policy;
    }

    /** Why the last key was refused, or null. */
    String failure() {
        return failure;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        try {
            return check(hostname, port, key);
        } catch (UncheckedIOException e) {
            failure = e.getMessage();
            return false;
        }
    }

    private boolean check(String hostname, int port, PublicKey key) {
        String pattern = HostKeys.hostPattern(hostname, port);
        KeyType type = KeyType.fromKey(key);
        String offered = type + " " + HostKeys.fingerprint(key);
        String revoked = revokedBy(pattern, key);
        if (revoked != null) {
            failure = "REVOKED host key for " + pattern + " (host " + hostName + "): the server offers " + offered
                    + ", which " + revoked + " marks @revoked; refusing to connect";
            return false;
        }
        String mismatch = null;
        for (Path path : files) {
            for (KnownHostsFile.Line line : KnownHostsFile.read(path).matching(type, pattern)) {
                if (KnownHostsFile.verifies(line, key)) return true;
                if (mismatch == null) mismatch = "known_hosts line " + line.number() + " of " + path;
            }
        }
        if (mismatch != null) {
            failure = "HOST KEY CHANGED for " + pattern + ": the server now offers " + offered + " which does not match "
                    + mismatch + "; refusing to connect";
            return false;
        }
        return unknown(pattern, offered, HostKeys.knownHostsLine(hostname, port, key));
    }

    /** Where a {@code @revoked} line lists {@code key} for the host, or null. */
    private String revokedBy(String pattern, PublicKey key) {
        for (Path path : files) {
            for (KnownHostsFile.Line line : KnownHostsFile.read(path).revoked(pattern)) {
                // sshj's verify() answers false for a @revoked entry, so the keys are compared as text
                if (line.key().equals(HostKeys.keyText(key))) return "known_hosts line " + line.number() + " of " + path;
            }
        }
        return null;
    }

    private boolean unknown(String pattern, String offered, String line) {
        switch (policy) {
            case OFF:
                return true;
            case ACCEPT_NEW:
                return record(pattern, line);
            default:
                failure = "unknown host key for " + pattern + " (host " + hostName + "): the server offers " + offered
                        + ", which no known_hosts file lists (checked " + String.join(", ", names()) + ")\n"
                        + String.format(TRUST_HINT, hostName);
                return false;
        }
    }

    private boolean record(String pattern, String line) {
        Path first = files.get(0);
        try {
            KnownHostsFile.append(first, List.of(line));
            return true;
        } catch (IOException e) {
            failure = "cannot record the host key for " + pattern + " into " + first + ": " + e.getMessage();
            return false;
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.toString()));
        return names;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        String pattern = HostKeys.hostPattern(hostname, port);
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (Path path : files) types.addAll(KnownHostsFile.read(path).types(pattern));
        return new ArrayList<>(types);
    }
}
