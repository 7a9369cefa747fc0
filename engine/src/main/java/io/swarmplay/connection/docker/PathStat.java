package io.swarmplay.connection.docker;

/**
 * What the engine says is at a path in a container (the {@code X-Docker-Container-Path-Stat}
 * header of {@code HEAD /containers/ID/archive}).
 *
 * @param name       the base name
 * @param size       size in bytes
 * @param mode       Go's {@code fs.FileMode}: permission bits plus type bits from bit 31 down
 * @param linkTarget a symbolic link's target as an absolute path in the container, else empty
 */
public record PathStat(String name, long size, long mode, String linkTarget) {

    private static final long DIR = 1L << 31;
    private static final long TEMPORARY = 1L << 28;
    private static final long SYMLINK = 1L << 27;
    private static final long DEVICE = 1L << 26;
    private static final long NAMED_PIPE = 1L << 25;
    private static final long SOCKET = 1L << 24;
    private static final long SETUID = 1L << 23;
    private static final long SETGID = 1L << 22;
    private static final long CHAR_DEVICE = 1L << 21;
    private static final long STICKY = 1L << 20;
    private static final long IRREGULAR = 1L << 19;

    public boolean isSymlink() {
        return (mode & SYMLINK) != 0;
    }

    /** Not a directory, link, device, pipe, socket or other special file. */
    public boolean isRegular() {
        return (mode & (DIR | TEMPORARY | SYMLINK | DEVICE | NAMED_PIPE | SOCKET | CHAR_DEVICE | IRREGULAR)) == 0;
    }

    /** The Unix mode: permission bits with setuid, setgid and sticky where Go keeps them apart. */
    public int permissions() {
        int bits = (int) (mode & 0777);
        if ((mode & SETUID) != 0) bits |= 04000;
        if ((mode & SETGID) != 0) bits |= 02000;
        if ((mode & STICKY) != 0) bits |= 01000;
        return bits;
    }

    /** What a diff shows for a path that is not a regular file: {@code (directory)}, a link's target, ... */
    public String describeSpecial() {
        if ((mode & DIR) != 0) return "(directory)";
        if ((mode & TEMPORARY) != 0) return "(temporary file)";
        if (isSymlink()) return linkTarget;
        if ((mode & DEVICE) != 0) return "(device)";
        if ((mode & NAMED_PIPE) != 0) return "(named pipe)";
        if ((mode & SOCKET) != 0) return "(socket)";
        if ((mode & CHAR_DEVICE) != 0) return "(character device)";
        return "(unknown filesystem object)";
    }
}
