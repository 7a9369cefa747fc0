package io.swarmplay.connection.ssh;

/**
 * A host key as a server offered it, ready to show and to record.
 *
 * @param type           the key type, e.g. {@code ssh-ed25519}
 * @param fingerprint    OpenSSH style {@code SHA256:} + unpadded base64 of the key blob
 * @param knownHostsLine the line {@code swarmplay trust} appends, e.g.
 *                       {@code [127.0.0.30]:2230 ssh-ed25519 AAAA...}
 */
public record ScannedKey(String type, String fingerprint, String knownHostsLine) {
}
