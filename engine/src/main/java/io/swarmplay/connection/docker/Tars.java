package io.swarmplay.connection.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Tar archives for the engine's archive API and build contexts (commons-compress, a docker-java dependency). */
final class Tars {

    private Tars() {
    }

    /** One tar of {@code files}, with directory entries for their parents (mode 0755). */
    static byte[] of(List<TarFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = open(bytes)) {
            List<String> dirs = new ArrayList<>();
            for (TarFile file : files) {
                addParents(tar, file.path(), dirs);
                TarArchiveEntry entry = new TarArchiveEntry(file.path());
                entry.setSize(file.content().length);
                entry.setMode(file.mode());
                tar.putArchiveEntry(entry);
                tar.write(file.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void addParents(TarArchiveOutputStream tar, String path, List<String> done) throws IOException {
        int slash = path.indexOf('/');
        while (slash > 0) {
            String dir = path.substring(0, slash + 1);
            if (!done.contains(dir)) {
                TarArchiveEntry entry = new TarArchiveEntry(dir);
                entry.setMode(040755);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                done.add(dir);
            }
            slash = path.indexOf('/', slash + 1);
        }
    }

    /** A build context: every regular file under {@code dir}, paths relative to it, modes kept. */
    static void writeContext(Path dir, OutputStream out) {
        try (TarArchiveOutputStream tar = open(out); Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), dir.relativize(file).toString());
                entry.setMode(mode(file));
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send build context " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The file's permission bits (the executable bit matters in a build context); 0644 where POSIX modes are unknown. */
    private static int mode(Path file) throws IOException {
        try {
            int mode = 0;
            for (java.nio.file.attribute.PosixFilePermission p : Files.getPosixFilePermissions(file)) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException e) {
            return 0644;
        }
    }

    /** The regular files of a tar stream. */
    static List<TarFile> read(InputStream in) {
        List<TarFile> files = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) files.add(new TarFile(e.getName(), tar.readAllBytes(), e.getMode() & 07777));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A tar of one entry, with its owner, group and mode (a regular file or a symbolic link). */
    static byte[] of(ArchiveEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = open(bytes)) {
            TarArchiveEntry e = entry.type() == ArchiveEntry.Type.SYMLINK
                    ? new TarArchiveEntry(entry.name(), org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK)
                    : new TarArchiveEntry(entry.name());
            if (e.isSymbolicLink()) e.setLinkName(entry.linkName());
            else e.setSize(entry.content().length);
            e.setMode((e.isSymbolicLink() ? 0120000 : 0100000) | entry.mode());
            e.setUserId(entry.uid());
            e.setGroupId(entry.gid());
            tar.putArchiveEntry(e);
            tar.write(entry.content());
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first entry of a tar stream (the path itself, for the engine's archive API); empty for an empty tar. */
    static java.util.Optional<ArchiveEntry> first(InputStream in) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e = tar.getNextEntry();
            if (e == null) return java.util.Optional.empty();
            ArchiveEntry.Type type = e.isSymbolicLink() ? ArchiveEntry.Type.SYMLINK : e.isDirectory() ? ArchiveEntry.Type.DIRECTORY
                    : e.isFile() ? ArchiveEntry.Type.FILE : ArchiveEntry.Type.OTHER;
            byte[] content = type == ArchiveEntry.Type.FILE ? tar.readAllBytes() : new byte[0];
            return java.util.Optional.of(new ArchiveEntry(e.getName(), type, e.isSymbolicLink() ? e.getLinkName() : null,
                    (int) e.getLongUserId(), (int) e.getLongGroupId(), e.getMode() & 07777, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TarArchiveOutputStream open(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }
}
