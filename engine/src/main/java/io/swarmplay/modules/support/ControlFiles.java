package io.swarmplay.modules.support;

import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files on the control node that modules read ({@code copy: src}, {@code template: src}). */
public final class ControlFiles {

    private ControlFiles() {
    }

    /** The resolved path of {@code src}, which must be a regular file. */
    public static Path find(HostView host, String src, String kind) {
        Path path = host.controlFile(src, kind);
        if (path == null || !Files.exists(path)) {
            throw ModuleException.notOnController(src, List.of(kind + "/" + src + " next to the playbook", src));
        }
        if (!Files.isRegularFile(path)) {
            throw new ModuleException("src '" + src + "' is a directory; copying directories is not supported, give a file");
        }
        return path;
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The message of a control-node file that cannot be read. */
    static ModuleException unreadable(Path path, IOException e) {
        return new ModuleException("cannot read " + path + " on the control node: " + io.swarmplay.connection.Causes.plain(e));
    }

    /**
     * A control-node file's bytes, decrypted when it is vault-encrypted (Ansible's {@code decrypt: true}
     * of {@code copy}, with the passwords the run was given).
     */
    public static FileContent content(Path path, boolean decrypt, HostView host) {
        return decrypt && vaultEncrypted(path) ? FileContent.of(readDecrypted(path, host)) : FileContent.of(path);
    }

    private static boolean vaultEncrypted(Path path) {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(64);
            return io.swarmplay.source.Vault.isEncrypted(new String(head, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private static byte[] readDecrypted(Path path, HostView host) {
        byte[] bytes = read(path);
        io.swarmplay.source.Vault vault = host.extension(io.swarmplay.source.Vault.class).orElse(io.swarmplay.source.Vault.none());
        if (!vault.hasSecrets()) {
            // Ansible's DataLoader.get_real_file, before trying to decrypt
            throw new ModuleException("A vault password or secret must be specified to decrypt " + path);
        }
        try {
            return vault.decrypt(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (io.swarmplay.source.Vault.VaultException e) {
            throw new ModuleException("cannot decrypt " + path + ": " + e.getMessage() + " (" + e.hint() + ")");
        }
    }

    /** The SHA-256 of a control-node file, or empty when there is none. */
    public static java.util.Optional<String> sha256(Path path) {
        if (!Files.isRegularFile(path)) return java.util.Optional.empty();
        return java.util.Optional.of(FileContent.of(path).sha256());
    }

    /**
     * Writes a control-node file atomically (a temp file beside it, then a rename), creating
     * parent directories; returns the SHA-256 of what was written.
     */
    public static String writeAtomically(Path target, java.util.function.Consumer<java.io.OutputStream> content) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".swarmplay-tmp");
            try {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                try (java.io.OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(temp), digest)) {
                    content.accept(out);
                }
                Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return java.util.HexFormat.of().formatHex(digest.digest());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new ModuleException("cannot write " + target + " on the control node: " + e.getMessage());
        }
    }
}
