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
 * {@code [host]:port} entries, parsed by sshj), and appended to under a process-wide lock.
 */
final class KnownHostsFile {

    /** An entry that names a host pattern, with its 1-based line number. */
    record Line(int number, KnownHostEntry entry) {
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
                    KnownHostEntry e = parseQuietly(parser, text.get(i));
                    if (e != null && e.getType() != KeyType.UNKNOWN) lines.add(new Line(i + 1, e));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read known_hosts file " + path + ": " + e.getMessage(), e);
            }
        }
        return new KnownHostsFile(path, lines);
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

    /** The entries for {@code hostPattern} ({@code host} or {@code [host]:port}) with this key type. */
    List<Line> matching(KeyType type, String hostPattern) {
        List<Line> found = new ArrayList<>();
        for (Line l : lines) {
            if (applies(l.entry(), type, hostPattern)) found.add(l);
        }
        return found;
    }

    /** The key types this file lists for {@code hostPattern}. */
    List<String> types(String hostPattern) {
        List<String> types = new ArrayList<>();
        for (Line l : lines) {
            if (applies(l.entry(), null, hostPattern)) types.add(l.entry().getType().toString());
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
