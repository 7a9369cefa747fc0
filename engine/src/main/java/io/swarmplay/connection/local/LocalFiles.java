package io.swarmplay.connection.local;

import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** File operations of the local connection, through NIO. Messages name paths, never contents. */
final class LocalFiles {

    /** Mode of a new file written without one: what {@code 0666 & ~022} gives. */
    private static final int NEW_FILE_MODE = 0644;

    private LocalFiles() {
    }

    static Optional<FileStat> stat(String path) {
        Path file = LocalPaths.of(path);
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:mode,size,owner,group,isSymbolicLink,"
                    + "isDirectory,isRegularFile", LinkOption.NOFOLLOW_LINKS);
            FileStat.Type type = (Boolean) a.get("isSymbolicLink") ? FileStat.Type.LINK
                    : (Boolean) a.get("isDirectory") ? FileStat.Type.DIRECTORY
                    : (Boolean) a.get("isRegularFile") ? FileStat.Type.FILE : FileStat.Type.OTHER;
            String target = type == FileStat.Type.LINK ? Files.readSymbolicLink(file).toString() : null;
            return Optional.of(new FileStat(type, (Integer) a.get("mode") & 07777, (Long) a.get("size"),
                    ((UserPrincipal) a.get("owner")).getName(), ((GroupPrincipal) a.get("group")).getName(), target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot stat", path, e);
        }
    }

    static Optional<String> sha256(String path) {
        try (InputStream in = Files.newInputStream(LocalPaths.of(path))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[65536];
            for (int n; (n = in.read(chunk)) >= 0; ) digest.update(chunk, 0, n);
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot checksum", path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static void read(String path, OutputStream sink) {
        try (InputStream in = Files.newInputStream(LocalPaths.of(path))) {
            in.transferTo(sink);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + path, e);
        } catch (IOException e) {
            throw failure("cannot read", path, e);
        }
    }

    /** Temp file next to the target, attributes set on it, then renamed over the target. */
    static void write(String path, InputStream content, FileAttrs attrs) {
        Path target = LocalPaths.of(path).toAbsolutePath();
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) throw new UncheckedIOException("no such directory: " + dir, new NoSuchFileException(dir.toString()));
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".swarmplay-tmp");
            copyAndSync(content, temp);
            applyAttrs(temp, target, attrs);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw failure("cannot write", path, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void copyAndSync(InputStream content, Path temp) throws IOException {
        try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
            content.transferTo(out);
            out.getFD().sync();
        }
    }

    /** Owner first (chown clears set-id bits), then mode; unspecified parts keep the old file's values. */
    private static void applyAttrs(Path temp, Path target, FileAttrs attrs) throws IOException {
        Optional<FileStat> old = stat(target.toString());
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        UserPrincipalLookupService users = temp.getFileSystem().getUserPrincipalLookupService();
        if (attrs.owner() != null) view.setOwner(users.lookupPrincipalByName(attrs.owner()));
        else old.ifPresent(s -> keep(() -> view.setOwner(users.lookupPrincipalByName(s.owner()))));
        if (attrs.group() != null) view.setGroup(users.lookupPrincipalByGroupName(attrs.group()));
        else old.ifPresent(s -> keep(() -> view.setGroup(users.lookupPrincipalByGroupName(s.group()))));
        int mode = attrs.mode() != null ? attrs.mode() : old.map(FileStat::mode).orElse(NEW_FILE_MODE);
        // unix:mode is a plain chmod, so set-id and sticky bits survive (PosixFilePermission has none)
        Files.setAttribute(temp, "unix:mode", mode & 07777);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Keeping the old owner is best effort: only root may give a file away. */
    private static void keep(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // not root: the new file stays ours, as it would with cp
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // best effort: a leftover hidden temp file is harmless
        }
    }

    private static UncheckedIOException failure(String what, String path, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or directory"
                : io.swarmplay.connection.Causes.plain(e);
        return new UncheckedIOException(what + " " + path + ": " + reason, e);
    }
}
