package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What an archive holds, read on the control node: zip, tar and gzip-compressed tar (other
 * compressions are recognised by their magic bytes and not listed). Names as {@code tar -t} and
 * {@code unzip -Z1} print them: directories end in {@code /}.
 *
 * @param handler Ansible's name for the archive's kind ({@code ZipArchive}, {@code TgzArchive}, {@code TarArchive}, ...)
 * @param entries the entries, in archive order; empty when {@link #listed} is false
 * @param listed  whether the entries could be read
 */
public record ArchiveListing(String handler, List<Entry> entries, boolean listed) {

    /** One member: its name, size, and whether it is a directory. */
    public record Entry(String name, long size, boolean directory) {
    }

    public static ArchiveListing of(byte[] archive, String name) {
        try {
            if (starts(archive, 0x50, 0x4b)) return new ArchiveListing("ZipArchive", zip(archive), true);
            if (starts(archive, 0x1f, 0x8b)) return new ArchiveListing("TgzArchive", tar(new GZIPInputStream(new ByteArrayInputStream(archive))), true);
            if (starts(archive, 'B', 'Z')) return new ArchiveListing("TarBzipArchive", List.of(), false);
            if (starts(archive, 0xfd, '7')) return new ArchiveListing("TarXzArchive", List.of(), false);
            if (archive.length >= 262 && new String(archive, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
                return new ArchiveListing("TarArchive", tar(new ByteArrayInputStream(archive)), true);
            }
        } catch (IOException e) {
            throw new ModuleException("cannot read the archive " + name + ": " + e.getMessage());
        }
        throw new ModuleException("Failed to find handler for \"" + name + "\". Make sure the required command to extract the file is installed.");
    }

    private static boolean starts(byte[] data, int a, int b) {
        return data.length > 2 && (data[0] & 0xff) == a && (data[1] & 0xff) == b;
    }

    private static List<Entry> zip(byte[] archive) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                long size = e.getSize() >= 0 ? e.getSize() : in.transferTo(java.io.OutputStream.nullOutputStream());
                entries.add(new Entry(e.getName(), size, e.isDirectory()));
            }
        }
        return entries;
    }

    /** POSIX/GNU tar headers: 512-byte blocks, GNU long names ({@code L}), pax headers skipped. */
    private static List<Entry> tar(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512 || header[0] == 0) break;
            long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
            char type = (char) header[156];
            byte[] body = in.readNBytes((int) ((size + 511) / 512 * 512));
            if (type == 'L') {
                longName = new String(body, 0, (int) size, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'x' || type == 'g') continue;
            String prefix = field(header, 345, 155);
            String name = longName != null ? longName : (prefix.isEmpty() ? "" : prefix + "/") + field(header, 0, 100);
            longName = null;
            entries.add(new Entry(name, size, type == '5' || name.endsWith("/")));
        }
        return entries;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8).strip();
    }
}
