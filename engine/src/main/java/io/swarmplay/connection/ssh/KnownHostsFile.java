package io.swarmplay.connection.ssh;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One OpenSSH known_hosts file, read with line numbers (plain, hashed {@code |1|} and
 * {@code [host]:port} entries, parsed by sshj, and their {@code @revoked} / {@code @cert-authority}
 * markers), and appended to or rewritten under a process-wide lock.
 */
final class KnownHostsFile {

    static {
        SshConfig.useJdkProviders(); // before sshj parses a key: it would register BouncyCastle otherwise
    }

    static final String REVOKED = "@revoked";

    /**
     * An entry that names a host pattern, with its 1-based line number, its text and its marker.
     *
     * @param marker {@code @revoked}, {@code @cert-authority}, or null for a plain host key
     */
    record Line(int number, KnownHostEntry entry, String text, String marker) {

        /** The host patterns (or the hashed host) the line lists. */
        String hostPart() {
            return fields()[marker == null ? 0 : 1];
        }

        /** The line's key type and base64 key blob, e.g. {@code ssh-ed25519 AAAA...}. */
        String key() {
            String[] f = fields();
            int at = marker == null ? 1 : 2;
            return f[at] + " " + f[at + 1];
        }

        /** The SHA256 fingerprint of the line's key, as OpenSSH shows it. */
        String fingerprint() {
            return HostKeys.fingerprint(java.util.Base64.getDecoder().decode(key().split(" ")[1]));
        }

        private String[] fields() {
            return text.trim().split("\\s+");
        }
    }

    private static final Object APPEND_LOCK = new Object();

    private final Path path;
    private final List<Line> lines;

    private KnownHostsFile(Path path, List<Line> lines) {
        this.path = path;
        this.lines = lines;
    }

    /** Reads {@code path}; a missing file has no entries; unparseable lines are skipped. */
    static KnownHostsFile read(Path path) {
        List<Line> lines = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            try {
                OpenSSHKnownHosts.EntryFactory parser = new OpenSSHKnownHosts(new StringReader("")).new EntryFactory();
                List<String> text = Files.readAllLines(path, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    String line = text.get(i);
                    KnownHostEntry e = parseQuietly(parser, line);
                    if (e != null && e.getType() != KeyType.UNKNOWN) lines.add(new Line(i + 1, e, line, marker(line)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read known_hosts file " + path + ": " + e.getMessage(), e);
            }
        }
        return new KnownHostsFile(path, lines);
    }

    private static String marker(String line) {
        String first = line.trim().split("\\s+", 2)[0];
        return first.startsWith("@") ? first : null;
    }

    private static KnownHostEntry parseQuietly(OpenSSHKnownHosts.EntryFactory parser, String line) {
        try {
            return parser.parseEntry(line);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    Path path() {
        return path;
    }

    /**
     * The plain host-key entries for {@code hostPattern} ({@code host} or {@code [host]:port}) with
     * this key type; {@code @revoked} and {@code @cert-authority} lines are not host keys.
     */
    List<Line> matching(KeyType type, String hostPattern) {
        List<Line> found = new ArrayList<>();
        for (Line l : lines) {
            if (l.marker() == null && applies(l.entry(), type, hostPattern)) found.add(l);
        }
        return found;
    }

    /** The {@code @revoked} lines that apply to {@code hostPattern}, of any key type. */
    List<Line> revoked(String hostPattern) {
        List<Line> found = new ArrayList<>();
        for (Line l : lines) {
            if (REVOKED.equals(l.marker()) && applies(l.entry(), null, hostPattern)) found.add(l);
        }
        return found;
    }

    /** The key types this file lists for {@code hostPattern}. */
    List<String> types(String hostPattern) {
        List<String> types = new ArrayList<>();
        for (Line l : lines) {
            if (l.marker() == null && applies(l.entry(), null, hostPattern)) types.add(l.entry().getType().toString());
        }
        return types;
    }

    static boolean verifies(Line line, PublicKey key) {
        try {
            return line.entry().verify(key);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean applies(KnownHostEntry e, KeyType type, String hostPattern) {
        try {
            return type == null ? e.appliesTo(hostPattern) : e.appliesTo(type, hostPattern);
        } catch (IOException ex) {
            return false;
        }
    }

    /** Appends lines (each without newline), creating the file and its directory (0700) if needed. */
    static void append(Path path, List<String> newLines) throws IOException {
        synchronized (APPEND_LOCK) {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetMode(dir, "rwx------");
            }
            StringBuilder text = new StringBuilder();
            if (Files.size(touch(path)) > 0 && !endsWithNewline(path)) text.append('\n');
            newLines.forEach(l -> text.append(l).append('\n'));
            Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    /**
     * Rewrites {@code path} with some lines replaced: {@code changes} maps a 1-based line number to
     * its new text, or to null to drop the line. Atomic (temp file + rename), keeping the file's mode.
     */
    static void rewrite(Path path, java.util.Map<Integer, String> changes) throws IOException {
        synchronized (APPEND_LOCK) {
            List<String> text = Files.readAllLines(path, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.size(); i++) {
                String line = changes.containsKey(i + 1) ? changes.get(i + 1) : text.get(i);
                if (line != null) out.append(line).append('\n');
            }
            Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".known_hosts", ".tmp");
            try {
                Files.writeString(temp, out, StandardCharsets.UTF_8);
                trySetPermissions(temp, path);
                Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void trySetPermissions(Path path, Path like) {
        try {
            Files.setPosixFilePermissions(path, Files.getPosixFilePermissions(like));
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort, as for new files
        }
    }

    private static Path touch(Path path) throws IOException {
        if (!Files.exists(path)) {
            Files.createFile(path);
            trySetMode(path, "rw-------");
        }
        return path;
    }

    private static boolean endsWithNewline(Path path) throws IOException {
        try (var ch = Files.newByteChannel(path)) {
            ch.position(ch.size() - 1);
            var buf = java.nio.ByteBuffer.allocate(1);
            ch.read(buf);
            return buf.get(0) == '\n';
        }
    }

    private static void trySetMode(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: a non-POSIX file system keeps its defaults
        }
    }
}
