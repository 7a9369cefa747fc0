package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;

import java.time.Duration;

/**
 * Why a write over SFTP failed with the status OpenSSH gives every I/O error (SSH_FX_FAILURE,
 * "Failure"): asks {@code df} about the target's file system while the partial file still fills it.
 */
final class DiskSpace {

    /** Less free space than this after a failed write means the write filled the disk. */
    static final long FULL_KIB = 1024;

    private DiskSpace() {
    }

    /**
     * "no space left on device (MOUNT has N KiB free)" or "no free inodes left on MOUNT" when the
     * file system holding {@code path} is full, else null (also when {@code df} cannot tell).
     */
    static String problem(SshConnection connection, String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        try {
            ExecResult blocks = connection.exec(Command.of("df", "-P", "-k", dir).withTimeout(Duration.ofSeconds(30)));
            ExecResult inodes = connection.exec(Command.of("df", "-P", "-i", dir).withTimeout(Duration.ofSeconds(30)));
            String[] b = lastLine(blocks);
            String[] i = lastLine(inodes);
            if (b != null && Long.parseLong(b[3]) < FULL_KIB) {
                return "no space left on device (" + b[5] + " has " + b[3] + " KiB free)";
            }
            if (i != null && i[3].equals("0")) return "no free inodes left on " + i[5];
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The fields of df's last line (filesystem, size, used, available, use%, mount), or null. */
    private static String[] lastLine(ExecResult r) {
        if (!r.succeeded()) return null;
        String[] lines = r.stdoutTrimmed().split("\n");
        String[] f = lines[lines.length - 1].trim().split("\\s+", 6);
        return f.length == 6 && f[3].matches("\\d+") ? f : null;
    }
}
