package io.swarmplay.connection.docker;

/**
 * One entry of a tar going into or coming out of a container, with ownership and type.
 *
 * @param name     the entry's name (a base name when it goes into a directory)
 * @param type     regular file, symbolic link, directory or other
 * @param linkName a link's target as stored in the tar, else null
 * @param uid      owner ID
 * @param gid      group ID
 * @param mode     permission bits, e.g. {@code 0644}
 * @param content  a regular file's bytes, else empty
 */
public record ArchiveEntry(String name, Type type, String linkName, int uid, int gid, int mode, byte[] content) {

    public enum Type { FILE, SYMLINK, DIRECTORY, OTHER }

    public static ArchiveEntry file(String name, byte[] content, int uid, int gid, int mode) {
        return new ArchiveEntry(name, Type.FILE, null, uid, gid, mode, content);
    }

    public static ArchiveEntry symlink(String name, String target, int uid, int gid, int mode) {
        return new ArchiveEntry(name, Type.SYMLINK, target, uid, gid, mode, new byte[0]);
    }
}
